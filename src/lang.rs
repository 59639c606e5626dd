//! Which language to show: `?lang=` wins, then the borrower's saved choice,
//! then the device's languages, then the operator's `defaultLocale`, then the
//! server's default from `/Index/languages`, then Spanish.

use crate::i18n::Locale;
use cashgo_core::Lang;
use leptos::prelude::*;

/// The language on screen, shared through context by the app's root.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Locale>);

impl I18n {
    /// Starts the app in `locale` and shares it with every page.
    pub fn provide(locale: Locale) -> Self {
        let i18n = I18n(RwSignal::new(locale));
        provide_context(i18n);
        i18n
    }

    /// The language on screen, tracked: text that reads it follows a switch.
    pub fn get_locale(self) -> Locale {
        self.0.get()
    }

    /// The language on screen, untracked (for work done once, on a tap).
    pub fn get_locale_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Switches the language of every text on screen.
    pub fn set_locale(self, locale: Locale) {
        self.0.set(locale);
    }

    /// The borrower's (or the native app's) choice: switched, remembered,
    /// and written over any `?lang=` in the address so a reload keeps it.
    pub fn choose(self, locale: Locale) {
        self.set_locale(locale);
        save(locale);
        crate::url::replace_query_param("lang", code(locale));
    }
}

/// The language context installed by the app's root.
pub fn use_i18n() -> I18n {
    expect_context()
}

const STORAGE_KEY: &str = "cashgo.lang";

/// A catalog string that follows the language on screen, as text or as an
/// attribute's value: what [`tr!`] gives for an entry without values.
///
/// Every call site shares this one non-generic closure type, where a
/// closure per call makes a new type (and its own render code) each time:
/// across a few hundred strings that difference is a large part of the wasm
/// (README "Size and speed").
pub fn text(i18n: I18n, pick: fn(Locale) -> &'static str) -> impl Fn() -> &'static str + Copy {
    move || pick(i18n.get_locale())
}

/// The one way catalog text is printed.
///
/// - `tr!(i18n, repay.title)`: follows the language on screen, as text or
///   an attribute's value ([`text`]).
/// - `tr!(i18n, repay.order, oid = oid.to_string())`: likewise, with
///   values, worked out again on each change of language (a formatted
///   amount follows it).
/// - `tr!(in locale, errors.offline)`: the text in that language, for
///   sentences built outside a view (an error, a calendar event, the
///   crash screen); with values it is a `String`. Reading the locale from
///   the signal (`i18n.get_locale()`) inside a view's closure follows the
///   language too.
///
/// Counts are worded by the catalogs (leptos_i18n's ranges: an entry is a
/// list of `[text, count range]`, e.g. `repay.countdown`), never by code.
macro_rules! tr {
    (in $locale:expr, $($key:ident).+ $(,)?) => {
        $crate::generated::i18n::td_string!($locale, $($key).+)
    };
    (in $locale:expr, $($key:ident).+ $(, $var:ident = $value:expr)+ $(,)?) => {
        $crate::generated::i18n::td_string!($locale, $($key).+ $(, $var = $value)+)
    };
    ($i18n:expr, $($key:ident).+ $(,)?) => {
        $crate::lang::text($i18n, |locale| $crate::generated::i18n::td_string!(locale, $($key).+))
    };
    ($i18n:expr, $($key:ident).+ $(, $var:ident = $value:expr)+ $(,)?) => {{
        let i18n: $crate::lang::I18n = $i18n;
        move || {
            $crate::generated::i18n::td_string!(i18n.get_locale(), $($key).+ $(, $var = $value)+)
        }
    }};
}
pub(crate) use tr;

/// `"es"`, `"es-MX"`, `"EN_us"`… → the locale we have for it (the address,
/// the saved choice, the device, `config.json`; read by `cashgo_core::Lang`).
pub fn parse(tag: &str) -> Option<Locale> {
    Lang::parse(tag).map(from_lang)
}

/// The catalogs' locale for a language.
pub fn from_lang(lang: Lang) -> Locale {
    match lang {
        Lang::Es => Locale::es,
        Lang::En => Locale::en,
    }
}

/// The language of a catalogs' locale.
pub fn to_lang(locale: Locale) -> Lang {
    match locale {
        Locale::es => Lang::Es,
        Locale::en => Lang::En,
    }
}

/// The locale code as used in catalogs and `<html lang>`.
pub fn code(locale: Locale) -> &'static str {
    to_lang(locale).code()
}

pub use cashgo_core::lang::LangInputs;

/// Decides from what is known without asking the server; `None` means "ask
/// the server for its default" (`cashgo_core::lang::resolve_local`, which the
/// first paint decides through too).
pub fn resolve_local(inputs: &LangInputs<'_>) -> Option<Locale> {
    cashgo_core::lang::resolve_local(inputs).map(from_lang)
}

/// The final fallback chain once the server's default (if any) is known.
pub fn resolve_with_server(local: Option<Locale>, server_default: Option<Locale>) -> Locale {
    local.or(server_default).unwrap_or(Locale::es)
}

/// Remembers the borrower's explicit choice (never fails: storage may be off).
pub fn save(locale: Locale) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, code(locale));
    }
}

/// The saved choice, if any.
pub fn saved() -> Option<String> {
    local_storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// The browser's preferred languages, best first.
pub fn device_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// `?lang=` of the URL the app was opened with.
pub fn url_lang() -> Option<String> {
    crate::url::query_param("lang")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        // Codes and names are read by cashgo_core::Lang (tested there).
        assert_eq!(parse("es-MX"), Some(Locale::es));
        assert_eq!(parse("EN_us"), Some(Locale::en));
        assert_eq!(parse("pt-BR"), None);
        for locale in [Locale::es, Locale::en] {
            assert_eq!(from_lang(to_lang(locale)), locale);
            assert_eq!(parse(code(locale)), Some(locale));
        }
    }

    #[test]
    fn precedence() {
        let device = vec!["pt-BR".to_owned(), "en-GB".to_owned()];
        let all = LangInputs {
            url: Some("es"),
            saved: Some("en"),
            device: &device,
            config_default: Some(cashgo_core::Lang::Es),
        };
        assert_eq!(resolve_local(&all), Some(Locale::es));
        let no_url = LangInputs {
            url: Some("fr"),
            ..all
        };
        assert_eq!(resolve_local(&no_url), Some(Locale::en));
        let device_only = LangInputs {
            url: None,
            saved: None,
            device: &device,
            config_default: None,
        };
        assert_eq!(resolve_local(&device_only), Some(Locale::en));
        let nothing = LangInputs::default();
        assert_eq!(resolve_local(&nothing), None);
        assert_eq!(resolve_with_server(None, Some(Locale::en)), Locale::en);
        assert_eq!(
            resolve_with_server(Some(Locale::es), Some(Locale::en)),
            Locale::es
        );
        assert_eq!(resolve_with_server(None, None), Locale::es);
    }
}
