use crate::components::Link;
use crate::i18n::*;
use crate::routes::AppRoute;
use leptos::prelude::*;

/// Any path that is not in the route table.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{tr!(i18n, not_found.title)}</h1>
            <p>{tr!(i18n, not_found.body)}</p>
            <Link to=AppRoute::Home class="button">{tr!(i18n, not_found.home)}</Link>
        </section>
    }
}
