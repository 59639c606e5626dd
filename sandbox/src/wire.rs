//! Reply builders: JSON written in the real API's shapes.
//!
//! Replies are built as [`J`] values, which keep their key order (as in the
//! samples) and write money numbers from integer cents without any floating
//! point (`1565.2`, `46333600`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt::{self, Write as _};

/// A JSON value that keeps its key order and writes numbers verbatim.
#[derive(Clone, Debug, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    /// A JSON number, already written (`5000`, `1565.2`).
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// Build a [`J::Obj`] keeping the given key order.
#[macro_export]
macro_rules! obj {
    ($($k:expr => $v:expr),* $(,)?) => {
        $crate::wire::J::Obj(vec![$((::std::string::String::from($k), ::std::convert::Into::<$crate::wire::J>::into($v))),*])
    };
}

impl J {
    /// Add (or replace) a key of an object; no-op on other values.
    pub fn set(&mut self, key: &str, value: impl Into<J>) {
        if let J::Obj(fields) = self {
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

impl fmt::Display for J {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            J::Null => f.write_str("null"),
            J::Bool(b) => write!(f, "{b}"),
            J::Num(n) => f.write_str(n),
            J::Str(s) => write_str(f, s),
            J::Arr(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            J::Obj(fields) => {
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

impl From<&str> for J {
    fn from(s: &str) -> J {
        J::Str(s.to_string())
    }
}
impl From<String> for J {
    fn from(s: String) -> J {
        J::Str(s)
    }
}
impl From<&String> for J {
    fn from(s: &String) -> J {
        J::Str(s.clone())
    }
}
impl From<bool> for J {
    fn from(b: bool) -> J {
        J::Bool(b)
    }
}
impl From<i64> for J {
    fn from(n: i64) -> J {
        J::Num(n.to_string())
    }
}
impl From<i32> for J {
    fn from(n: i32) -> J {
        J::Num(n.to_string())
    }
}
impl From<u32> for J {
    fn from(n: u32) -> J {
        J::Num(n.to_string())
    }
}
impl From<Vec<J>> for J {
    fn from(items: Vec<J>) -> J {
        J::Arr(items)
    }
}
impl<T: Into<J>> From<Option<T>> for J {
    fn from(v: Option<T>) -> J {
        v.map_or(J::Null, Into::into)
    }
}

/// Money as a string with two decimals: `"5000.00"` (bills).
pub fn money_str(cents: i64) -> String {
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
pub fn money_num(cents: i64) -> J {
    J::Num(money_short(cents))
}

/// Money as a JSON string with two decimals.
pub fn money_s(cents: i64) -> J {
    J::Str(money_str(cents))
}

/// A number sent as a string (`"1665209765"`, `"7"`).
pub fn num_s(n: i64) -> J {
    J::Str(n.to_string())
}

/// A JSON reply with a given HTTP status.
pub struct Reply(pub StatusCode, pub J);

impl IntoResponse for J {
    fn into_response(self) -> Response {
        Reply(StatusCode::OK, self).into_response()
    }
}

/// The value a JSON reply was written from, kept in the response's
/// extensions so a later layer (the hostile-strings switch) can rewrite it.
#[derive(Clone, Debug)]
pub struct Written(pub J);

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
pub fn ok(message: &str, data: impl Into<J>) -> J {
    obj! { "status" => 200, "message" => message, "data" => data }
}

/// Envelope 1 error with `data: ""`.
pub fn err(status: i32, message: &str) -> J {
    obj! { "status" => status, "message" => message, "data" => "" }
}

/// Envelope 1 error without `data` (as some PHP branches answer).
pub fn err_bare(status: i32, message: &str) -> J {
    obj! { "status" => status, "message" => message }
}

/// The `-100` "log in first" answer of most private endpoints (Q10).
pub fn need_login() -> J {
    err(-100, "Please log in first")
}

/// Envelope 3 (ThinkPHP `success`/`error`).
pub fn think(status: i32, info: &str) -> J {
    obj! { "info" => info, "status" => status, "url" => "" }
}

/// `{"status":404,"message":"Order not found"}`.
pub fn order_not_found() -> J {
    err_bare(404, "Order not found")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_rendering() {
        assert_eq!(money_str(195_500_000), "1955000.00");
        assert_eq!(money_short(500_000), "5000");
        assert_eq!(money_num(156_520).text(), "1565.2");
        assert_eq!(money_num(303_055).text(), "3030.55");
        assert_eq!(money_num(4_633_360_000).text(), "46333600");
        assert_eq!(money_str(-5), "-0.05");
        assert_eq!(money_num(0).text(), "0");
    }

    #[test]
    fn escapes_and_order() {
        let j = obj! { "b" => "a\\b\"", "a" => J::Null, "n" => 1 };
        assert_eq!(j.text(), r#"{"b":"a\\b\"","a":null,"n":1}"#);
        let v: serde_json::Value = serde_json::from_str(&j.text()).unwrap();
        assert_eq!(v["b"], "a\\b\"");
    }
}
