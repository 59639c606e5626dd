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
