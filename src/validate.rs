//! Checks on what a borrower types, before anything is sent.

/// A typed phone number: its digits, and whether it began with `+`.
/// Spaces (any), dashes, dots and parentheses are dropped, as typed or as an
/// address book stores them; anything else means it isn't a number.
fn phone_digits(input: &str) -> Option<(bool, String)> {
    let trimmed = input.trim();
    let (plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | '(' | ')' | '.' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    Some((plus, digits))
}

/// The phone number as the API wants it (digits only, a leading `+` kept),
/// or `None` when it is not 8–15 digits.
pub fn phone(input: &str) -> Option<String> {
    let (plus, digits) = phone_digits(input)?;
    let plus = if plus { "+" } else { "" };
    (8..=15)
        .contains(&digits.len())
        .then(|| format!("{plus}{digits}"))
}

/// A Mexican phone number as its 10 national digits (`"5512345678"`), or
/// `None` when it isn't one: [`phone_digits`], then the country prefix
/// `+52` / `52` and, after it, the `1` that mobiles needed until 2019 are
/// dropped when 10 digits remain. A `+` with another country's code is not
/// a Mexican number.
pub fn mx_phone(input: &str) -> Option<String> {
    let (plus, digits) = phone_digits(input)?;
    let national = match (plus, digits.len()) {
        (false, 10) => digits.as_str(),
        (_, 12) => digits.strip_prefix("52")?,
        (_, 13) => digits.strip_prefix("521")?,
        _ => return None,
    };
    Some(national.to_owned())
}

/// A plausible e-mail address: one `@`, a dotted domain, no spaces.
pub fn email(input: &str) -> bool {
    let s = input.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && s.len() <= 254
}

/// A contact for feedback: a phone number or an e-mail.
pub fn contact(input: &str) -> Option<String> {
    if email(input) {
        Some(input.trim().to_owned())
    } else {
        phone(input)
    }
}

/// Non-blank text, trimmed.
pub fn required(input: &str) -> Option<String> {
    let t = input.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Why a payment's reference can't be one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadReference {
    /// More than 30 letters and digits.
    TooLong,
    /// Something else than letters, digits, spaces and dashes.
    NotAlphanumeric,
}

/// A payment's reference as the borrower copies it: a SPEI *clave de
/// rastreo* (letters and digits, up to 30) or a cash payment's folio.
/// Spaces and dashes that banking apps print in groups are dropped; case is
/// kept (claves are compared as sent). `Ok(None)` when blank (the field is
/// optional).
pub fn payment_reference(input: &str) -> Result<Option<String>, BadReference> {
    let kept: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !kept.chars().all(|c| c.is_ascii_alphanumeric()) {
        Err(BadReference::NotAlphanumeric)
    } else if kept.len() > 30 {
        Err(BadReference::TooLong)
    } else {
        Ok((!kept.is_empty()).then_some(kept))
    }
}

#[cfg(test)]
mod payment_reference_tests {
    use super::{payment_reference, BadReference};

    #[test]
    fn real_claves_and_folios_pass_as_sent() {
        for clave in [
            "MBAN01002605200012345678",
            "085904578020307362",
            "BNET01002306050000123456",
            "2026052040014BMOV0000123456789",
            "7",
        ] {
            assert_eq!(payment_reference(clave), Ok(Some(clave.to_owned())));
        }
        assert_eq!(
            payment_reference(" MBAN 0100 2605-2000 "),
            Ok(Some("MBAN010026052000".to_owned()))
        );
        assert_eq!(payment_reference("abc123"), Ok(Some("abc123".to_owned())));
    }

    #[test]
    fn blank_is_none_and_other_shapes_are_refused() {
        assert_eq!(payment_reference(""), Ok(None));
        assert_eq!(payment_reference("  - "), Ok(None));
        assert_eq!(
            payment_reference("1234567890123456789012345678901"),
            Err(BadReference::TooLong)
        );
        for bad in ["MBAN/0100", "ÑANDÚ1", "<img src=x>"] {
            assert_eq!(
                payment_reference(bad),
                Err(BadReference::NotAlphanumeric),
                "{bad}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(phone("5512345001").as_deref(), Some("5512345001"));
        assert_eq!(phone(" 55 1234-5001 ").as_deref(), Some("5512345001"));
        assert_eq!(phone("+52 55 1234 5001").as_deref(), Some("+525512345001"));
        assert_eq!(phone("(55) 1234.5001").as_deref(), Some("5512345001"));
        assert_eq!(
            phone("55\u{a0}1234\u{a0}5001").as_deref(),
            Some("5512345001")
        );
        assert_eq!(phone("1234567"), None);
        assert_eq!(phone("1234567890123456"), None);
        assert_eq!(phone("55123450a1"), None);
        assert_eq!(phone(""), None);
    }

    #[test]
    fn mexican_phones() {
        for (typed, national) in [
            ("55 1234 5678", "5512345678"),
            ("+52 1 55 1234 5678", "5512345678"),
            ("(55) 1234-5678", "5512345678"),
            ("5215512345678", "5512345678"),
            ("525512345678", "5512345678"),
            ("+52 55 1234 5678", "5512345678"),
            ("+52 (55) 1234.5678", "5512345678"),
            (" 55.1234.5678 ", "5512345678"),
            ("55\u{a0}1234\u{a0}5678", "5512345678"),
            // Ten digits that happen to begin like a prefix are a number.
            ("5212345678", "5212345678"),
        ] {
            assert_eq!(mx_phone(typed).as_deref(), Some(national), "{typed}");
        }
        for typed in [
            "12345",
            "",
            "+",
            "55 1234 567",
            "55 1234 56789",
            // A `+` needs Mexico's code; 10 digits after another one aren't ours.
            "+5512345678",
            "+1 555 123 4567",
            "+44 20 7946 0958",
            // 13 digits need `521`, 12 need `52`.
            "5225512345678",
            "5315512345678",
            "535512345678",
            "55 1234 5678 ext 2",
            "55-1234-56a8",
        ] {
            assert_eq!(mx_phone(typed), None, "{typed}");
        }
    }

    #[test]
    fn emails_and_contacts() {
        assert!(email("ana@example.mx"));
        assert!(!email("ana@example"));
        assert!(!email("ana example@x.mx"));
        assert!(!email("@x.mx"));
        assert_eq!(contact("ana@example.mx").as_deref(), Some("ana@example.mx"));
        assert_eq!(contact("55 1234 5001").as_deref(), Some("5512345001"));
        assert_eq!(contact("hola"), None);
    }

    #[test]
    fn required_text() {
        assert_eq!(required("  hola "), Some("hola".to_owned()));
        assert_eq!(required(" \n "), None);
    }
}
