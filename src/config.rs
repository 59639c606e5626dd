//! What views need of the deployment's configuration (`config.json`, read
//! by the API layer: `api::config`), shared through context.
//!
//! There is no global configuration: the API layer holds the file it read,
//! and views get its currency and server offset ([`Formats`]) from the
//! app's root.

use crate::i18n::Locale;
pub use cashgo_core::config::Config;
use cashgo_core::{Currency, Day, MoneyFormat, ServerDateTime};
use leptos::prelude::*;

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
    /// What views need of `config`.
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

/// The deployment's [`Formats`] as shared by the app's root.
#[derive(Clone, Copy)]
pub struct UseFormats(RwSignal<Formats>);

impl UseFormats {
    /// Tracked: text that reads it follows the change from the defaults to
    /// `config.json`'s values.
    pub fn get(self) -> Formats {
        self.0.get()
    }

    /// Untracked, for work done once.
    pub fn get_untracked(self) -> Formats {
        self.0.get_untracked()
    }
}

/// The deployment's [`Formats`] (see [`Formats::provide`]).
pub fn use_formats() -> UseFormats {
    UseFormats(expect_context())
}
