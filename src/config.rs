//! Runtime configuration (`config.json` beside `index.html`, CONTRACT "Deployment").
//!
//! The file is requested by `index.html` while the page is still parsing
//! (`window.__cashgoEarly.config`, with a 5 s timeout) and read by the API
//! layer when the first request needs it (`api::config`): nothing else waits
//! for it. A missing or broken file gives the defaults, and so does each key
//! alone: a wrongly typed key never drops the others.
//!
//! There is no global configuration: the API layer holds the file it read,
//! and views get what they need of it ([`Formats`]) through context.

use crate::i18n::Locale;
use cashgo_core::{Currency, Day, MoneyFormat, ServerDateTime};
use leptos::prelude::*;

pub use cashgo_core::config::Config;

/// How this deployment's figures are written and read: the currency of its
/// amounts and its server's UTC offset (whose midnights its days are, Q5).
/// Shared with views through context ([`Formats::provide`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Formats {
    pub currency: Currency,
    pub server_utc_offset_minutes: i32,
}

impl Default for Formats {
    fn default() -> Self {
        Formats::of(&Config::default())
    }
}

impl Formats {
    /// What views need of the configuration.
    pub fn of(config: &Config) -> Formats {
        Formats {
            currency: config.currency,
            server_utc_offset_minutes: config.server_utc_offset_minutes,
        }
    }

    /// Shares the defaults with every page, to be replaced by
    /// `config.json`'s values once read (before any figure from the API is
    /// on screen: every read waits for the file).
    pub fn provide() -> RwSignal<Formats> {
        let formats = RwSignal::new(Formats::default());
        provide_context(formats);
        formats
    }

    /// Amounts for a reader of `locale`.
    pub fn money(self, locale: Locale) -> MoneyFormat {
        MoneyFormat::new(self.currency, crate::lang::to_lang(locale))
    }

    /// Today in the server's zone.
    pub fn today(self) -> Day {
        Day::from_unix(crate::clock::now_unix(), self.server_utc_offset_minutes)
    }

    /// The instant (Unix seconds) of a wall-clock time in the server's zone.
    pub fn instant(self, at: ServerDateTime) -> i64 {
        at.to_unix(self.server_utc_offset_minutes)
    }
}

/// The deployment's [`Formats`], tracked: text that reads it follows the
/// change from the defaults to `config.json`'s values.
pub fn use_formats() -> Signal<Formats> {
    expect_context::<RwSignal<Formats>>().into()
}
