//! CashGo borrower web app: wiring of router, i18n, session and boot.
//!
//! `main.rs` only calls [`start`]. Pages live in `pages/`, shared pieces in
//! `components/`, the wire in `api/`, exact money and days in `money`/`day`.

/// What `build.rs` generates from `locales/` with `leptos_i18n_build`.
// Its context, providers and other macros are not used (see `i18n`).
#[allow(unused_imports, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}

/// The catalogs, and the language on screen.
///
/// The generated `Locale` and `td_string!` are leptos_i18n's; the context is
/// our own [`lang::I18n`] (a signal of the locale) instead of its
/// `I18nContextProvider`, which brings cookie, device-language and
/// `<html lang>` machinery (leptos-use, leptos_meta, ICU locale parsing)
/// that `lang` and `boot` already do: about 10 % of the wasm. `t_string!`
/// and `t!` keep leptos_i18n's call syntax over that context.
pub mod i18n {
    pub use crate::generated::i18n::{td_string, Locale};
    pub use crate::lang::{use_i18n, I18n};
    pub use crate::{t, t_string};
}

/// `t_string!(i18n, key, var = value…)`: the text of `key` in the language
/// on screen (read reactively), as leptos_i18n's macro of that name.
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($rest:tt)+) => {
        $crate::i18n::td_string!($i18n.get_locale(), $($rest)+)
    };
}

/// `t!(i18n, key, var = value…)`: [`t_string!`] as a view that follows the
/// language.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $($key:ident).+ $(, $var:ident = $value:expr)* $(,)?) => {{
        let i18n = $i18n;
        // The values are taken now, as leptos_i18n's `t!` does.
        $(let $var = $value;)*
        move || {
            $crate::i18n::td_string!(i18n.get_locale(), $($key).+ $(, $var = $var.clone())*)
                .to_string()
        }
    }};
}

pub mod api;
mod boot;
mod components;
pub mod config;
pub mod day;
mod draft;
pub mod format;
pub mod ics;
pub mod lang;
pub mod money;
mod pages;
mod photo;
pub mod platform;
pub mod routes;
mod session;
pub mod validate;

use crate::i18n::Locale;
use components::Layout;
use leptos::prelude::*;
use leptos_router::components::Router;
use pages::Pages;
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
    view! { <Shell locale=locale base=base /> }
}

#[component]
fn Shell(locale: Locale, base: String) -> impl IntoView {
    let i18n = lang::I18n::provide(locale);
    boot::follow_locale(i18n);
    Session::provide(base.clone());
    view! {
        <Router base=base>
            <Layout>
                <Pages />
            </Layout>
        </Router>
    }
}

/// A catalog string that follows the language on screen.
///
/// Every call site shares this one non-generic view type, where `t!` makes a
/// new closure type (and its own render code) per call: across a few hundred
/// strings that difference is a large part of the wasm (see README "Size").
pub fn text(i18n: i18n::I18n, pick: fn(Locale) -> &'static str) -> impl IntoView + Copy {
    move || pick(i18n.get_locale())
}

/// `tr!(i18n, repay.title)`: [`text`] for a key without interpolation.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        $crate::text($i18n, |locale| $crate::i18n::td_string!(locale, $($key)+))
    };
}
