//! CashGo borrower web app: wiring of router, i18n, session and boot.
//!
//! `main.rs` only calls [`start`]. Pages live in `pages/`, shared pieces in
//! `components/`, the wire in `api/`, exact money and days in `money`/`day`.

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
mod boot;
mod components;
pub mod config;
pub mod day;
pub mod format;
pub mod lang;
pub mod money;
mod pages;
pub mod routes;
mod session;
pub mod validate;

use crate::i18n::{use_i18n, I18nContextProvider, Locale};
use components::Layout;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::*;
use session::Session;

pub use boot::start;

/// The whole app, once the configuration and the language are known.
#[component]
pub fn App(
    /// The language decided at boot (see `lang`).
    locale: Locale,
    /// The router base for a sub-path deployment (`""` at the root).
    base: String,
) -> impl IntoView {
    view! {
        <I18nContextProvider enable_cookie=false>
            <Shell locale=locale base=base />
        </I18nContextProvider>
    }
}

#[component]
fn Shell(locale: Locale, base: String) -> impl IntoView {
    let i18n = use_i18n();
    i18n.set_locale(locale);
    // The provider's own first effect resets the locale to the device's
    // language; this one is created later, so it runs later and wins.
    Effect::new(move |_| i18n.set_locale(locale));
    boot::follow_locale(i18n);
    Session::provide(base.clone());
    view! {
        <Router base=base>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/orders") view=OrdersPage />
                    <Route path=path!("/repay/:oid") view=RepayPage />
                    <Route path=path!("/extend/:oid") view=ExtendPage />
                    <Route path=path!("/pay/:oid") view=PayPage />
                    <Route path=path!("/proof/:oid") view=ProofPage />
                    <Route path=path!("/feedback") view=FeedbackPage />
                    <Route path=path!("/contacts") view=ContactsPage />
                    <Route path=path!("/support") view=SupportPage />
                </Routes>
            </Layout>
        </Router>
    }
}

/// A catalog string that follows the language on screen.
///
/// Every call site shares this one non-generic view type, where `t!` makes a
/// new closure type (and its own render code) per call: across a few hundred
/// strings that difference is a large part of the wasm (see README "Size").
pub fn text(
    i18n: leptos_i18n::I18nContext<Locale>,
    pick: fn(Locale) -> &'static str,
) -> impl IntoView + Copy {
    move || pick(i18n.get_locale())
}

/// `tr!(i18n, repay.title)`: [`text`] for a key without interpolation.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        $crate::text($i18n, |locale| $crate::i18n::td_string!(locale, $($key)+))
    };
}
