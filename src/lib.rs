//! CashGo borrower web app: wiring of router, i18n, session and boot.
//!
//! `main.rs` only calls [`start`]. Pages live in `pages/`, shared pieces in
//! `components/`, requests in `api/`; the domain (loans, exact money and
//! days) and the wire's decoders are the `cashgo-core` crate (`core/`).

/// What `build.rs` generates from `locales/` with `leptos_i18n_build`.
// Its context, providers and other macros are not used (see `i18n`).
#[allow(unused_imports, dead_code, deprecated)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}

/// The catalogs, and the language on screen.
///
/// The generated `Locale` and its lookups are leptos_i18n's; the context is
/// our own [`lang::I18n`] (a signal of the locale) instead of its
/// `I18nContextProvider`, which brings cookie, device-language and
/// `<html lang>` machinery (leptos-use, leptos_meta, ICU locale parsing)
/// that `lang` and `boot` already do: about 10 % of the wasm. Catalog text
/// is printed one way, [`tr!`](lang::tr).
mod i18n {
    pub use crate::generated::i18n::Locale;
    pub(crate) use crate::lang::tr;
    pub use crate::lang::{use_i18n, I18n};
}

mod api;
mod boot;
mod bridge;
mod clock;
mod components;
mod config;
mod draft;
mod format;
mod ics;
mod lang;
#[cfg(test)]
mod module_graph;
mod offline;
mod pages;
mod photo;
mod photo_upload;
mod platform;
mod routes;
mod session;
mod url;
mod validate;

use crate::i18n::Locale;
use components::Layout;
use leptos::prelude::*;
use leptos_router::components::Router;
use pages::Pages;
use session::Session;

pub use boot::start;

/// The whole app, once the configuration and the language are known.
#[component]
pub(crate) fn App(
    /// The language decided at boot (see `lang`).
    locale: Locale,
    /// The router base for a sub-path deployment (`""` at the root).
    base: String,
) -> impl IntoView {
    view! { <Shell locale=locale base=base /> }
}

#[component]
fn Shell(locale: Locale, base: String) -> impl IntoView {
    let i18n = lang::I18n::provide(locale);
    boot::follow_locale(i18n);
    let session = Session::provide(base.clone());
    // The one place the API's answers reach the session.
    api::on_session(move |news| session.hear(news));
    draft::follow(session);
    // Issue 16: what the borrower did, for the native app's bridge and the
    // references kept for offline use (which also go with the session).
    api::on_outcome(|outcome| {
        bridge::heard(outcome);
        offline::heard(outcome);
    });
    session.listen(offline::follow);
    bridge::provide();
    photo_upload::WaitingPhotos::provide();
    view! {
        <Router base=base>
            <Layout>
                <Pages />
            </Layout>
        </Router>
    }
}
