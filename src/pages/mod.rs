//! One component per route.

mod contacts;
mod extend;
mod feedback;
mod home;
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

use crate::api::OrderNo;
use crate::routes::use_order_param;
use leptos::prelude::*;

/// The frame of the pages under `/…/:oid`: the page for a well-formed order
/// number, the NotFound page for anything else in the address.
#[component]
fn OrderPage(
    /// Draws the page for the order number.
    page: fn(OrderNo) -> AnyView,
) -> impl IntoView {
    let oid = use_order_param();
    move || match oid.get() {
        Some(oid) => page(oid),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
