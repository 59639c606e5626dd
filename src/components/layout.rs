use super::LangSwitch;
use crate::api;
use crate::i18n::*;
use crate::routes::AppRoute;
use crate::session::{use_go, use_session};
use leptos::prelude::*;
use leptos_router::components::A;

/// The frame of every page: skip link, header with the language switch,
/// the page itself, and the main menu.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let go = use_go();
    let logout = Action::new_local(|_: &()| api::log_out());
    Effect::new(move |_| {
        // Whatever the server said, the borrower asked to leave: forget the session here.
        if logout.value().get().is_some() {
            session.logged_in.set(Some(false));
            go(AppRoute::Home);
        }
    });
    view! {
        <a class="skip-link" href="#main">{crate::tr!(i18n, skip_to_content)}</a>
        <header class="app-header">
            <A href=AppRoute::Home.path() attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"C"</span>
                {crate::tr!(i18n, app_name)}
            </A>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <nav class="app-nav" aria-label=move || t_string!(i18n, nav.label)>
            <A href=AppRoute::Home.path() exact=true>{crate::tr!(i18n, nav.home)}</A>
            <A href=AppRoute::Orders.path()>{crate::tr!(i18n, nav.orders)}</A>
            <A href=AppRoute::Support.path()>{crate::tr!(i18n, nav.support)}</A>
            <Show
                when=move || session.logged_in.get() == Some(true)
                fallback=move || view! {
                    <A href=AppRoute::Login { next: None, expired: false }.path()>
                        {crate::tr!(i18n, nav.login)}
                    </A>
                }
            >
                <button
                    type="button"
                    class="link-button"
                    disabled=move || logout.pending().get()
                    on:click=move |_| {
                        if !logout.pending().get_untracked() {
                            logout.dispatch(());
                        }
                    }
                >
                    {crate::tr!(i18n, nav.logout)}
                </button>
            </Show>
        </nav>
    }
}
