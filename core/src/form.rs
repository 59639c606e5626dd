//! `application/x-www-form-urlencoded` bodies: PHP reads `$_POST`, and JSON
//! request bodies are not understood by this API.

use crate::types::Contact;

/// Encodes pairs as the URL standard's urlencoded serializer does (what a
/// browser's `URLSearchParams` sends): `*-._` and ASCII alphanumerics kept,
/// space as `+`, every other UTF-8 byte as `%XX`.
pub fn form_body(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
}

/// #10: `contacts[i][name]`, `contacts[i][phone]` and, when given,
/// `contacts[i][relate]`.
pub fn contacts_body(contacts: &[Contact]) -> String {
    let mut owned: Vec<(String, &str)> = Vec::with_capacity(contacts.len() * 3);
    for (i, contact) in contacts.iter().enumerate() {
        owned.push((format!("contacts[{i}][name]"), contact.name.as_str()));
        owned.push((format!("contacts[{i}][phone]"), contact.phone.as_str()));
        if let Some(relate) = contact.relate.as_deref() {
            owned.push((format!("contacts[{i}][relate]"), relate));
        }
    }
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    form_body(&pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_url_search_params() {
        assert_eq!(
            form_body(&[("username", "9680304707"), ("password", "a b&c=d+e")]),
            "username=9680304707&password=a+b%26c%3Dd%2Be"
        );
        assert_eq!(form_body(&[("x", "ñ€")]), "x=%C3%B1%E2%82%AC");
        assert_eq!(form_body(&[("k", "*-._~!'()")]), "k=*-._%7E%21%27%28%29");
        assert_eq!(form_body(&[]), "");
        assert_eq!(form_body(&[("empty", "")]), "empty=");
        assert_eq!(form_body(&[("nl", "a\r\nb")]), "nl=a%0D%0Ab");
    }

    /// PHP's `urldecode`, as `parse_str` (and so `$_POST`) applies it to
    /// each name and value: `+` is a space, `%XX` a byte (a malformed
    /// escape stays as it is), the bytes are UTF-8.
    fn php_urldecode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (bytes[i], hex) {
                (b'+', _) => out.push(b' '),
                (b'%', Some(byte)) => {
                    out.push(byte);
                    i += 2;
                }
                (byte, _) => out.push(byte),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }

    /// `parse_str`'s split: pairs on `&`, name and value on the first `=`.
    fn php_parse_str(body: &str) -> Vec<(String, String)> {
        body.split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (php_urldecode(name), php_urldecode(value))
            })
            .collect()
    }

    #[test]
    fn php_reads_back_what_was_sent() {
        let awkward = [
            "a b+c",
            "100% & more = fun",
            "ñandú €5 父母 🙂",
            "line\r\nbreak\ttab",
            "%41 is not A",
            "a[b]=c&d",
            "+52 55 1234 5678",
            "*-._~!'()",
            "",
        ];
        for value in awkward {
            let body = form_body(&[("contacts[0][name]", value), ("utr", value)]);
            assert!(
                body.bytes().all(|b| b.is_ascii_graphic()),
                "{body:?} is plain ASCII"
            );
            assert_eq!(
                php_parse_str(&body),
                [
                    ("contacts[0][name]".to_owned(), value.to_owned()),
                    ("utr".to_owned(), value.to_owned())
                ],
                "{value:?}"
            );
        }
    }

    #[test]
    fn encodes_contacts() {
        let contacts = [
            Contact {
                name: "zhangsan".into(),
                phone: "123455745".into(),
                relate: Some("父母".into()),
            },
            Contact {
                name: "Ana María".into(),
                phone: "+52 55 1234".into(),
                relate: None,
            },
        ];
        assert_eq!(
            contacts_body(&contacts),
            "contacts%5B0%5D%5Bname%5D=zhangsan&contacts%5B0%5D%5Bphone%5D=123455745\
             &contacts%5B0%5D%5Brelate%5D=%E7%88%B6%E6%AF%8D\
             &contacts%5B1%5D%5Bname%5D=Ana+Mar%C3%ADa&contacts%5B1%5D%5Bphone%5D=%2B52+55+1234"
        );
        assert_eq!(contacts_body(&[]), "");
    }
}
