//! One component per route.

mod contacts;
mod extend;
mod feedback;
mod home;
mod lazy;
mod loan_frame;
mod login;
mod not_found;
mod orders;
mod pay;
mod proof;
mod repay;
mod support;

pub use contacts::ContactsPage;
pub use extend::ExtendPage;
pub use feedback::FeedbackPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use orders::OrdersPage;
pub use pay::PayPage;
pub use proof::ProofPage;
pub use repay::RepayPage;
pub use support::SupportPage;

use crate::routes::{strip_base, AppRoute};
use crate::session::use_session;
pub(crate) use lazy::fetch_soon;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

/// The page for the address: [`AppRoute::parse`] is the route table. One
/// match instead of leptos_router's `<Routes>`, whose nested matching added
/// about 5 % to the wasm for ten flat routes.
#[component]
pub fn Pages() -> impl IntoView {
    let location = use_location();
    let base = use_session().base;
    let route = Memo::new(move |_| {
        let path = location.pathname.get();
        AppRoute::parse(strip_base(&base.read_value(), &path))
    });
    // A followed link writes its address into the address bar only once
    // the router hears that the new page is drawn (what `<Routes>` says).
    if let Some(browser) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            location.pathname.track();
            browser.ready_to_complete();
        });
    }
    // The native app's bridge: `ready` for each page, its calls (issue 16).
    crate::bridge::follow();
    move || match route.get() {
        Some(AppRoute::Repay(oid)) => view! { <RepayPage oid=oid /> }.into_any(),
        Some(AppRoute::Home) => lazy::home(),
        Some(AppRoute::Login { .. }) => lazy::login(),
        Some(AppRoute::Orders) => lazy::orders(),
        Some(AppRoute::Extend(oid)) => lazy::extend(oid),
        Some(AppRoute::Pay(oid)) => lazy::pay(oid),
        Some(AppRoute::Proof(oid)) => lazy::proof(oid),
        Some(AppRoute::Feedback) => lazy::feedback(),
        Some(AppRoute::Contacts) => lazy::contacts(),
        Some(AppRoute::Support) => lazy::support(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
