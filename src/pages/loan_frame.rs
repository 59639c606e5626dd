use crate::components::{Loader, Read};
use crate::i18n::*;
use cashgo_core::OrderNo;
use leptos::prelude::*;

/// The frame of a page about one loan (`/repay/:oid`, `/extend/:oid`): its
/// title, the order number, then what the read draws.
#[component]
pub fn LoanFrame(
    /// The heading's id, which names the section.
    title_id: &'static str,
    /// The page's title, from the catalogs.
    #[prop(into)]
    title: ViewFn,
    /// The order from the address.
    oid: OrderNo,
    /// What to read, and how to draw it.
    read: Read,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby=title_id>
            <h1 id=title_id>{title.run()}</h1>
            <p class="order-no">{tr!(i18n, repay.order, oid = oid.to_string())}</p>
            <Loader read=read rows=5 />
        </section>
    }
}
