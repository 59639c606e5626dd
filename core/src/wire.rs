//! Wire shapes and lenient field readers (Q1, Q3).
//!
//! Every field is captured as its raw JSON text (`&RawValue`, borrowed from
//! the body) and read by the helpers below, so a field may be a number or a
//! string, `null` or missing, and money is read from its exact text. Unknown
//! fields are ignored by serde. Nothing here goes through
//! `serde_json::Value`, `untagged` or `flatten`, where raw text is lost.

use crate::day::Day;
use crate::money::{Money, Rate};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A field as sent: `None` when missing or `null`.
pub(crate) type Field<'a> = Option<&'a RawValue>;

/// The union of all four envelopes' top-level keys; also the gateway's own
/// `{code, msg, data}` object (envelope 4).
#[derive(Deserialize, Default)]
pub(crate) struct Envelope<'a> {
    #[serde(borrow)]
    pub status: Field<'a>,
    #[serde(borrow)]
    pub message: Field<'a>,
    #[serde(borrow)]
    pub data: Field<'a>,
    #[serde(borrow)]
    pub info: Field<'a>,
    #[serde(borrow)]
    pub code: Field<'a>,
    #[serde(borrow)]
    pub msg: Field<'a>,
    #[serde(borrow)]
    pub languages: Field<'a>,
    #[serde(borrow)]
    pub default: Field<'a>,
}

/// #3 `data`, logged in or not.
#[derive(Deserialize, Default)]
pub(crate) struct HomeData<'a> {
    #[serde(borrow)]
    pub status: Field<'a>,
    #[serde(borrow)]
    pub quota: Field<'a>,
    #[serde(borrow)]
    pub default_loan_time: Field<'a>,
    #[serde(borrow)]
    pub default_deadline: Field<'a>,
    #[serde(borrow)]
    pub default_loan_interest: Field<'a>,
    #[serde(borrow)]
    pub default_repay_interest: Field<'a>,
    #[serde(borrow)]
    pub money: Field<'a>,
    #[serde(borrow)]
    pub repay_money: Field<'a>,
    #[serde(borrow)]
    pub repayment_time: Field<'a>,
    #[serde(borrow)]
    pub loan_time: Field<'a>,
    #[serde(borrow, rename = "billId")]
    pub bill_id: Field<'a>,
    #[serde(borrow)]
    pub confirm: Field<'a>,
    #[serde(borrow, rename = "serviceFee")]
    pub service_fee: Field<'a>,
    #[serde(borrow)]
    pub bill: Field<'a>,
    #[serde(borrow, rename = "hasOverdue")]
    pub has_overdue: Field<'a>,
    #[serde(borrow, rename = "nextRepayDay")]
    pub next_repay_day: Field<'a>,
    #[serde(borrow, rename = "delayFee")]
    pub delay_fee: Field<'a>,
    #[serde(borrow)]
    pub doquota: Field<'a>,
    #[serde(borrow)]
    pub next_loan: Field<'a>,
    #[serde(borrow)]
    pub approval_rate: Field<'a>,
    #[serde(borrow)]
    pub next_loan_period: Field<'a>,
}

/// A `bill` object (#3, #13, #14).
#[derive(Deserialize, Default)]
pub(crate) struct BillData<'a> {
    #[serde(borrow)]
    pub id: Field<'a>,
    #[serde(borrow)]
    pub oid: Field<'a>,
    #[serde(borrow)]
    pub status: Field<'a>,
    #[serde(borrow)]
    pub money: Field<'a>,
    #[serde(borrow)]
    pub interest: Field<'a>,
    #[serde(borrow)]
    pub repay_interest: Field<'a>,
    #[serde(borrow)]
    pub overdue: Field<'a>,
    #[serde(borrow)]
    pub repaid_money: Field<'a>,
    #[serde(borrow)]
    pub delay_unpaid: Field<'a>,
    #[serde(borrow)]
    pub delay_day: Field<'a>,
    #[serde(borrow)]
    pub delay_num: Field<'a>,
    #[serde(borrow)]
    pub repayment_time: Field<'a>,
    #[serde(borrow)]
    pub utr: Field<'a>,
    #[serde(borrow)]
    pub utr_image: Field<'a>,
    #[serde(borrow)]
    pub repay_image: Field<'a>,
}

/// #13 / #14 `data`.
#[derive(Deserialize, Default)]
pub(crate) struct DetailData<'a> {
    #[serde(borrow)]
    pub oid: Field<'a>,
    #[serde(borrow)]
    pub bill: Field<'a>,
    #[serde(borrow, rename = "needRepayMoney")]
    pub need_repay_money: Field<'a>,
    #[serde(borrow, rename = "needRepaymentTime")]
    pub need_repayment_time: Field<'a>,
    #[serde(borrow, rename = "needRepaymentDay")]
    pub need_repayment_day: Field<'a>,
    #[serde(borrow, rename = "delayFee")]
    pub delay_fee: Field<'a>,
    #[serde(borrow, rename = "overdueFee")]
    pub overdue_fee: Field<'a>,
    #[serde(borrow, rename = "nextRepayDatetime")]
    pub next_repay_datetime: Field<'a>,
    #[serde(borrow, rename = "nextRepayDay")]
    pub next_repay_day: Field<'a>,
}

/// #4 `data`.
#[derive(Deserialize, Default)]
pub(crate) struct OrdersData<'a> {
    #[serde(borrow)]
    pub orders: Field<'a>,
}

/// A #4 row.
#[derive(Deserialize, Default)]
pub(crate) struct OrderData<'a> {
    #[serde(borrow)]
    pub id: Field<'a>,
    #[serde(borrow)]
    pub oid: Field<'a>,
    #[serde(borrow)]
    pub time: Field<'a>,
    #[serde(borrow)]
    pub interest: Field<'a>,
    #[serde(borrow)]
    pub start_time: Field<'a>,
    #[serde(borrow)]
    pub money: Field<'a>,
    #[serde(borrow)]
    pub status: Field<'a>,
    #[serde(borrow)]
    pub repay_money: Field<'a>,
    #[serde(borrow)]
    pub repayment_time: Field<'a>,
    #[serde(borrow, rename = "overFee")]
    pub over_fee: Field<'a>,
}

/// The gateway's payment `data` (#17).
#[derive(Deserialize, Default)]
pub(crate) struct PaymentData<'a> {
    #[serde(borrow)]
    pub reference: Field<'a>,
    #[serde(borrow)]
    pub barcode: Field<'a>,
    #[serde(borrow)]
    pub expire: Field<'a>,
    #[serde(borrow)]
    pub path: Field<'a>,
    #[serde(borrow)]
    pub origin_img: Field<'a>,
    #[serde(borrow)]
    pub checkout: Field<'a>,
    #[serde(borrow)]
    pub money: Field<'a>,
    #[serde(borrow)]
    pub name: Field<'a>,
    #[serde(borrow)]
    pub image: Field<'a>,
}

/// #11 `data`.
#[derive(Deserialize, Default)]
pub(crate) struct SupportData<'a> {
    #[serde(borrow)]
    pub phone_number: Field<'a>,
    #[serde(borrow)]
    pub whatapp: Field<'a>,
    #[serde(borrow)]
    pub whatsapp: Field<'a>,
}

/// The raw text, trimmed; `None` for `null`.
fn raw_text<'a>(field: Field<'a>) -> Option<&'a str> {
    let text = field?.get().trim();
    (text != "null").then_some(text)
}

/// A JSON object read as `T`. Missing, `null`, `""` and PHP's empty-object
/// `[]` give `Ok(None)`; anything else that is not an object is an error.
pub(crate) fn object<'a, T: Deserialize<'a>>(field: Field<'a>) -> Result<Option<T>, String> {
    let Some(text) = raw_text(field) else {
        return Ok(None);
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact == "[]" || compact == "\"\"" {
        return Ok(None);
    }
    if !text.starts_with('{') {
        return Err(format!("expected an object, got {}", clip(text)));
    }
    serde_json::from_str(text)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The elements of a JSON array; anything else gives none.
pub(crate) fn array(field: Field<'_>) -> Vec<&RawValue> {
    match raw_text(field) {
        Some(text) if text.starts_with('[') => {
            serde_json::from_str::<Vec<&RawValue>>(text).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// A string as is, or a number's text. `None` for anything else.
pub(crate) fn text(field: Field<'_>) -> Option<String> {
    let raw = raw_text(field)?;
    if raw.starts_with('"') {
        serde_json::from_str(raw).ok()
    } else if raw.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        Some(raw.to_owned())
    } else {
        None
    }
}

/// [`text`], trimmed, and `None` when empty.
pub(crate) fn non_empty(field: Field<'_>) -> Option<String> {
    let value = text(field)?;
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// An integer sent as a number or a string (`7`, `"7"`, `"16.00"`).
pub(crate) fn int(field: Field<'_>) -> Option<i64> {
    let value = text(field)?;
    let value = value.trim();
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let ok = !digits.is_empty()
        && digits.len() <= 19
        && digits.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b == b'0');
    if ok {
        whole.parse().ok()
    } else {
        None
    }
}

/// A non-negative count that fits `u32`.
pub(crate) fn count(field: Field<'_>) -> Option<u32> {
    int(field).and_then(|n| u32::try_from(n).ok())
}

/// An amount, exactly. `None` when missing, `null`, empty or not an amount.
pub(crate) fn money(field: Field<'_>) -> Option<Money> {
    Money::from_json(raw_text(field)?)
}

/// Whether a field carries no value: missing, `null` or `""`.
pub(crate) fn is_blank(field: Field<'_>) -> bool {
    raw_text(field).is_none() || text(field).is_some_and(|t| t.trim().is_empty())
}

/// A ratio, exactly.
pub(crate) fn rate(field: Field<'_>) -> Option<Rate> {
    Rate::from_json(raw_text(field)?)
}

/// `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"true"`/`"false"`.
pub(crate) fn boolean(field: Field<'_>) -> Option<bool> {
    match raw_text(field)? {
        "true" => Some(true),
        "false" => Some(false),
        _ => match text(field)?.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Some(true),
            "false" | "no" | "" => Some(false),
            _ => int(field).map(|n| n != 0),
        },
    }
}

/// Last representable second of year 9999, UTC.
const MAX_TIMESTAMP: i64 = 253_402_300_799;

/// A day: a `dd-mm-yyyy` string, or a Unix timestamp (number or string)
/// read in the server's zone (Q5). Zero or negative timestamps mean "unset".
pub(crate) fn day(field: Field<'_>, utc_offset_minutes: i32) -> Option<Day> {
    let value = text(field)?;
    let value = value.trim();
    if value.contains(['-', '/']) && !value.starts_with('-') {
        return Day::parse_dmy(value);
    }
    let secs = int(field)?;
    (secs > 0 && secs <= MAX_TIMESTAMP).then(|| Day::from_unix(secs, utc_offset_minutes))
}

/// At most 60 characters, for error details.
pub(crate) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<T>(json: &str, read: impl FnOnce(Field<'_>) -> T) -> T {
        let raw: &RawValue = serde_json::from_str(json).unwrap();
        read(Some(raw))
    }

    #[test]
    fn reads_numbers_as_numbers_or_strings() {
        assert_eq!(with("7", int), Some(7));
        assert_eq!(with("\"7\"", int), Some(7));
        assert_eq!(with("\" 16.00 \"", int), Some(16));
        assert_eq!(with("-100", int), Some(-100));
        assert_eq!(with("\"-100\"", int), Some(-100));
        assert_eq!(with("7.5", int), None);
        assert_eq!(with("\"\"", int), None);
        assert_eq!(with("null", int), None);
        assert_eq!(with("true", int), None);
        assert_eq!(with("99999999999999999999999", int), None);
        assert_eq!(with("1e3", int), None);
        assert_eq!(int(None), None);
        assert_eq!(with("\"-5\"", count), None);
        assert_eq!(with("\"5\"", count), Some(5));
        assert_eq!(with("4294967296", count), None);
    }

    #[test]
    fn reads_text() {
        assert_eq!(with("\"a\\u00f1\"", text).as_deref(), Some("añ"));
        assert_eq!(with("12.5", text).as_deref(), Some("12.5"));
        assert_eq!(with("{}", text), None);
        assert_eq!(with("[1]", text), None);
        assert_eq!(with("\"  \"", non_empty), None);
        assert_eq!(with("\" x \"", non_empty).as_deref(), Some("x"));
        assert!(with("\"\"", is_blank));
        assert!(with("null", is_blank));
        assert!(is_blank(None));
        assert!(!with("0", is_blank));
    }

    #[test]
    fn reads_booleans() {
        for (json, want) in [
            ("true", Some(true)),
            ("false", Some(false)),
            ("1", Some(true)),
            ("0", Some(false)),
            ("\"1\"", Some(true)),
            ("\"0\"", Some(false)),
            ("\"true\"", Some(true)),
            ("\"\"", Some(false)),
            ("null", None),
            ("\"maybe\"", None),
            ("[]", None),
        ] {
            assert_eq!(with(json, boolean), want, "{json}");
        }
    }

    #[test]
    fn reads_days_both_ways() {
        let d = |y, m, dd| Day::from_ymd(y, m, dd);
        assert_eq!(with("1684425600", |f| day(f, 480)), d(2023, 5, 19));
        assert_eq!(with("\"1684425600\"", |f| day(f, 480)), d(2023, 5, 19));
        assert_eq!(with("\"19-05-2023\"", |f| day(f, 0)), d(2023, 5, 19));
        assert_eq!(with("\"0\"", |f| day(f, 0)), None);
        assert_eq!(with("-5", |f| day(f, 0)), None);
        assert_eq!(with("99999999999999", |f| day(f, 0)), None);
        assert_eq!(with("\"garbage\"", |f| day(f, 0)), None);
        assert_eq!(with("null", |f| day(f, 0)), None);
    }

    #[test]
    fn reads_objects_and_arrays() {
        #[derive(Deserialize)]
        struct X<'a> {
            #[serde(borrow)]
            a: Field<'a>,
        }
        let got = with("{\"a\": 1, \"b\": 2}", |f| {
            object::<X>(f).map(|x| x.map(|x| int(x.a)))
        });
        assert_eq!(got, Ok(Some(Some(1))));
        assert!(with("[ ]", |f| object::<X>(f).map(|x| x.is_none())).unwrap());
        assert!(with("\"\"", |f| object::<X>(f).map(|x| x.is_none())).unwrap());
        assert!(with("null", |f| object::<X>(f).map(|x| x.is_none())).unwrap());
        assert!(with("[1]", |f| object::<X>(f).is_err()));
        assert!(with("5", |f| object::<X>(f).is_err()));
        assert_eq!(with("[1, \"2\"]", |f| array(f).len()), 2);
        assert_eq!(with("{}", |f| array(f).len()), 0);
    }

    #[test]
    fn clips_details() {
        assert_eq!(clip("abc"), "abc");
        assert_eq!(clip(&"é".repeat(100)).chars().count(), 61);
    }
}
