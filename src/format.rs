//! Turning exact values into text for the borrower's language.
//!
//! Money is formatted in Rust from integer minor units (exact, unit-tested);
//! days go through the browser's own `Intl.DateTimeFormat` pinned to UTC on
//! the day's UTC midnight, so the phone's time zone can never shift the day
//! (Q5) and no month names need shipping in the wasm.

use crate::day::Day;
use crate::i18n::Locale;
use crate::lang;
use crate::money::Money;

/// An amount in the configured currency, e.g. `$46,333,600.00`.
pub fn money(amount: Money, locale: Locale) -> String {
    amount.format(lang::code(locale), &crate::config::get().currency)
}

/// A calendar day, e.g. `19 de mayo de 2023` / `May 19, 2023`.
pub fn day(day: Day, locale: Locale) -> String {
    intl_day(day, locale).unwrap_or_else(|| day.iso())
}

#[cfg(target_arch = "wasm32")]
fn intl_day(day: Day, locale: Locale) -> Option<String> {
    use wasm_bindgen::JsValue;
    // The BCP 47 tag used for formatting (Mexico first).
    let tag = match locale {
        Locale::es => "es-MX",
        Locale::en => "en-US",
    };
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", "UTC"),
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
    ] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    // A date-only ISO string is read as that day's UTC midnight.
    let date = js_sys::Date::new(&JsValue::from_str(&day.iso()));
    formatter
        .format()
        .call1(&formatter, &date)
        .ok()?
        .as_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn intl_day(_day: Day, _locale: Locale) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_uses_the_configured_currency() {
        crate::config::set(crate::config::Config::default());
        assert_eq!(
            money(Money::from_minor(4_633_360_000), Locale::es),
            "$46,333,600.00"
        );
        assert_eq!(money(Money::from_minor(156_520), Locale::en), "$1,565.20");
    }
}
