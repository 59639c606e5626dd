//! Wire shapes and lenient field readers (Q1, Q3).
//!
//! Every field is captured as its raw JSON text ([`Raw`], borrowed from the
//! body, by the crate's own reader, `json`) and read by the helpers below,
//! so a field may be a number or a string, `null` or missing, and money is
//! read from its exact text. Unknown fields are ignored; a known one given
//! twice makes the object unreadable (as serde's derive did).

use crate::day::Day;
use crate::json::{self, Raw};
use crate::money::{Money, Rate};

/// A field as sent: `None` when missing or `null`.
pub(crate) type Field<'a> = Option<Raw<'a>>;

/// A JSON object read field by field (see [`wire_object!`]).
pub(crate) trait FromObject<'a>: Sized {
    fn from_members(members: Vec<(String, Raw<'a>)>) -> Result<Self, String>;
}

/// Declares a wire shape: a struct of [`Field`]s, each read from the JSON
/// key named beside it.
macro_rules! wire_object {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Default)]
        pub(crate) struct $name<'a> {
            $(pub $field: $crate::wire::Field<'a>,)*
        }

        impl<'a> $crate::wire::FromObject<'a> for $name<'a> {
            fn from_members(
                members: Vec<(String, $crate::json::Raw<'a>)>,
            ) -> Result<Self, String> {
                let mut out = Self::default();
                let keys: &[&str] = &[$($key),*];
                let mut seen = [false; 32];
                let mut slots: Vec<&mut $crate::wire::Field<'a>> = vec![$(&mut out.$field),*];
                for (key, value) in members {
                    if let Some(i) = keys.iter().position(|k| *k == key) {
                        if std::mem::replace(&mut seen[i], true) {
                            return Err(format!("duplicate field `{key}`"));
                        }
                        *slots[i] = (value.get() != "null").then_some(value);
                    }
                }
                drop(slots);
                Ok(out)
            }
        }
    };
}
pub(crate) use wire_object;

wire_object! {
    /// The union of all four envelopes' top-level keys; also the gateway's own
    /// `{code, msg, data}` object (envelope 4).
    Envelope {
        status: "status",
        message: "message",
        data: "data",
        info: "info",
        code: "code",
        msg: "msg",
        languages: "languages",
        default: "default",
        target: "target",
    }
}

wire_object! {
    /// #3 `data`, logged in or not.
    HomeData {
        status: "status",
        quota: "quota",
        default_loan_time: "default_loan_time",
        default_deadline: "default_deadline",
        default_loan_interest: "default_loan_interest",
        default_repay_interest: "default_repay_interest",
        money: "money",
        repay_money: "repay_money",
        repayment_time: "repayment_time",
        loan_time: "loan_time",
        bill_id: "billId",
        confirm: "confirm",
        service_fee: "serviceFee",
        bill: "bill",
        has_overdue: "hasOverdue",
        next_repay_day: "nextRepayDay",
        delay_fee: "delayFee",
        doquota: "doquota",
        next_loan: "next_loan",
        approval_rate: "approval_rate",
        next_loan_period: "next_loan_period",
    }
}

wire_object! {
    /// A `bill` object (#3, #13, #14).
    BillData {
        id: "id",
        oid: "oid",
        status: "status",
        money: "money",
        interest: "interest",
        repay_interest: "repay_interest",
        overdue: "overdue",
        repaid_money: "repaid_money",
        delay_unpaid: "delay_unpaid",
        delay_day: "delay_day",
        delay_num: "delay_num",
        repayment_time: "repayment_time",
        utr: "utr",
        utr_image: "utr_image",
        repay_image: "repay_image",
    }
}

wire_object! {
    /// #13 / #14 `data`.
    DetailData {
        oid: "oid",
        bill: "bill",
        need_repay_money: "needRepayMoney",
        need_repayment_time: "needRepaymentTime",
        need_repayment_day: "needRepaymentDay",
        delay_fee: "delayFee",
        overdue_fee: "overdueFee",
        next_repay_datetime: "nextRepayDatetime",
        next_repay_day: "nextRepayDay",
    }
}

wire_object! {
    /// #4 `data`.
    OrdersData {
        orders: "orders",
    }
}

wire_object! {
    /// A #4 row.
    OrderData {
        id: "id",
        oid: "oid",
        time: "time",
        interest: "interest",
        start_time: "start_time",
        money: "money",
        status: "status",
        repay_money: "repay_money",
        repayment_time: "repayment_time",
        over_fee: "overFee",
    }
}

wire_object! {
    /// The gateway's payment `data` (#17).
    PaymentData {
        reference: "reference",
        barcode: "barcode",
        expire: "expire",
        path: "path",
        origin_img: "origin_img",
        checkout: "checkout",
        money: "money",
        name: "name",
        image: "image",
    }
}

wire_object! {
    /// #11 `data`.
    SupportData {
        phone_number: "phone_number",
        whatapp: "whatapp",
        whatsapp: "whatsapp",
    }
}

/// The raw text, trimmed; `None` for `null`.
fn raw_text<'a>(field: Field<'a>) -> Option<&'a str> {
    let text = field?.get();
    (text != "null").then_some(text)
}

/// A JSON object read as `T`. Missing, `null`, `""` and PHP's empty-object
/// `[]` give `Ok(None)`; anything else that is not an object is an error.
pub(crate) fn object<'a, T: FromObject<'a>>(field: Field<'a>) -> Result<Option<T>, String> {
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
    let members = field
        .and_then(json::members)
        .ok_or_else(|| format!("not an object: {}", clip(text)))?;
    T::from_members(members).map(Some)
}

/// The elements of a JSON array; anything else gives none.
pub(crate) fn array(field: Field<'_>) -> Vec<Raw<'_>> {
    field.and_then(json::elements).unwrap_or_default()
}

/// A string as is, or a number's text. `None` for anything else.
pub(crate) fn text(field: Field<'_>) -> Option<String> {
    let raw = raw_text(field)?;
    if raw.starts_with('"') {
        json::string(raw)
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

    fn with<T>(text: &str, read: impl FnOnce(Field<'_>) -> T) -> T {
        let raw = json::parse(text).unwrap();
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
        wire_object! {
            X {
                a: "a",
            }
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
