//! The deployment's configuration (`config.json` beside `index.html`,
//! CONTRACT "Deployment"): its keys and how they are read. A missing or
//! broken file gives the defaults, and so does each key alone: a wrongly
//! typed key never drops the others. Reading the file is the app's business.

use crate::json;
use crate::lang::Lang;
use crate::money::Currency;
use crate::wire::{self, wire_object, Field};

/// What an operator can change without a rebuild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Prefix for API paths; `""` means the app's own origin.
    pub api_base: String,
    /// The currency amounts are in.
    pub currency: Currency,
    /// The server's offset from UTC: its timestamps are midnights there (Q5).
    pub server_utc_offset_minutes: i32,
    /// Used when neither the URL, the saved choice nor the device decide.
    pub default_locale: Option<Lang>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base: String::new(),
            currency: Currency::MXN,
            server_utc_offset_minutes: 0,
            default_locale: None,
        }
    }
}

wire_object! {
    /// The file's keys, each kept as raw text so that one can fail alone.
    Keys {
        api_base: "apiBase",
        currency: "currency",
        server_utc_offset_minutes: "serverUtcOffsetMinutes",
        default_locale: "defaultLocale",
    }
}

/// A key's string (a JSON string, nothing else).
fn string(field: Field<'_>) -> Option<String> {
    json::string(field?.get())
}

impl Config {
    /// Reads `config.json` text: each unreadable key (or the whole file)
    /// falls back to its default.
    pub fn from_json(text: &str) -> Self {
        let mut config = Config::default();
        let Some(keys) = json::parse(text)
            .ok()
            .and_then(|doc| wire::object::<Keys<'_>>(Some(doc)).ok().flatten())
        else {
            return config;
        };
        if let Some(api_base) = string(keys.api_base) {
            config.api_base = api_base;
        }
        if let Some(currency) = string(keys.currency).and_then(|c| Currency::parse(&c)) {
            config.currency = currency;
        }
        // Minutes as a JSON integer; real offsets lie within ±14 h, anything
        // else is a typo.
        if let Some(offset) = keys
            .server_utc_offset_minutes
            .and_then(json::integer)
            .and_then(|m| i32::try_from(m).ok())
            .filter(|m| (-14 * 60..=14 * 60).contains(m))
        {
            config.server_utc_offset_minutes = offset;
        }
        config.default_locale = string(keys.default_locale).and_then(|l| Lang::parse(&l));
        config
    }

    /// The API prefix without a trailing slash.
    pub fn api_base(&self) -> &str {
        self.api_base.trim_end_matches('/')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_fall_back_to_defaults() {
        let c = Config::from_json(r#"{"serverUtcOffsetMinutes": 480}"#);
        assert_eq!(c.server_utc_offset_minutes, 480);
        assert_eq!(c.currency, Currency::MXN);
        assert_eq!(c.api_base, "");
        assert_eq!(c.default_locale, None);
    }

    #[test]
    fn unreadable_file_gives_defaults() {
        assert_eq!(Config::from_json("<html>"), Config::default());
        assert_eq!(Config::from_json("[1, 2]"), Config::default());
        assert_eq!(Config::from_json(""), Config::default());
    }

    #[test]
    fn each_key_falls_back_alone() {
        let c = Config::from_json(
            r#"{"apiBase": 7, "currency": "usd", "serverUtcOffsetMinutes": "480", "defaultLocale": "en"}"#,
        );
        assert_eq!(c.api_base, "", "a number is not a prefix");
        assert_eq!(c.currency.code(), "USD");
        assert_eq!(c.server_utc_offset_minutes, 0, "a string is not minutes");
        assert_eq!(c.default_locale, Some(Lang::En));
        let c = Config::from_json(
            r#"{"currency": "pesos", "serverUtcOffsetMinutes": 100000, "apiBase": "https://api.example.mx/"}"#,
        );
        assert_eq!(c.currency, Currency::MXN);
        assert_eq!(c.server_utc_offset_minutes, 0);
        assert_eq!(c.api_base, "https://api.example.mx/");
        assert_eq!(c.api_base(), "https://api.example.mx");
    }
}
