//! Money in integer minor units (Q2) and rates as decimal text.
//!
//! The server sends amounts as JSON numbers or strings (`5000`, `"1955000.00"`,
//! `1565.2`). Both are read from their exact text, never through `f64`, so a
//! centavo is never lost; the client only formats what the server computed.

use crate::lang::Lang;
use std::fmt::Write as _;

/// Largest decimal exponent accepted in a JSON number (`1e5`); beyond it the
/// value is out of any sensible range and expanding it would only waste memory.
const MAX_EXPONENT: i64 = 40;

/// An amount in minor units (centavos).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// An amount of `minor` centavos (amounts come from the server; this
    /// is for tests and fixed figures).
    pub const fn from_minor(minor: i64) -> Self {
        Self(minor)
    }

    /// The amount in centavos.
    pub const fn minor(self) -> i64 {
        self.0
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Reads the JSON text of a number or a string holding a number
    /// (`1565.2`, `"5000.00"`, `" 12.30 "`), exactly. More than two decimals
    /// are accepted only when the extra digits are zeros; anything else (or
    /// an overflow) is `None`.
    pub fn from_json(raw: &str) -> Option<Money> {
        Decimal::from_json(raw, false)?.to_money()
    }

    /// The exact decimal text, as the server writes amounts (`-12.05`,
    /// `46333600.00`): no symbol, no grouping.
    pub fn decimal(self) -> String {
        let (units, cents) = self.split();
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}{units}.{cents:02}")
    }

    /// Whole units and centavos of the absolute value.
    fn split(self) -> (u64, u64) {
        let abs = self.0.unsigned_abs();
        (abs / 100, abs % 100)
    }
}

/// An ISO 4217 currency code: three ASCII letters, upper case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The Mexican peso, the default.
    pub const MXN: Currency = Currency(*b"MXN");

    /// Three ASCII letters (any case); anything else is `None`.
    pub fn parse(code: &str) -> Option<Currency> {
        match code.trim().as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => Some(Currency([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    /// The code, e.g. `"MXN"`.
    pub fn code(&self) -> &str {
        // Three ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("MXN")
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::MXN
    }
}

/// How amounts are written for a reader: the currency and the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyFormat {
    pub currency: Currency,
    pub lang: Lang,
}

impl MoneyFormat {
    /// Amounts in `currency` for a reader of `lang`.
    pub fn new(currency: Currency, lang: Lang) -> Self {
        Self { currency, lang }
    }

    /// Formats for display: MXN `$46,333,600.00` (es and en alike), USD
    /// `US$1,234.00` in Spanish and `$1,234.00` in English, any other code
    /// `EUR 1,234.00` (with a no-break space). Negative amounts lead with `-`.
    pub fn format(&self, amount: Money) -> String {
        let code = self.currency.code();
        let symbol = match (code, self.lang) {
            ("MXN", _) => "$".to_owned(),
            ("USD", Lang::Es) => "US$".to_owned(),
            ("USD", Lang::En) => "$".to_owned(),
            _ => format!("{code}\u{a0}"),
        };
        let (units, cents) = amount.split();
        let sign = if amount.0 < 0 { "-" } else { "" };
        format!("{sign}{symbol}{}.{cents:02}", group_thousands(units))
    }
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A ratio as decimal text (`"0.043"` = 4.3 %), kept exact.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rate(String);

impl Rate {
    /// Reads the JSON text of a number or a string holding a number.
    pub fn from_json(raw: &str) -> Option<Rate> {
        Decimal::from_json(raw, true).map(|d| Rate(d.plain_text()))
    }

    /// The ratio as a percentage, by moving the decimal point: `"0.043"` →
    /// `"4.3"`, `"0.0072"` → `"0.72"`, `"0.96"` → `"96"`, `"0.00720000"` → `"0.72"`.
    pub fn percent_text(&self) -> String {
        match Decimal::parse_plain(&self.0) {
            Some(d) => d.shifted(2).plain_text(),
            None => self.0.clone(),
        }
    }
}

/// An exact decimal: sign, integer digits and fraction digits (ASCII only).
#[derive(Debug, PartialEq, Eq)]
struct Decimal {
    negative: bool,
    int: String,
    frac: String,
}

impl Decimal {
    /// `-?[0-9]+(\.[0-9]+)?`, nothing else.
    fn parse_plain(text: &str) -> Option<Decimal> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match rest.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (rest, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return None;
        }
        Some(Decimal {
            negative,
            int: int.to_owned(),
            frac: frac.unwrap_or_default().to_owned(),
        })
    }

    /// A plain decimal optionally followed by an exponent (`7.2E-3`), as JSON
    /// numbers may be written.
    fn parse_number(text: &str) -> Option<Decimal> {
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (text.get(..at)?, Some(text.get(at + 1..)?)),
            None => (text, None),
        };
        let decimal = Decimal::parse_plain(mantissa)?;
        let Some(exponent) = exponent else {
            return Some(decimal);
        };
        let digits = exponent.strip_prefix('+').unwrap_or(exponent);
        let (sign, digits) = match digits.strip_prefix('-') {
            Some(d) => (-1, d),
            None => (1, digits),
        };
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: i64 = digits.parse().ok()?;
        if value > MAX_EXPONENT {
            return None;
        }
        Some(decimal.shifted(sign * value))
    }

    /// The JSON text of a number, or of a string holding a plain decimal
    /// (surrounding spaces inside the string are tolerated). An exponent
    /// inside a string is accepted only when `string_exponent` (PHP writes
    /// small floats as `"7.2E-5"`; amounts are never written that way).
    fn from_json(raw: &str, string_exponent: bool) -> Option<Decimal> {
        let raw = raw.trim();
        if raw.starts_with('"') {
            let text = crate::json::string(raw)?;
            if string_exponent {
                Decimal::parse_number(text.trim())
            } else {
                Decimal::parse_plain(text.trim())
            }
        } else {
            Decimal::parse_number(raw)
        }
    }

    /// The same value times `10^by`.
    fn shifted(self, by: i64) -> Decimal {
        let mut digits = self.int;
        digits.push_str(&self.frac);
        let point = i64::try_from(digits.len() - self.frac.len()).unwrap_or(i64::MAX) + by;
        let len = i64::try_from(digits.len()).unwrap_or(i64::MAX);
        let (int, frac) = if point <= 0 {
            let zeros = usize::try_from(-point).unwrap_or(0);
            ("0".to_owned(), "0".repeat(zeros) + &digits)
        } else if point >= len {
            let zeros = usize::try_from(point - len).unwrap_or(0);
            (digits + &"0".repeat(zeros), String::new())
        } else {
            let at = usize::try_from(point).unwrap_or(0);
            let frac = digits.split_off(at);
            (digits, frac)
        };
        Decimal {
            negative: self.negative,
            int,
            frac,
        }
    }

    /// Canonical text: no leading zeros (but one), no trailing fraction zeros,
    /// no point when the fraction is empty, no sign on zero.
    fn plain_text(&self) -> String {
        let int = self.int.trim_start_matches('0');
        let frac = self.frac.trim_end_matches('0');
        let mut out = String::new();
        if self.negative && !(int.is_empty() && frac.is_empty()) {
            out.push('-');
        }
        out.push_str(if int.is_empty() { "0" } else { int });
        if !frac.is_empty() {
            let _ = write!(out, ".{frac}");
        }
        out
    }

    fn to_money(&self) -> Option<Money> {
        let extra = self.frac.get(2..).unwrap_or("");
        if !extra.bytes().all(|b| b == b'0') {
            return None;
        }
        let mut minor: i64 = 0;
        let cents = self.frac.bytes().chain(std::iter::repeat(b'0')).take(2);
        for b in self.int.bytes().chain(cents) {
            minor = minor.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some(Money(if self.negative { -minor } else { minor }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_decimal_text() {
        assert_eq!(Money::from_minor(0).decimal(), "0.00");
        assert_eq!(Money::from_minor(5).decimal(), "0.05");
        assert_eq!(Money::from_minor(-1205).decimal(), "-12.05");
        assert_eq!(Money::from_minor(4_633_360_000).decimal(), "46333600.00");
        assert_eq!(
            Money::from_minor(i64::MIN).decimal(),
            "-92233720368547758.08"
        );
    }

    /// An amount sent as a JSON string.
    fn m(text: &str) -> Option<i64> {
        let json = serde_json::to_string(text).unwrap();
        Money::from_json(&json).map(Money::minor)
    }

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(m("1955000.00"), Some(195_500_000));
        assert_eq!(m("5000"), Some(500_000));
        assert_eq!(m("1565.2"), Some(156_520));
        assert_eq!(m("-3.5"), Some(-350));
        assert_eq!(m(" 12.30 "), Some(1230));
        assert_eq!(m("0.00"), Some(0));
        assert_eq!(m("-0"), Some(0));
        assert_eq!(m("0.07"), Some(7));
        assert_eq!(m("12.300000"), Some(1230));
        assert_eq!(m("007.10"), Some(710));
    }

    #[test]
    fn rejects_garbage_and_overflow() {
        for bad in [
            "", " ", "-", ".", "1.", ".5", "1.234", "1,234.00", "12a", "abc", "1e3", "+5", "--1",
            "1.2.3", "١٢", "1 000", "0x10", "NaN", "Infinity",
        ] {
            assert_eq!(m(bad), None, "{bad:?}");
        }
        assert_eq!(m("92233720368547758.07"), Some(i64::MAX));
        assert_eq!(m("92233720368547758.08"), None);
        assert_eq!(m("99999999999999999999999999999999"), None);
        assert_eq!(m("-92233720368547758.07"), Some(-i64::MAX));
    }

    #[test]
    fn reads_json_numbers_and_strings() {
        let j = |raw: &str| Money::from_json(raw).map(Money::minor);
        assert_eq!(j("1565.2"), Some(156_520));
        assert_eq!(j("46333600"), Some(4_633_360_000));
        assert_eq!(j(r#""5000.00""#), Some(500_000));
        assert_eq!(j(r#"" 5000 ""#), Some(500_000));
        assert_eq!(j("8.484e2"), Some(84_840));
        assert_eq!(j("1E+2"), Some(10_000));
        assert_eq!(j("5e-3"), None);
        assert_eq!(j("1e999999"), None);
        assert_eq!(j("null"), None);
        assert_eq!(j("true"), None);
        assert_eq!(j(r#""""#), None);
        assert_eq!(j("{}"), None);
        assert_eq!(j(r#""1e3""#), None);
    }

    #[test]
    fn reads_without_floats() {
        // A value f64 cannot hold exactly stays exact.
        let big = Money::from_json("90071992547409.93").unwrap();
        assert_eq!(big.minor(), 9_007_199_254_740_993);
        assert_eq!(Money::from_json(r#""12,00""#), None);
        assert_eq!(Money::from_json("[1]"), None);
    }

    #[test]
    fn formats_per_language_and_currency() {
        let f = |code: &str, lang, minor| {
            MoneyFormat::new(Currency::parse(code).unwrap(), lang).format(Money::from_minor(minor))
        };
        assert_eq!(f("MXN", Lang::Es, 4_633_360_000), "$46,333,600.00");
        assert_eq!(f("MXN", Lang::En, 4_633_360_000), "$46,333,600.00");
        assert_eq!(f("MXN", Lang::Es, -350), "-$3.50");
        assert_eq!(f("USD", Lang::Es, 123_400), "US$1,234.00");
        assert_eq!(f("usd", Lang::En, 123_400), "$1,234.00");
        assert_eq!(f("EUR", Lang::En, 123_400), "EUR\u{a0}1,234.00");
        assert_eq!(f("MXN", Lang::Es, 0), "$0.00");
        assert_eq!(f("MXN", Lang::Es, 5), "$0.05");
        assert_eq!(f("MXN", Lang::Es, 99_999), "$999.99");
        assert_eq!(f("MXN", Lang::Es, 100_000), "$1,000.00");
        assert_eq!(f("MXN", Lang::En, i64::MIN), "-$92,233,720,368,547,758.08");
    }

    #[test]
    fn currencies() {
        assert_eq!(Currency::parse(" usd "), Some(Currency(*b"USD")));
        assert_eq!(Currency::default().code(), "MXN");
        for bad in ["", "pesos", "US", "U$D", "ÑÑÑ", "12 "] {
            assert_eq!(Currency::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn money_accessors() {
        assert!(Money::default().is_zero());
        assert!(!Money::from_minor(1).is_zero());
        assert!(Money::from_minor(1) < Money::from_minor(2));
    }

    #[test]
    fn rate_percent_text_moves_the_point() {
        let p = |t: &str| {
            let json = serde_json::to_string(t).unwrap();
            Rate::from_json(&json).map(|r| r.percent_text())
        };
        assert_eq!(p("0.043").as_deref(), Some("4.3"));
        assert_eq!(p("0.0072").as_deref(), Some("0.72"));
        assert_eq!(p("0.96").as_deref(), Some("96"));
        assert_eq!(p("0.00720000").as_deref(), Some("0.72"));
        assert_eq!(p("1").as_deref(), Some("100"));
        assert_eq!(p("1.5").as_deref(), Some("150"));
        assert_eq!(p("0").as_deref(), Some("0"));
        assert_eq!(p("0.00000000").as_deref(), Some("0"));
        assert_eq!(p("-0.05").as_deref(), Some("-5"));
        assert_eq!(p("0.000001").as_deref(), Some("0.0001"));
        assert_eq!(p("abc"), None);
        assert_eq!(p("0.5%"), None);
    }

    #[test]
    fn rate_reads_json() {
        let r = |raw: &str| Rate::from_json(raw).map(|r| r.0);
        assert_eq!(r("0.043").as_deref(), Some("0.043"));
        assert_eq!(r(r#""0.00720000""#).as_deref(), Some("0.0072"));
        assert_eq!(r("7.2E-3").as_deref(), Some("0.0072"));
        let p = |raw: &str| Rate::from_json(raw).map(|r| r.percent_text());
        assert_eq!(p(r#""0.00720000""#).as_deref(), Some("0.72"));
        assert_eq!(p("7.2E-3").as_deref(), Some("0.72"));
        assert_eq!(p(r#""7.2E-5""#).as_deref(), Some("0.0072"));
        assert_eq!(p("9.6e-1").as_deref(), Some("96"));
        assert_eq!(r("\"x\""), None);
        assert_eq!(r("1e99"), None);
    }
}
