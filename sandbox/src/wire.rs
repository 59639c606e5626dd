//! Reply builders: JSON written in the real API's shapes.
//!
//! Replies are built as [`OrderedJson`] values, which keep their key order
//! (as in the samples) and write money numbers from integer cents without
//! any floating point (`1565.2`, `46333600`).
//!
//! Why not `serde_json::Value`: measured, it writes `{"status":200,"data":"",
//! "message":..}` as `{"data":"","message":..,"status":200}` and money 5000
//! as `5000.0`; fixing that needs `preserve_order` and `arbitrary_precision`,
//! which cargo would unify into the app's serde_json (whose tests rely on
//! e.g. `1e999` being refused), so this small writer stays.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt::{self, Write as _};

/// Q7's states, as sent in #3 `data.status`, orders' and bills' `status`
/// (any other value means "in process"; seeded account 5 has 3).
pub mod loan_status {
    /// Not logged in: #3 then carries the public offer (also the envelope
    /// `status` of a lost session, Q10).
    pub const NOT_LOGGED_IN: i32 = -100;
    /// Unpaid, not yet due.
    pub const DUE: i32 = 0;
    pub const OVERDUE: i32 = 1;
    pub const REPAID: i32 = 2;
    /// Extended (the due day moved by an extension).
    pub const EXTENDED: i32 = 4;
}

use loan_status::NOT_LOGGED_IN;

/// A JSON value that keeps its key order and writes numbers verbatim.
#[derive(Clone, Debug, PartialEq)]
pub enum OrderedJson {
    Null,
    Bool(bool),
    /// A JSON number, already written (`5000`, `1565.2`).
    Num(String),
    Str(String),
    Arr(Vec<OrderedJson>),
    Obj(Vec<(String, OrderedJson)>),
}

/// Build a [`OrderedJson::Obj`] keeping the given key order.
#[macro_export]
macro_rules! obj {
    ($($k:expr => $v:expr),* $(,)?) => {
        $crate::wire::OrderedJson::Obj(vec![$((::std::string::String::from($k), ::std::convert::Into::<$crate::wire::OrderedJson>::into($v))),*])
    };
}

impl OrderedJson {
    /// Add (or replace) a key of an object; no-op on other values.
    pub fn set(&mut self, key: &str, value: impl Into<OrderedJson>) {
        if let OrderedJson::Obj(fields) = self {
            let value = value.into();
            match fields.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => fields.push((key.to_string(), value)),
            }
        }
    }

    pub fn text(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for OrderedJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderedJson::Null => f.write_str("null"),
            OrderedJson::Bool(b) => write!(f, "{b}"),
            OrderedJson::Num(n) => f.write_str(n),
            OrderedJson::Str(s) => write_str(f, s),
            OrderedJson::Arr(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            OrderedJson::Obj(fields) => {
                f.write_char('{')?;
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_str(f, k)?;
                    write!(f, ":{v}")?;
                }
                f.write_char('}')
            }
        }
    }
}

fn write_str(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

// One `From` per type the replies use, alike on purpose: a blanket impl clashes with `From<bool>`.
impl From<&str> for OrderedJson {
    fn from(s: &str) -> OrderedJson {
        OrderedJson::Str(s.to_string())
    }
}
impl From<String> for OrderedJson {
    fn from(s: String) -> OrderedJson {
        OrderedJson::Str(s)
    }
}
impl From<&String> for OrderedJson {
    fn from(s: &String) -> OrderedJson {
        OrderedJson::Str(s.clone())
    }
}
impl From<bool> for OrderedJson {
    fn from(b: bool) -> OrderedJson {
        OrderedJson::Bool(b)
    }
}
impl From<i64> for OrderedJson {
    fn from(n: i64) -> OrderedJson {
        OrderedJson::Num(n.to_string())
    }
}
impl From<i32> for OrderedJson {
    fn from(n: i32) -> OrderedJson {
        OrderedJson::Num(n.to_string())
    }
}
impl From<u32> for OrderedJson {
    fn from(n: u32) -> OrderedJson {
        OrderedJson::Num(n.to_string())
    }
}
impl From<Vec<OrderedJson>> for OrderedJson {
    fn from(items: Vec<OrderedJson>) -> OrderedJson {
        OrderedJson::Arr(items)
    }
}
impl<T: Into<OrderedJson>> From<Option<T>> for OrderedJson {
    fn from(v: Option<T>) -> OrderedJson {
        v.map_or(OrderedJson::Null, Into::into)
    }
}

/// Money as a string with two decimals: `"5000.00"` (bills).
pub fn money_decimal(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// Money as a string without needless decimals: `"5000"`, `"5000.5"`
/// (orders' `money`).
pub fn money_short(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    match c % 100 {
        0 => format!("{sign}{}", c / 100),
        f if f % 10 == 0 => format!("{sign}{}.{}", c / 100, f / 10),
        f => format!("{sign}{}.{f:02}", c / 100),
    }
}

/// Money as a JSON number: `5000`, `1565.2`, `3030.55` (#3, #13, #14).
pub fn money_number(cents: i64) -> OrderedJson {
    OrderedJson::Num(money_short(cents))
}

/// Money as a JSON string with two decimals.
pub fn money_string(cents: i64) -> OrderedJson {
    OrderedJson::Str(money_decimal(cents))
}

/// A number sent as a string (`"1665209765"`, `"7"`).
pub fn number_string(n: i64) -> OrderedJson {
    OrderedJson::Str(n.to_string())
}

/// A JSON reply with a given HTTP status.
pub struct Reply(pub StatusCode, pub OrderedJson);

impl IntoResponse for OrderedJson {
    fn into_response(self) -> Response {
        Reply(StatusCode::OK, self).into_response()
    }
}

/// The value a JSON reply was written from, kept in the response's
/// extensions so a later layer (the hostile-strings switch) can rewrite it.
#[derive(Clone, Debug)]
pub struct Written(pub OrderedJson);

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut res = (self.0, self.1.text()).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        res.extensions_mut().insert(Written(self.1));
        res
    }
}

/// Envelope 1: `{"status":200,"message":..,"data":..}`.
pub fn ok(message: &str, data: impl Into<OrderedJson>) -> OrderedJson {
    obj! { "status" => 200, "message" => message, "data" => data }
}

/// Envelope 1 error with `data: ""`.
pub fn err(status: i32, message: &str) -> OrderedJson {
    obj! { "status" => status, "message" => message, "data" => "" }
}

/// Envelope 1 error without `data` (as some PHP branches answer).
pub fn err_without_data(status: i32, message: &str) -> OrderedJson {
    obj! { "status" => status, "message" => message }
}

/// The `-100` "log in first" answer of most private endpoints (Q10).
pub fn need_login() -> OrderedJson {
    err(NOT_LOGGED_IN, "Please log in first")
}

/// Envelope 3 (ThinkPHP `success`/`error`).
pub fn thinkphp_reply(status: i32, info: &str) -> OrderedJson {
    obj! { "info" => info, "status" => status, "url" => "" }
}

/// `{"status":404,"message":"Order not found"}`.
pub fn order_not_found() -> OrderedJson {
    err_without_data(404, "Order not found")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_rendering() {
        assert_eq!(money_decimal(195_500_000), "1955000.00");
        assert_eq!(money_short(500_000), "5000");
        assert_eq!(money_number(156_520).text(), "1565.2");
        assert_eq!(money_number(303_055).text(), "3030.55");
        assert_eq!(money_number(4_633_360_000).text(), "46333600");
        assert_eq!(money_decimal(-5), "-0.05");
        assert_eq!(money_number(0).text(), "0");
    }

    #[test]
    fn escapes_and_order() {
        let j = obj! { "b" => "a\\b\"", "a" => OrderedJson::Null, "n" => 1 };
        assert_eq!(j.text(), r#"{"b":"a\\b\"","a":null,"n":1}"#);
        let v: serde_json::Value = serde_json::from_str(&j.text()).unwrap();
        assert_eq!(v["b"], "a\\b\"");
    }
}
