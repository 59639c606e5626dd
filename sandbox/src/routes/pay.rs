//! Payments: #16 payment link, #17 payment reference (two envelopes), and
//! the fake gateway's own pages and images.

use super::current_user;
use crate::obj;
use crate::params::Params;
use crate::state::{AppState, Loan, Reference, Shared, World};
use crate::time;
use crate::wire::{err, err_bare, money_s, need_login, order_not_found, J};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// Default reference lifetimes.
pub const STP_TTL: i64 = 86_400;
pub const PAYCASH_TTL: i64 = 3 * 86_400;

const UNSAFE_CHECKOUT: &str = "javascript:alert(1)";
const UNSAFE_IMAGE: &str = "data:image/png;base64,AAAA";

fn gateway_url(app: &AppState, oid: &str) -> String {
    format!("{}/gateway/pay/{oid}", app.origin)
}

/// #16 `POST /Repay/payData` (`oid` = order number).
pub async fn pay_data(State(app): State<Shared>, headers: HeaderMap, params: Params) -> J {
    let world = app.world();
    let Some(user) = current_user(&world, &headers) else {
        return need_login();
    };
    let Some(oid) = params.nonblank("oid") else {
        return err_bare(400, "Missing order number");
    };
    if world.accounts[user].loan_by_oid(oid).is_none() {
        return order_not_found();
    }
    obj! { "status" => 200, "data" => gateway_url(&app, oid) }
}

/// The order number in a gateway URL from #16 (any host, as behind proxies).
fn oid_from_gateway_url(url: &str) -> Option<&str> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return None;
    }
    let (_, rest) = url.split_once("/gateway/pay/")?;
    let oid = rest.split(['?', '#', '/']).next()?;
    (!oid.is_empty()).then_some(oid)
}

fn b64url(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Issue a new payment reference; returns the gateway's `data` object.
fn issue(
    app: &AppState,
    world: &mut World,
    username: &str,
    loan: &Loan,
    paytype: i32,
) -> Result<J, &'static str> {
    let money = loan.amount_to_pay();
    if money <= 0 {
        return Err("There is nothing to pay for this order");
    }
    let now = app.now();
    let n = world.references.len() as u64 + 1;
    let stp = paytype == 1;
    let ttl = world
        .knobs
        .reference_ttl_seconds
        .unwrap_or(if stp { STP_TTL } else { PAYCASH_TTL });
    // Both are bounded (`time::MAX_NOW`, `time::MAX_TTL_SECONDS`).
    let expire_ts = now.saturating_add(ttl);
    let expire = time::datetime(expire_ts, app.offset());
    let (reference, barcode) = if stp {
        (
            format!(
                "4724454246{}{:012}",
                time::ymd_compact(time::local_day(now, app.offset())),
                100_005_000 + n
            ),
            format!("PB18250666{:011}", 49_678_647_000 + n),
        )
    } else {
        (
            format!("7061803{:011}", 1_567_011_000 + n),
            format!("GV18250689{:011}", 37_331_875_000 + n),
        )
    };
    let unsafe_urls = world.knobs.unsafe_urls;
    let barcode_url = if unsafe_urls {
        UNSAFE_IMAGE.to_string()
    } else {
        format!("{}/gateway/barcode/{barcode}.svg", app.origin)
    };
    let checkout = if unsafe_urls {
        Some(UNSAFE_CHECKOUT.to_string())
    } else if stp {
        None
    } else {
        let token = format!(
            "{}&{barcode}&{reference}",
            time::compact_datetime(now, app.offset())
        );
        Some(format!(
            "https://checkout.example.test/?checkout={}",
            b64url(token.as_bytes())
        ))
    };
    let mut data = obj! {
        "reference" => &reference,
        "barcode" => &barcode,
        "expire" => &expire,
    };
    if stp {
        data.set("path", &barcode_url);
        data.set("origin_img", &barcode_url);
        data.set("money", money_s(money));
        data.set("name", "stp");
        data.set("image", format!("{}/gateway/assets/stp.svg", app.origin));
        if let Some(checkout) = &checkout {
            data.set("checkout", checkout);
        }
    } else {
        data.set("checkout", checkout.clone());
        data.set("money", money_s(money));
        data.set("path", &barcode_url);
        data.set("name", "Paycash");
        data.set(
            "image",
            format!("{}/gateway/assets/paycash.svg", app.origin),
        );
    }
    world.references.push(Reference {
        n,
        username: username.to_string(),
        oid: loan.oid.clone(),
        paytype,
        reference,
        barcode,
        money,
        expire,
        expire_ts,
        checkout,
    });
    Ok(data)
}

fn gateway_reply(data: J) -> J {
    obj! { "code" => 200, "msg" => "successful", "data" => data }
}

/// #17 `POST /Repay/payTransf` (`paytype` 1 = STP, 2 = Paycash; `url` from
/// #16). STP answers the gateway's bare reply, Paycash wraps it (Q4 of
/// payments: envelope 4 both ways).
pub async fn pay_transf(State(app): State<Shared>, headers: HeaderMap, params: Params) -> J {
    let mut world = app.world();
    let Some(user) = current_user(&world, &headers) else {
        return need_login();
    };
    let paytype = match params.get("paytype") {
        Some("1") => 1,
        Some("2") => 2,
        _ => return err(400, "Please choose a payment method"),
    };
    let Some(url) = params.nonblank("url") else {
        return err(400, "Missing payment link");
    };
    let account = &world.accounts[user];
    let Some(loan) = oid_from_gateway_url(url).and_then(|oid| account.loan_by_oid(oid)) else {
        return err(400, "Invalid payment link");
    };
    let (loan, username) = (loan.clone(), account.username.clone());
    match issue(&app, &mut world, &username, &loan, paytype) {
        Ok(data) if paytype == 1 => gateway_reply(data),
        Ok(data) => obj! {
            "status" => 200,
            "data" => gateway_reply(data),
            "message" => "successful",
        },
        Err(message) => err(400, message),
    }
}

/// `GET /gateway/pay/<oid>`: the link of #16 opened in a browser.
pub async fn gateway_page(Path(oid): Path<String>) -> Html<String> {
    let oid: String = oid.chars().filter(char::is_ascii_alphanumeric).collect();
    Html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox gateway</title></head>\
         <body style=\"font-family:sans-serif\"><h1>Sandbox payment gateway</h1>\
         <p>Order {oid}. POST <code>paytype=1</code> (STP) or <code>paytype=2</code> (Paycash) here, \
         or use <code>/Repay/payTransf</code>.</p></body></html>"
    ))
}

/// `POST /gateway/pay/<oid>` (`paytype`): the gateway itself, no session.
pub async fn gateway_post(State(app): State<Shared>, Path(oid): Path<String>, params: Params) -> J {
    let paytype = match params.get("paytype") {
        Some("1") => 1,
        Some("2") => 2,
        _ => return obj! { "code" => 400, "msg" => "paytype error" },
    };
    let mut world = app.world();
    let found = world
        .accounts
        .iter()
        .find_map(|a| a.loan_by_oid(&oid).map(|l| (l.clone(), a.username.clone())));
    let Some((loan, username)) = found else {
        return obj! { "code" => 404, "msg" => "order not found" };
    };
    match issue(&app, &mut world, &username, &loan, paytype) {
        Ok(data) => gateway_reply(data),
        Err(message) => obj! { "code" => 400, "msg" => message },
    }
}

fn svg(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

const STP_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64" width="160" height="64"><rect width="160" height="64" rx="10" fill="#0b3d91"/><text x="80" y="42" font-family="Arial,Helvetica,sans-serif" font-size="30" font-weight="bold" fill="#fff" text-anchor="middle">STP</text></svg>"##;
const PAYCASH_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64" width="160" height="64"><rect width="160" height="64" rx="10" fill="#f5a623"/><text x="80" y="41" font-family="Arial,Helvetica,sans-serif" font-size="24" font-weight="bold" fill="#1a1a1a" text-anchor="middle">Paycash</text></svg>"##;

/// `GET /gateway/assets/{stp,paycash}.svg`: the payment methods' logos.
pub async fn asset(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "stp.svg" => svg(STP_LOGO.to_string()),
        "paycash.svg" => svg(PAYCASH_LOGO.to_string()),
        _ => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

/// Bar/space widths (in modules) of one symbol: 3 bars and 3 spaces of 1–4
/// modules adding up to 11, as in Code 128. Deterministic per value.
fn symbol(value: u64) -> [u64; 6] {
    let mut h = value.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    loop {
        let mut w = [0u64; 6];
        for slot in w.iter_mut().take(5) {
            *slot = 1 + (h & 3);
            h = h.rotate_right(2) ^ (h >> 7);
        }
        let used: u64 = w[..5].iter().sum();
        if (1..=4).contains(&(11u64.saturating_sub(used))) && used < 11 {
            w[5] = 11 - used;
            return w;
        }
        h = h.wrapping_mul(0x2545_F491_4F6C_DD1D).wrapping_add(1);
    }
}

/// A Code-128-looking SVG of a barcode value (not scannable, just stripes).
pub fn barcode_svg(code: &str) -> String {
    let mut widths: Vec<u64> = vec![2, 1, 1, 2, 1, 4]; // start symbol
    let mut checksum = 104u64;
    for (i, b) in code.bytes().enumerate() {
        widths.extend(symbol(u64::from(b)));
        checksum += (i as u64 + 1) * u64::from(b);
    }
    widths.extend(symbol(checksum % 103));
    widths.extend([2, 3, 3, 1, 1, 1, 2]); // stop symbol
    let quiet = 10u64;
    let modules: u64 = widths.iter().sum::<u64>() + 2 * quiet;
    let (w, h) = (640.0_f64, 180.0_f64);
    let unit = w / modules as f64;
    let mut x = quiet;
    let mut rects = String::new();
    for (i, width) in widths.iter().enumerate() {
        if i % 2 == 0 {
            rects.push_str(&format!(
                "<rect x=\"{:.3}\" y=\"10\" width=\"{:.3}\" height=\"130\"/>",
                x as f64 * unit,
                *width as f64 * unit
            ));
        }
        x += width;
    }
    let label: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/><g fill=\"#000\">{rects}</g>\
         <text x=\"320\" y=\"168\" font-family=\"monospace\" font-size=\"22\" text-anchor=\"middle\">{label}</text></svg>"
    )
}

/// `GET /gateway/barcode/<barcode>.svg`.
pub async fn barcode(Path(file): Path<String>) -> Response {
    match file.strip_suffix(".svg") {
        Some(code) if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) => {
            svg(barcode_svg(code))
        }
        _ => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url() {
        assert_eq!(b64url(b"Man"), "TWFu");
        assert_eq!(b64url(b"Ma"), "TWE");
        assert_eq!(b64url(b"M"), "TQ");
    }

    #[test]
    fn symbols_are_11_modules() {
        for v in 0..200 {
            let s = symbol(v);
            assert_eq!(s.iter().sum::<u64>(), 11);
            assert!(s.iter().all(|w| (1..=4).contains(w)));
        }
    }

    #[test]
    fn gateway_urls() {
        assert_eq!(
            oid_from_gateway_url("http://127.0.0.1:1/gateway/pay/123?x"),
            Some("123")
        );
        assert_eq!(oid_from_gateway_url("ftp://x/gateway/pay/1"), None);
        assert_eq!(oid_from_gateway_url("http://x/gateway/pay/"), None);
    }
}
