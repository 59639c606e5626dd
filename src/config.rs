//! Runtime configuration (`config.json` beside `index.html`, CONTRACT "Deployment").
//!
//! The file is requested by `index.html` while the page is still parsing
//! (`window.__cashgoEarly.config`, with a 5 s timeout) and read here when the
//! first API call needs it: nothing else waits for it. A missing or broken
//! file gives the defaults, and so does each key alone: a wrongly typed key
//! never drops the others.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::{Cell, RefCell};

/// What an operator can change without a rebuild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Prefix for API paths; `""` means the app's own origin.
    pub api_base: String,
    /// ISO 4217 code used to format amounts.
    pub currency: String,
    /// The server's offset from UTC: its timestamps are midnights there (Q5).
    pub server_utc_offset_minutes: i32,
    /// `"es"` or `"en"`; used when neither the URL, the saved choice nor the device decide.
    pub default_locale: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base: String::new(),
            currency: "MXN".to_owned(),
            server_utc_offset_minutes: 0,
            default_locale: None,
        }
    }
}

/// The file's keys, each kept as raw text so that one can fail alone.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Keys<'a> {
    #[serde(borrow)]
    api_base: Option<&'a RawValue>,
    #[serde(borrow)]
    currency: Option<&'a RawValue>,
    #[serde(borrow)]
    server_utc_offset_minutes: Option<&'a RawValue>,
    #[serde(borrow)]
    default_locale: Option<&'a RawValue>,
}

fn key<'a, T: Deserialize<'a>>(raw: Option<&'a RawValue>) -> Option<T> {
    serde_json::from_str(raw?.get()).ok()
}

impl Config {
    /// Reads `config.json` text: each unreadable key (or the whole file)
    /// falls back to its default.
    pub fn from_json(text: &str) -> Self {
        let mut config = Config::default();
        let Ok(keys) = serde_json::from_str::<Keys<'_>>(text) else {
            return config;
        };
        if let Some(api_base) = key(keys.api_base) {
            config.api_base = api_base;
        }
        if let Some(currency) = key::<String>(keys.currency)
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            config.currency = currency.to_ascii_uppercase();
        }
        // Real offsets lie within ±14 h; anything else is a typo.
        if let Some(offset) =
            key::<i32>(keys.server_utc_offset_minutes).filter(|m| (-14 * 60..=14 * 60).contains(m))
        {
            config.server_utc_offset_minutes = offset;
        }
        config.default_locale = key(keys.default_locale);
        config
    }
}

thread_local! {
    static CURRENT: RefCell<Config> = RefCell::new(Config::default());
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the configuration.
pub fn set(config: Config) {
    CURRENT.with(|c| *c.borrow_mut() = config);
    LOADED.with(|l| l.set(true));
}

/// The configuration in force (the defaults until [`ready`] has finished).
pub fn get() -> Config {
    CURRENT.with(|c| c.borrow().clone())
}

/// The API prefix without a trailing slash.
pub fn api_base() -> String {
    CURRENT.with(|c| c.borrow().api_base.trim_end_matches('/').to_owned())
}

/// Waits until `config.json` has been read (at once after the first time).
/// Never fails and never waits longer than the file's timeout: a missing,
/// slow or broken file means the defaults.
pub async fn ready() {
    if LOADED.with(Cell::get) {
        return;
    }
    let text = load().await;
    // Another caller may have finished first; both read the same file.
    if !LOADED.with(Cell::get) {
        set(text.as_deref().map(Config::from_json).unwrap_or_default());
    }
}

/// The text of `config.json`, from the request `index.html` started, or a
/// request of our own if the page didn't start one.
async fn load() -> Option<String> {
    use crate::api::early;
    match early::config().await {
        Some(text) => text,
        None => early::fetch_config(&format!("{}/config.json", crate::routes::router_base())).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_fall_back_to_defaults() {
        let c = Config::from_json(r#"{"serverUtcOffsetMinutes": 480}"#);
        assert_eq!(c.server_utc_offset_minutes, 480);
        assert_eq!(c.currency, "MXN");
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
        assert_eq!(c.currency, "USD");
        assert_eq!(c.server_utc_offset_minutes, 0, "a string is not minutes");
        assert_eq!(c.default_locale.as_deref(), Some("en"));
        let c = Config::from_json(
            r#"{"currency": "pesos", "serverUtcOffsetMinutes": 100000, "apiBase": "https://api.example.mx/"}"#,
        );
        assert_eq!(c.currency, "MXN");
        assert_eq!(c.server_utc_offset_minutes, 0);
        assert_eq!(c.api_base, "https://api.example.mx/");
        assert_eq!(api_base_of(&c), "https://api.example.mx");
    }

    fn api_base_of(c: &Config) -> String {
        set(c.clone());
        api_base()
    }
}
