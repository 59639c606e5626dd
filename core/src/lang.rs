//! The languages the app speaks, and the one reader of language codes (the
//! address, the saved choice, the device, `config.json`, the page's
//! `<html lang>`) and of the server's language names.

/// A language the app has catalogs for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Spanish (Mexico first): the primary language.
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// `"es"`, `"es-MX"`, `"EN_us"`… → the language we have for it.
    pub fn parse(tag: &str) -> Option<Lang> {
        match primary_subtag(tag).as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// What `/Index/languages` calls a language: a code as [`Lang::parse`]
    /// reads it, or a name (`"Español"`, `"English"`, `"spa"`). Names are
    /// accepted from the server only, never from the address.
    pub fn parse_name(name: &str) -> Option<Lang> {
        Lang::parse(name).or_else(|| match primary_subtag(name).as_str() {
            "spa" | "spanish" | "español" | "espanol" | "castellano" => Some(Lang::Es),
            "eng" | "english" | "inglés" | "ingles" => Some(Lang::En),
            _ => None,
        })
    }

    /// The code used in catalogs and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag used for formatting dates (Mexico first).
    pub fn format_tag(self) -> &'static str {
        match self {
            Lang::Es => "es-MX",
            Lang::En => "en-US",
        }
    }
}

/// The signals that decide the page's language, strongest first: the
/// address's `?lang=`, the borrower's saved choice, the device's languages,
/// then `config.json`'s `defaultLocale`.
#[derive(Debug, Default)]
pub struct LangInputs<'a> {
    pub url: Option<&'a str>,
    pub saved: Option<&'a str>,
    pub device: &'a [String],
    pub config_default: Option<Lang>,
}

/// Decides from what is known without asking the server; `None` means "ask
/// the server for its default" (`/Index/languages`). The app and the first
/// paint decide through here, so they agree.
pub fn resolve_local(inputs: &LangInputs<'_>) -> Option<Lang> {
    inputs
        .url
        .and_then(Lang::parse)
        .or_else(|| inputs.saved.and_then(Lang::parse))
        .or_else(|| inputs.device.iter().find_map(|t| Lang::parse(t)))
        .or(inputs.config_default)
}

/// The text before the first `-` or `_`, trimmed and in lower case: ASCII
/// case folding plus the two accented capitals the names above use (full
/// Unicode lowercasing would ship its tables, ~3 KB of wasm).
fn primary_subtag(text: &str) -> String {
    let text = text.trim();
    let subtag = text.split(['-', '_']).next().unwrap_or(text);
    subtag
        .chars()
        .map(|c| match c {
            'Ñ' => 'ñ',
            'É' => 'é',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("pt-BR"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("English"), None, "names are not codes");
        assert_eq!(Lang::Es.code(), "es");
        assert_eq!(Lang::En.format_tag(), "en-US");
    }

    #[test]
    fn server_names() {
        for (name, lang) in [
            ("Spanish", Some(Lang::Es)),
            ("Español", Some(Lang::Es)),
            ("ESPAÑOL", Some(Lang::Es)),
            ("INGLÉS", Some(Lang::En)),
            ("es-MX", Some(Lang::Es)),
            ("es_MX", Some(Lang::Es)),
            ("English", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("Hindi", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse_name(name), lang, "{name}");
        }
    }
}
