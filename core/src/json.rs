//! A small, strict JSON reader: a document's text in, each value's exact
//! text out (objects as their members, arrays as their elements, strings
//! decoded). The decoders read every field from its exact text anyway
//! (`wire`), so this is all they need of JSON.
//!
//! It stands in for serde_json, whose code (and the float formatting its
//! error messages bring) was most of the first paint's wasm (`paint/`,
//! issue 14). It accepts exactly what serde_json accepts as a value (RFC 8259:
//! no comments, no trailing commas, no leading zeros, no control characters
//! in strings; strings decoded with their `\u` escapes, a lone surrogate
//! refused), follows nesting to any depth as serde_json's raw values do,
//! and never panics or overflows its stack;
//! `tests` checks it against serde_json on the decoders' samples, cut and
//! mangled.

/// The exact text of one valid JSON value, without surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    /// The value's text.
    pub fn get(self) -> &'a str {
        self.0
    }
}

/// Why a text is not one JSON value (for logs only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error(pub &'static str);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// `text` as one JSON value, with whitespace only around it.
pub fn parse(text: &str) -> Result<Raw<'_>, Error> {
    let mut s = Scanner::new(text);
    s.whitespace();
    let (start, end) = s.value()?;
    s.whitespace();
    if s.pos != s.bytes.len() {
        return Err(Error("trailing characters"));
    }
    Ok(Raw(&text[start..end]))
}

/// An object's members in order, each key decoded; `None` when the value
/// is not an object.
pub fn members(raw: Raw<'_>) -> Option<Vec<(String, Raw<'_>)>> {
    items(raw, b'{', b'}', |s| {
        let (key_start, key_end) = s.string().ok()?;
        let key = decode_string(&raw.0[key_start..key_end])?;
        s.whitespace();
        s.expect(b':').ok()?;
        s.whitespace();
        let (start, end) = s.value().ok()?;
        Some((key, Raw(&raw.0[start..end])))
    })
}

/// An array's elements in order; `None` when the value is not an array.
pub fn elements(raw: Raw<'_>) -> Option<Vec<Raw<'_>>> {
    items(raw, b'[', b']', |s| {
        let (start, end) = s.value().ok()?;
        Some(Raw(&raw.0[start..end]))
    })
}

/// The items between `open` and `close`, comma-separated, each read by
/// `item` from its first character; `None` when the value does not open
/// with `open`, or an item or a separator is not readable.
fn items<'a, T>(
    raw: Raw<'a>,
    open: u8,
    close: u8,
    mut item: impl FnMut(&mut Scanner<'a>) -> Option<T>,
) -> Option<Vec<T>> {
    let mut s = Scanner::new(raw.0);
    if s.peek() != Some(open) {
        return None;
    }
    s.pos += 1;
    let mut out = Vec::new();
    s.whitespace();
    if s.peek() == Some(close) {
        return Some(out);
    }
    loop {
        s.whitespace();
        out.push(item(&mut s)?);
        s.whitespace();
        match s.next() {
            Some(b',') => continue,
            Some(c) if c == close => return Some(out),
            _ => return None,
        }
    }
}

/// The text of a JSON string (`"a\u00f1"` → `añ`), whitespace around it
/// allowed; `None` for anything else, or a string with a lone surrogate.
pub fn string(text: &str) -> Option<String> {
    let mut s = Scanner::new(text);
    s.whitespace();
    let (start, end) = s.string().ok()?;
    s.whitespace();
    if s.pos != s.bytes.len() {
        return None;
    }
    decode_string(&text[start..end])
}

/// A JSON integer (`-12`, not `12.0`, `1e3` or `"12"`), as serde reads an
/// integer type; `None` for anything else or out of `i64`.
pub fn integer(raw: Raw<'_>) -> Option<i64> {
    let digits = raw.0.strip_prefix('-').unwrap_or(raw.0);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.0.parse().ok()
}

/// Decodes the inside of a scanned string (between its quotes).
fn decode_string(quoted: &str) -> Option<String> {
    let inner = quoted.get(1..quoted.len().checked_sub(1)?)?;
    if !inner.contains('\\') {
        return Some(inner.to_owned());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let first = hex4(&mut chars)?;
                match first {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by `\u` and a low one.
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let second = hex4(&mut chars)?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))?
                    }
                    0xDC00..=0xDFFF => return None,
                    code => char::from_u32(code)?,
                }
            }
            _ => return None,
        };
        out.push(escaped);
    }
    Some(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

/// A validating scanner over the text's bytes.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.next() == Some(b) {
            Ok(())
        } else {
            Err(Error("unexpected character"))
        }
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// One value; its span. Nested objects and arrays are followed with a
    /// stack of their closing brackets, not by recursion: any depth, as
    /// serde_json's own skipping of a raw value, and no stack to overflow.
    fn value(&mut self) -> Result<(usize, usize), Error> {
        self.whitespace();
        let start = self.pos;
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value starts here.
            self.whitespace();
            match self.peek() {
                Some(b'{') | Some(b'[') => {
                    let close = if self.peek() == Some(b'{') {
                        b'}'
                    } else {
                        b']'
                    };
                    self.pos += 1;
                    self.whitespace();
                    if self.peek() == Some(close) {
                        self.pos += 1;
                    } else {
                        open.push(close);
                        if close == b'}' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(_) => return Err(Error("expected a value")),
                None => return Err(Error("end of text where a value was expected")),
            }
            // A value ended: close what it ends, or go on to the next one.
            loop {
                let Some(&close) = open.last() else {
                    return Ok((start, self.pos));
                };
                self.whitespace();
                match self.next() {
                    Some(b',') => {
                        if close == b'}' {
                            self.key()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        open.pop();
                    }
                    _ => return Err(Error("expected a comma or a closing bracket")),
                }
            }
        }
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Result<(), Error> {
        self.whitespace();
        if self.peek() != Some(b'"') {
            return Err(Error("expected a key"));
        }
        self.string()?;
        self.whitespace();
        self.expect(b':')
    }

    /// A string with valid escapes and no control characters; its span with
    /// the quotes.
    fn string(&mut self) -> Result<(usize, usize), Error> {
        let start = self.pos;
        self.expect(b'"')?;
        loop {
            match self.next() {
                Some(b'"') => return Ok((start, self.pos)),
                Some(b'\\') => match self.next() {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                    Some(b'u') => {
                        for _ in 0..4 {
                            if !self.next().is_some_and(|b| b.is_ascii_hexdigit()) {
                                return Err(Error("invalid \\u escape"));
                            }
                        }
                    }
                    _ => return Err(Error("invalid escape")),
                },
                Some(0x00..=0x1F) => return Err(Error("control character in a string")),
                Some(_) => {}
                None => return Err(Error("unterminated string")),
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Error("invalid literal"))
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<(), Error> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.next() {
            Some(b'0') => {
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(Error("leading zero"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(Error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(Error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(Error("invalid number"));
            }
            self.digits();
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::value::RawValue;

    /// serde_json's verdict on a document, and on a string.
    fn serde_value(text: &str) -> Option<String> {
        serde_json::from_str::<&RawValue>(text)
            .ok()
            .map(|raw| raw.get().to_owned())
    }

    fn agrees(text: &str) {
        assert_eq!(
            parse(text).ok().map(|raw| raw.get().to_owned()),
            serde_value(text),
            "document {text:?}"
        );
        assert_eq!(
            string(text),
            serde_json::from_str::<String>(text).ok(),
            "string {text:?}"
        );
    }

    #[test]
    fn accepts_what_serde_json_accepts() {
        for text in [
            "{}",
            " [ ] ",
            "{\"a\": [1, -2.5e+3, true, false, null, \"x\"], \"b\": {\"c\": {}}}",
            "0",
            "-0",
            "1.0E-7",
            "\"a\\u00f1\\n\\/\\\"\"",
            "\"\\ud83d\\ude00\"",
            "\"ñ €\"",
            "\t\n\r 7 \n",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "{\"a\" 1}",
            "[1 2]",
            "tru",
            "nul",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}b\"",
            "\"unterminated",
            "{} {}",
            "[1] x",
            "",
            "   ",
            "\u{feff}{}",
            "NaN",
            "Infinity",
            "1e999",
            "99999999999999999999999999",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn nests_as_deep_as_serde_json() {
        for depth in [1, 127, 128, 129, 3_000, 100_000] {
            let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            agrees(&text);
            let text =
                format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth)).replacen('}', "1}", 1);
            agrees(&text);
        }
    }

    #[test]
    fn agrees_with_serde_json_on_mangled_samples() {
        for body in crate::decode::samples::FIXTURES {
            let cuts = body.char_indices().map(|(i, _)| i).step_by(7);
            for cut in cuts {
                if let Some(prefix) = body.get(..cut) {
                    agrees(prefix);
                }
            }
            for (i, c) in body.char_indices().step_by(3) {
                for replacement in ["", "\"", "\\", "{", "]", ",", "0", "\u{0}"] {
                    let mut mangled = String::with_capacity(body.len() + 4);
                    mangled.push_str(&body[..i]);
                    mangled.push_str(replacement);
                    mangled.push_str(&body[i + c.len_utf8()..]);
                    agrees(&mangled);
                }
            }
            agrees(body);
        }
    }

    #[test]
    fn members_elements_and_integers() {
        let doc = parse("{\"a\": 1, \"b\\u0063\": [2, \"3\"], \"a\": null}").unwrap();
        let m = members(doc).unwrap();
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "bc", "a"]);
        assert_eq!(m[0].1.get(), "1");
        let items = elements(m[1].1).unwrap();
        assert_eq!(
            items.iter().map(|r| r.get()).collect::<Vec<_>>(),
            ["2", "\"3\""]
        );
        assert_eq!(members(m[1].1), None);
        assert_eq!(elements(doc), None);
        for (text, want) in [
            ("480", Some(480)),
            ("-0", Some(0)),
            ("480.0", None),
            ("1e3", None),
            ("\"480\"", None),
            ("99999999999999999999", None),
        ] {
            assert_eq!(integer(parse(text).unwrap()), want, "{text}");
        }
    }
}
