//! Runtime configuration (`config.json` beside `index.html`, CONTRACT "Deployment").
//!
//! Loaded once before the first API call; a missing file or missing keys fall
//! back to the defaults, so an operator only writes what they change.

use serde::Deserialize;
use std::cell::RefCell;

/// What an operator can change without a rebuild.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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

impl Config {
    /// Reads `config.json` text; anything unreadable yields the defaults.
    pub fn from_json(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }
}

thread_local! {
    static CURRENT: RefCell<Config> = RefCell::new(Config::default());
}

/// Installs the configuration (once, at boot).
pub fn set(config: Config) {
    CURRENT.with(|c| *c.borrow_mut() = config);
}

/// The configuration in force.
pub fn get() -> Config {
    CURRENT.with(|c| c.borrow().clone())
}

/// The API prefix without a trailing slash.
pub fn api_base() -> String {
    CURRENT.with(|c| c.borrow().api_base.trim_end_matches('/').to_owned())
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
    }
}
