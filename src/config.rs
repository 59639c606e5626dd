//! What views need of the deployment's configuration (`config.json`):
//! [`Formats`], the currency of its amounts and its server's UTC offset.
//!
//! The file is read once by the API layer (`api::config`), which every
//! request waits for; views get its `Formats` from there (`api::formats`)
//! and pass them to the domain (`cashgo_core`), which reads no
//! configuration of its own.

use crate::i18n::Locale;
pub use cashgo_core::config::Config;
use cashgo_core::{Currency, Day, MoneyFormat, ServerDateTime};

/// How this deployment's figures are written and read: the currency of its
/// amounts and its server's UTC offset (whose midnights its days are, Q5).
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
