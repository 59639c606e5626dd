//! CashGo borrower web app: wiring of router, i18n, session and boot.
//!
//! `main.rs` only calls [`start`]. Pages live in `pages/`, shared pieces in
//! `components/`, requests in `api/`; the domain (loans, exact money and
//! days) and the wire's decoders are the `cashgo-core` crate (`core/`).

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
/// that `lang` and `boot` already do: about 10 % of the wasm. Views print
/// catalog text with [`tr!`]; `td_string!(locale, key)` gives it as a plain
/// string for a known language.
mod i18n {
    pub use crate::generated::i18n::{td_string, Locale};
    pub use crate::lang::{use_i18n, I18n};
}

/// `t_string!(i18n, key, var = value…)`: the text of `key` in the language
/// on screen (read reactively), as leptos_i18n's macro of that name. Views
/// use [`tr!`]; this and [`t!`] remain for the pages not yet moved to it.
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($rest:tt)+) => {
        $crate::i18n::td_string!($i18n.get_locale(), $($rest)+)
    };
}

/// `t!(i18n, key, var = value…)`: [`t_string!`] as a view that follows the
/// language (what `tr!` does with values).
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

mod api;
mod boot;
mod clock;
mod components;
mod config;
mod draft;
mod format;
mod ics;
mod lang;
#[cfg(test)]
mod module_graph;
mod pages;
mod photo;
mod platform;
mod routes;
mod session;
mod url;
mod validate;

use lang::tr;

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
    let formats = config::Formats::provide();
    leptos::task::spawn_local(async move {
        let config = api::config().await;
        formats.set(config::Formats::of(&config));
    });
    Session::provide(base.clone());
    view! {
        <Router base=base>
            <Layout>
                <Pages />
            </Layout>
        </Router>
    }
}
