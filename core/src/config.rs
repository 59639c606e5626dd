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
    /// The native app's bridge (issue 16): the iOS `WKScriptMessageHandler`'s
    /// name (`window.webkit.messageHandlers.<name>`), default `cashgo`.
    pub ios_message_handler: String,
    /// The native app's bridge: the Android `addJavascriptInterface`
    /// object's name, default `CashGoAndroid`.
    pub android_interface: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base: String::new(),
            currency: Currency::MXN,
            server_utc_offset_minutes: 0,
            default_locale: None,
            ios_message_handler: "cashgo".to_owned(),
            android_interface: "CashGoAndroid".to_owned(),
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
        ios_message_handler: "iosMessageHandler",
        android_interface: "androidInterface",
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
        // The bridge's names end up in property lookups: plain JS names only.
        if let Some(name) = string(keys.ios_message_handler).filter(|n| js_name(n)) {
            config.ios_message_handler = name;
        }
        if let Some(name) = string(keys.android_interface).filter(|n| js_name(n)) {
            config.android_interface = name;
        }
        config
    }

    /// The API prefix without a trailing slash.
    pub fn api_base(&self) -> &str {
        self.api_base.trim_end_matches('/')
    }
}

/// A plain JavaScript identifier of 1 to 64 ASCII characters.
fn js_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 64
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
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

    #[test]
    fn bridge_names_default_and_rename() {
        let c = Config::from_json("{}");
        assert_eq!(c.ios_message_handler, "cashgo");
        assert_eq!(c.android_interface, "CashGoAndroid");
        let c = Config::from_json(
            r#"{"iosMessageHandler": "lender", "androidInterface": "Lender_Bridge$1"}"#,
        );
        assert_eq!(c.ios_message_handler, "lender");
        assert_eq!(c.android_interface, "Lender_Bridge$1");
        for bad in [
            r#""""#,
            r#""1abc""#,
            r#""a.b""#,
            r#""a b""#,
            "7",
            r#""ñ""#,
            "null",
        ] {
            let c = Config::from_json(&format!(
                r#"{{"iosMessageHandler": {bad}, "androidInterface": {bad}, "currency": "usd"}}"#
            ));
            assert_eq!(c.ios_message_handler, "cashgo", "{bad}");
            assert_eq!(c.android_interface, "CashGoAndroid", "{bad}");
            assert_eq!(c.currency.code(), "USD", "the other keys stay");
        }
        let long = "a".repeat(65);
        let c = Config::from_json(&format!(r#"{{"androidInterface": "{long}"}}"#));
        assert_eq!(c.android_interface, "CashGoAndroid");
        let just = "a".repeat(64);
        let c = Config::from_json(&format!(r#"{{"androidInterface": "{just}"}}"#));
        assert_eq!(c.android_interface, just);
    }
}
