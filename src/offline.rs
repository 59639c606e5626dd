//! The last payment reference of each order, kept on the phone (issue 16,
//! README "Offline use"): a borrower gets an OXXO/Paycash or STP reference
//! at home, then stands at the counter with no signal. There, the service
//! worker (`worker/sw.js`) answers any page of the app with the offline
//! page (`worker/offline.js`), which shows what is kept here.
//!
//! Kept in `localStorage` (it must outlive the tab), one item per order;
//! wiped on logout and when another borrower logs in. Never the session:
//! only what the reference card shows, the amount and expiry already
//! written out in both languages (so the offline page formats no money and
//! no server time), when it was saved and when it expires. An item is
//! form-encoded text, written by core's form encoder and read by the
//! browser's `URLSearchParams`: no serializer in the wasm. Storage that
//! refuses means nothing is kept, as before.
//!
//! The rest is `offline.js`'s, loaded only after a change here ([`sync`]):
//! keeping the newest few, registering the service worker with the barcode
//! pictures to keep, or removing it and its caches when nothing is kept.

use crate::api::{Done, Outcome, SessionNews, Write};
use crate::config::Formats;
use crate::format;
use crate::i18n::Locale;
use cashgo_core::form::form_body;
use cashgo_core::{OrderNo, PaymentRef};

/// Item names: `cashgo.payref.<order>` (`worker/offline.js` reads them).
const PREFIX: &str = "cashgo.payref.";
/// Who logged in when the references were kept (`draft.rs` does the same
/// for the tab's drafts).
const OWNER: &str = "cashgo.payref-owner";
/// The format of an item; the offline page ignores any other.
const FORMAT: &str = "1";

/// What the offline page needs of a reference just received for `order`:
/// `now` is the Unix time (the offline page writes it in the phone's own
/// time); `formats` are the deployment's (currency, server offset).
fn item(
    order: &OrderNo,
    payment: &PaymentRef,
    formats: Formats,
    now: i64,
) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("v", FORMAT.to_owned()),
        ("order", order.as_str().to_owned()),
        ("method", payment.method.as_str().to_owned()),
        ("name", payment.method_name.clone()),
        ("reference", payment.reference.clone()),
        ("saved", now.to_string()),
    ];
    let mut optional = |name, value: Option<String>| {
        if let Some(value) = value {
            fields.push((name, value));
        }
    };
    optional("barcode", payment.barcode.clone());
    optional(
        "image",
        payment
            .barcode_image
            .as_ref()
            .map(|u| u.as_str().to_owned()),
    );
    optional(
        "until",
        payment
            .expires
            .as_ref()
            .and_then(|e| e.at())
            .map(|at| formats.instant(at).to_string()),
    );
    for (locale, amount, expires) in [
        (Locale::es, "amount_es", "expires_es"),
        (Locale::en, "amount_en", "expires_en"),
    ] {
        optional(amount, Some(format::money(payment.amount, formats, locale)));
        optional(
            expires,
            payment.expires.as_ref().map(|e| format::expiry(e, locale)),
        );
    }
    fields
}

// ---------------------------------------------------------------- storage

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The names of the kept items.
fn item_names(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|name| name.starts_with(PREFIX))
        .collect()
}

/// Keeps `payment` as the last reference of `order`, and the service
/// worker that shows it offline.
fn save(order: &OrderNo, payment: &PaymentRef) {
    let Some(storage) = storage() else { return };
    let fields = item(
        order,
        payment,
        crate::api::formats(),
        crate::clock::now_unix(),
    );
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = form_body(&pairs);
    if storage
        .set_item(&format!("{PREFIX}{}", order.as_str()), &text)
        .is_ok()
    {
        sync();
    }
}

/// Runs `offline.js` in its "sync" role: the service worker follows what
/// is kept (registered with the pictures to keep, or removed). A script
/// element, so that none of it is in the wasm or in the first load.
fn sync() {
    crate::platform::load_script("offline.js", &[("data-sync", "")]);
}

/// Forgets every kept reference, its pictures and the service worker.
fn wipe() {
    let Some(storage) = storage() else { return };
    let names = item_names(&storage);
    for name in &names {
        let _ = storage.remove_item(name);
    }
    let _ = storage.remove_item(OWNER);
    if !names.is_empty() {
        sync();
    }
}

/// Notes who logged in: references kept for anyone else (or for a
/// borrower the page never saw log in) are forgotten first.
fn signed_in(username: &str) {
    let Some(storage) = storage() else { return };
    if storage.get_item(OWNER).ok().flatten().as_deref() != Some(username) {
        wipe();
        let _ = storage.set_item(OWNER, username);
    }
}

/// The session's listener: everything goes with a logout (whatever the
/// server said, as drafts) and with another borrower's login.
pub fn follow(news: &SessionNews) {
    match news {
        SessionNews::LoggedOut => wipe(),
        SessionNews::SignedIn(username) => signed_in(username),
        SessionNews::Open | SessionNews::Closed => {}
    }
}

/// The API's outcome hook (the shell's): keeps a new reference.
pub fn heard(outcome: Outcome<'_>) {
    if let Outcome::Wrote(Write::Payment(order, _), Done::Payment(payment)) = outcome {
        save(order, payment);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cashgo_core::{Currency, Expiry, Money, PayType, SafeUrl};

    fn payment() -> PaymentRef {
        PaymentRef {
            method: PayType::Paycash,
            method_name: "Paycash".into(),
            method_logo: SafeUrl::image("https://gw.example/logo.png"),
            amount: Money::from_minor(156_520),
            reference: "1234567890".into(),
            barcode: Some("9876".into()),
            barcode_image: SafeUrl::image("https://gw.example/b.png"),
            expires: Some(Expiry::parse("2026-12-02 03:34:29")),
            checkout: SafeUrl::link("https://gw.example/pay"),
            refused_urls: false,
        }
    }

    fn formats(currency: Currency, offset: i32) -> Formats {
        Formats {
            currency,
            server_utc_offset_minutes: offset,
        }
    }

    fn get<'a>(fields: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn an_item_holds_what_the_counter_needs_in_both_languages() {
        let order = OrderNo::new("2023051914035297833260").expect("valid");
        let fields = item(
            &order,
            &payment(),
            formats(Currency::MXN, 480),
            1_796_000_000,
        );
        // 03:34:29 at UTC+8 is 19:34:29 UTC the day before.
        let deadline = cashgo_core::ServerDateTime::parse("2026-12-01 19:34:29")
            .expect("valid")
            .to_unix(0);
        for (name, value) in [
            ("v", "1"),
            ("order", "2023051914035297833260"),
            ("method", "paycash"),
            ("name", "Paycash"),
            ("reference", "1234567890"),
            ("barcode", "9876"),
            ("image", "https://gw.example/b.png"),
            ("saved", "1796000000"),
            ("amount_es", "$1,565.20"),
            ("amount_en", "$1,565.20"),
            ("expires_es", "2 de diciembre de 2026, 03:34"),
            ("expires_en", "December 2, 2026, 03:34"),
        ] {
            assert_eq!(get(&fields, name), Some(value), "{name}");
        }
        assert_eq!(get(&fields, "until"), Some(deadline.to_string().as_str()));
        for never in ["checkout", "logo", "session", "password", "cookie"] {
            assert_eq!(get(&fields, never), None, "{never}");
        }
    }

    #[test]
    fn an_unreadable_expiry_is_shown_as_sent_and_never_passes() {
        let order = OrderNo::new("1").expect("valid");
        let mut p = payment();
        p.expires = Some(Expiry::parse("pronto"));
        p.barcode = None;
        p.barcode_image = None;
        let usd = Currency::parse("USD").expect("valid");
        let fields = item(&order, &p, formats(usd, 0), 5);
        assert_eq!(get(&fields, "until"), None);
        assert_eq!(get(&fields, "expires_es"), Some("pronto"));
        assert_eq!(get(&fields, "expires_en"), Some("pronto"));
        for absent in ["barcode", "image"] {
            assert_eq!(get(&fields, absent), None, "{absent}");
        }
        // Form-encoded as `offline.js` reads it back with URLSearchParams.
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert!(form_body(&pairs).starts_with("v=1&order=1&method=paycash&name=Paycash"));
    }
}
