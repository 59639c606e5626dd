//! Which language to show: `?lang=` wins, then the borrower's saved choice,
//! then the device's languages, then the operator's `defaultLocale`, then the
//! server's default from `/Index/languages`, then Spanish.

use crate::i18n::Locale;
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

    /// The language on screen, untracked.
    pub fn get_locale_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Switches the language of every text on screen.
    pub fn set_locale(self, locale: Locale) {
        self.0.set(locale);
    }
}

/// The language context installed by the app's root.
pub fn use_i18n() -> I18n {
    expect_context()
}

const STORAGE_KEY: &str = "cashgo.lang";

/// `"es"`, `"es-MX"`, `"EN_us"`… → the locale we have for it.
pub fn parse(tag: &str) -> Option<Locale> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "es" => Some(Locale::es),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// The BCP 47 tag used for formatting (Mexico first).
pub fn format_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "es-MX",
        Locale::en => "en-US",
    }
}

/// The locale code as used in catalogs and `<html lang>`.
pub fn code(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "es",
        Locale::en => "en",
    }
}

/// The signals that decide the language, strongest first.
#[derive(Debug, Default)]
pub struct LangInputs<'a> {
    pub url: Option<&'a str>,
    pub saved: Option<&'a str>,
    pub device: &'a [String],
    pub config_default: Option<&'a str>,
}

/// Decides from what is known without asking the server; `None` means "ask
/// the server for its default".
pub fn resolve_local(inputs: &LangInputs<'_>) -> Option<Locale> {
    inputs
        .url
        .and_then(parse)
        .or_else(|| inputs.saved.and_then(parse))
        .or_else(|| inputs.device.iter().find_map(|t| parse(t)))
        .or_else(|| inputs.config_default.and_then(parse))
}

/// The final fallback chain once the server's default (if any) is known.
pub fn resolve_with_server(local: Option<Locale>, server_default: Option<&str>) -> Locale {
    local
        .or_else(|| server_default.and_then(parse))
        .unwrap_or(Locale::es)
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
    let search = web_sys::window()?.location().search().ok()?;
    query_param(&search, "lang")
}

/// One parameter of a `?a=b&c=d` query string (values are plain words here).
pub fn query_param(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(parse("es-MX"), Some(Locale::es));
        assert_eq!(parse("EN_us"), Some(Locale::en));
        assert_eq!(parse("pt-BR"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn precedence() {
        let device = vec!["pt-BR".to_owned(), "en-GB".to_owned()];
        let all = LangInputs {
            url: Some("es"),
            saved: Some("en"),
            device: &device,
            config_default: Some("es"),
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
        assert_eq!(
            resolve_with_server(None, Some("English")),
            Locale::es,
            "names are not tags"
        );
        assert_eq!(resolve_with_server(None, Some("en")), Locale::en);
        assert_eq!(resolve_with_server(None, None), Locale::es);
    }

    #[test]
    fn query() {
        assert_eq!(
            query_param("?next=/x&lang=en", "lang").as_deref(),
            Some("en")
        );
        assert_eq!(query_param("", "lang"), None);
    }
}
