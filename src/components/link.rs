use crate::routes::AppRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

/// A link to a page of the app. The router's `<A>` leaves absolute paths as
/// they are, so the deployment's sub-path (`/h5`) is added here: every
/// address in the page stays right for "open in new tab" and reloads.
#[component]
pub fn Link(
    /// Where it goes.
    to: AppRoute,
    /// CSS classes (e.g. `"button button-primary"`).
    #[prop(optional)]
    class: &'static str,
    /// Marks the link current only on an exact match (for `/`).
    #[prop(optional)]
    exact: bool,
    /// The link's text.
    children: Children,
) -> impl IntoView {
    let href = format!("{}{}", use_session().base.get_value(), to.path());
    view! {
        <A href=href attr:class=class exact=exact>
            {children()}
        </A>
    }
}
