//! Turning exact values into text for the borrower's language.
//!
//! Money is formatted in Rust from integer minor units (exact, unit-tested).
//! Days and a server wall-clock time (a payment reference's expiry, Q11) are
//! written from their own fields with the catalogs' patterns and month
//! names: no `Date` is involved, so they stay in the server's zone whatever
//! the phone's.

use crate::config::Formats;
use crate::i18n::{tr, Locale};
use cashgo_core::{Day, Expiry, Money, ServerDateTime};

/// An amount in the deployment's currency, e.g. `$46,333,600.00`.
pub fn money(amount: Money, formats: Formats, locale: Locale) -> String {
    formats.money(locale).format(amount)
}

/// A calendar day, e.g. `19 de mayo de 2023` / `May 19, 2023` (what
/// `Intl.DateTimeFormat` writes for es-MX and en-US), from the day's own
/// fields and the catalogs' pattern and month names: no `Date` is involved,
/// so the phone's time zone can never shift the day (Q5), and the first
/// paint (`paint/`) writes it from the same catalog entries.
pub fn day(day: Day, locale: Locale) -> String {
    tr!(in locale,
        datetime.day,
        day = day.day(),
        month = month_name(day.month(), locale),
        year = day.year()
    )
    .to_string()
}

/// A server wall-clock time to the minute, e.g. `2 de diciembre de 2026,
/// 03:34` / `December 2, 2026, 03:34`, in the server's local time.
pub fn date_time(at: ServerDateTime, locale: Locale) -> String {
    let day = at.day();
    let (hour, minute, _) = at.hms();
    tr!(in locale,
        datetime.date_time,
        day = day.day(),
        month = month_name(day.month(), locale),
        year = day.year(),
        time = format!("{hour:02}:{minute:02}")
    )
    .to_string()
}

/// A payment reference's expiry: formatted when it could be read, else the
/// text exactly as the server sent it.
pub fn expiry(expiry: &Expiry, locale: Locale) -> String {
    match expiry {
        Expiry::At(at) => date_time(*at, locale),
        Expiry::AsSent(text) => text.clone(),
    }
}

fn month_name(month: u8, locale: Locale) -> &'static str {
    match month {
        1 => tr!(in locale, datetime.january),
        2 => tr!(in locale, datetime.february),
        3 => tr!(in locale, datetime.march),
        4 => tr!(in locale, datetime.april),
        5 => tr!(in locale, datetime.may),
        6 => tr!(in locale, datetime.june),
        7 => tr!(in locale, datetime.july),
        8 => tr!(in locale, datetime.august),
        9 => tr!(in locale, datetime.september),
        10 => tr!(in locale, datetime.october),
        11 => tr!(in locale, datetime.november),
        // A `Day` is validated: only December is left.
        _ => tr!(in locale, datetime.december),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_uses_the_configured_currency() {
        let mxn = Formats::default();
        assert_eq!(
            money(Money::from_minor(4_633_360_000), mxn, Locale::es),
            "$46,333,600.00"
        );
        assert_eq!(
            money(Money::from_minor(156_520), mxn, Locale::en),
            "$1,565.20"
        );
        let usd = Formats {
            currency: cashgo_core::Currency::parse("USD").unwrap(),
            ..mxn
        };
        assert_eq!(
            money(Money::from_minor(156_520), usd, Locale::es),
            "US$1,565.20"
        );
    }

    #[test]
    fn days_as_intl_writes_them_for_es_mx_and_en_us() {
        for (y, m, d, es, en) in [
            (2023, 5, 19, "19 de mayo de 2023", "May 19, 2023"),
            (2026, 12, 5, "5 de diciembre de 2026", "December 5, 2026"),
            (2024, 9, 1, "1 de septiembre de 2024", "September 1, 2024"),
            (2025, 1, 31, "31 de enero de 2025", "January 31, 2025"),
        ] {
            let at = Day::from_ymd(y, m, d).unwrap();
            assert_eq!(day(at, Locale::es), es);
            assert_eq!(day(at, Locale::en), en);
        }
    }

    #[test]
    fn date_times_in_both_languages_in_the_server_zone() {
        let at = |text| Expiry::parse(text);
        let cases = [
            (
                "2026-12-02 03:34:29",
                "2 de diciembre de 2026, 03:34",
                "December 2, 2026, 03:34",
            ),
            (
                "2024-08-19 15:06:09",
                "19 de agosto de 2024, 15:06",
                "August 19, 2024, 15:06",
            ),
            (
                "2025-01-31T00:00",
                "31 de enero de 2025, 00:00",
                "January 31, 2025, 00:00",
            ),
            (
                "2024-05-01 23:59:59",
                "1 de mayo de 2024, 23:59",
                "May 1, 2024, 23:59",
            ),
        ];
        for (sent, es, en) in cases {
            assert!(matches!(at(sent), Expiry::At(_)), "{sent}");
            assert_eq!(expiry(&at(sent), Locale::es), es);
            assert_eq!(expiry(&at(sent), Locale::en), en);
        }
        // Every month has its own name in each language.
        for locale in [Locale::es, Locale::en] {
            let names: std::collections::BTreeSet<_> =
                (1..=12).map(|m| month_name(m, locale)).collect();
            assert_eq!(names.len(), 12);
        }
        assert_eq!(month_name(9, Locale::es), "septiembre");
        assert_eq!(month_name(3, Locale::en), "March");
    }

    #[test]
    fn an_unreadable_expiry_is_shown_as_sent() {
        for sent in [
            "pronto",
            "19-08-2024 15:06:09",
            "2024-02-30 10:00:00",
            " <b>x</b> ",
        ] {
            let unreadable = Expiry::parse(sent);
            assert_eq!(unreadable, Expiry::AsSent(sent.to_owned()));
            assert_eq!(expiry(&unreadable, Locale::es), sent);
            assert_eq!(expiry(&unreadable, Locale::en), sent);
        }
    }
}
