use super::LangSwitch;
use crate::api;
use crate::components::{ErrorView, Link};
use crate::i18n::*;
use crate::routes::AppRoute;
use crate::session::{use_go, use_session};
use cashgo_core::ApiError;
use leptos::prelude::*;

/// The frame of every page: skip link, header with the language switch,
/// the page itself, and the main menu.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let go = use_go();
    // The session is forgotten here either way (`api::write` tells it); a
    // failure is said on the page with a retry, since the server may still
    // hold the session (a shared phone). Signals rather than a
    // `write_action`: the header is on every page, and the action machinery
    // (like the write itself, `api::write`) belongs to the pages with forms,
    // in their chunks, not in the first module (README "Size and speed").
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let log_out = Callback::new(move |_: ()| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failed.set(None);
        let go = go.clone();
        leptos::task::spawn_local(async move {
            let done = api::write(api::Write::LogOut).await;
            pending.set(false);
            match done {
                Ok(_) => go(AppRoute::Home),
                Err(error) => failed.set(Some(error)),
            }
        });
    });
    let logout_failed = move || {
        failed
            .get()
            .map(|error| view! { <ErrorView error=error retry=log_out /> })
    };
    // After an in-app navigation, focus moves to the new page (as a page load
    // would), so screen readers start reading there and keyboard users don't
    // stay on a link that is gone.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_main();
        }
        path
    });
    view! {
        <a class="skip-link" href="#main">{tr!(i18n, skip_to_content)}</a>
        <header class="app-header">
            <Link to=AppRoute::Home class="brand">
                <span class="brand-mark" aria-hidden="true">"C"</span>
                {tr!(i18n, app_name)}
            </Link>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">{logout_failed}{children()}</main>
        <nav class="app-nav" aria-label=tr!(i18n, nav.label)>
            <Link to=AppRoute::Home exact=true>{tr!(i18n, nav.home)}</Link>
            <Link to=AppRoute::Orders>{tr!(i18n, nav.orders)}</Link>
            <Link to=AppRoute::Support>{tr!(i18n, nav.support)}</Link>
            // Only what the app knows: nothing until an answer has said.
            {move || match session.logged_in.get() {
                Some(true) => Some(view! {
                    <button
                        type="button"
                        class="link-button"
                        disabled=move || pending.get()
                        on:click=move |_| log_out.run(())
                    >
                        {tr!(i18n, nav.logout)}
                    </button>
                }.into_any()),
                Some(false) => Some(view! {
                    <Link to=AppRoute::Login { next: None, expired: false }>
                        {tr!(i18n, nav.login)}
                    </Link>
                }.into_any()),
                None => None,
            }}
        </nav>
    }
}

/// Puts keyboard and screen-reader focus at the start of the page content.
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
