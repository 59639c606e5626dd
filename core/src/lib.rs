//! The CashGo loan domain and the API's wire, shared by the app and by
//! anything else that reads the API in the browser (the first paint).
//!
//! No Leptos, no web-sys, no catalogs and no global configuration: every
//! function takes what it needs (a currency and a language to format an
//! amount, the server's UTC offset to read a timestamp, today's day to count
//! the days to a due day). It builds natively (every test here runs without
//! a browser) and for `wasm32-unknown-unknown`.
//!
//! - [`types`]: what the views see of the API (order numbers, statuses and
//!   their badges, loans, payments, checked URLs);
//! - [`money`] and [`day`]: exact amounts (never `f64`) and calendar days
//!   in the server's zone (never the phone's);
//! - [`decode`]: a reply's status, redirect and body in, a domain value or
//!   an [`ApiError`] out, through the lenient field readers of `wire`;
//! - [`form`]: the urlencoded request bodies PHP reads;
//! - [`json`]: the crate's own strict JSON reader (exact texts, no serde);
//! - [`endpoints`]: the API's paths, headers and timeouts;
//! - [`lang`]: the languages the app speaks, as codes and names, and how
//!   the page's language is decided;
//! - [`config`]: `config.json`, read key by key;
//! - [`browser`]: a browser app or an embedded WebView, from the user agent.

pub mod browser;
pub mod config;
pub mod day;
pub mod decode;
pub mod endpoints;
mod error;
pub mod form;
pub mod json;
pub mod lang;
pub mod money;
pub mod types;
mod wire;

pub use day::{Day, ServerDateTime};
pub use decode::Reply;
pub use error::ApiError;
pub use lang::Lang;
pub use money::{Currency, Money, MoneyFormat, Rate};
pub use types::{
    Attachments, Badge, BadgeLabel, Bill, BillId, Contact, CurrentLoan, DelayDetail, Expiry, Home,
    Languages, LoanDetail, LoanStatus, Offer, Order, OrderNo, PayType, PaymentRef, SafeUrl,
    Support, Target, UploadedFile,
};
