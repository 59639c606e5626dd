//! The fake payment gateway: the page and POST endpoint behind #16's link,
//! and the payment references it issues (for #17 and for itself).

use crate::obj;
use crate::params::Params;
use crate::state::{AppState, Loan, Reference, Shared, World};
use crate::time;
use crate::wire::{money_string, OrderedJson};
use axum::extract::{Path, State};
use axum::response::Html;

/// Default reference lifetimes.
pub const STP_TTL: i64 = 86_400;
pub const PAYCASH_TTL: i64 = 3 * 86_400;

const UNSAFE_CHECKOUT: &str = "javascript:alert(1)";
const UNSAFE_IMAGE: &str = "data:image/png;base64,AAAA";

pub fn url(app: &AppState, oid: &str) -> String {
    format!("{}/gateway/pay/{oid}", app.origin)
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
pub fn issue(
    app: &AppState,
    world: &mut World,
    username: &str,
    loan: &Loan,
    paytype: i32,
) -> Result<OrderedJson, &'static str> {
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
    // Q11: server-local time, as sent by the real gateway.
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
    // Q12: `unsafe_urls` makes the third party's URLs ones the app must refuse.
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
        data.set("money", money_string(money));
        data.set("name", "stp");
        data.set("image", format!("{}/gateway/assets/stp.svg", app.origin));
        if let Some(checkout) = &checkout {
            data.set("checkout", checkout);
        }
    } else {
        data.set("checkout", checkout.clone());
        data.set("money", money_string(money));
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

pub fn gateway_reply(data: OrderedJson) -> OrderedJson {
    obj! { "code" => 200, "msg" => "successful", "data" => data }
}

/// `GET /gateway/pay/<oid>`: the link of #16 opened in a browser.
pub async fn page(Path(oid): Path<String>) -> Html<String> {
    let oid: String = oid.chars().filter(char::is_ascii_alphanumeric).collect();
    Html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox gateway</title></head>\
         <body style=\"font-family:sans-serif\"><h1>Sandbox payment gateway</h1>\
         <p>Order {oid}. POST <code>paytype=1</code> (STP) or <code>paytype=2</code> (Paycash) here, \
         or use <code>/Repay/payTransf</code>.</p></body></html>"
    ))
}

/// `POST /gateway/pay/<oid>` (`paytype`): the gateway itself, no session.
pub async fn post(
    State(app): State<Shared>,
    Path(oid): Path<String>,
    params: Params,
) -> OrderedJson {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url() {
        assert_eq!(b64url(b"Man"), "TWFu");
        assert_eq!(b64url(b"Ma"), "TWE");
        assert_eq!(b64url(b"M"), "TQ");
    }
}
