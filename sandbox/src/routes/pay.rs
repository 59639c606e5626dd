//! Payments: #16 payment link and #17 payment reference (both envelopes of
//! the gateway's reply). The fake gateway itself is in [`super::gateway`].

use super::gateway::{self, gateway_reply, issue};
use super::{Answer, Session};
use crate::obj;
use crate::params::Params;
use crate::state::Shared;
use crate::wire::{err, err_without_data, order_not_found};
use axum::extract::State;

/// #16 `POST /Repay/payData` (`oid` = order number).
pub async fn pay_data(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let world = session.lock()?;
    let Some(oid) = params.nonblank("oid") else {
        return Ok(err_without_data(400, "Missing order number"));
    };
    if world.account().loan_by_oid(oid).is_none() {
        return Ok(order_not_found());
    }
    Ok(obj! { "status" => 200, "data" => gateway::url(&app, oid) })
}

/// #17 `POST /Repay/payTransf` (`paytype` 1 = STP, 2 = Paycash; `url` from
/// #16). STP answers the gateway's bare reply, Paycash wraps it in
/// envelope 1: both forms of envelope 4.
pub async fn pay_transf(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let mut world = session.lock()?;
    let paytype = match params.get("paytype") {
        Some("1") => 1,
        Some("2") => 2,
        _ => return Ok(err(400, "Please choose a payment method")),
    };
    let Some(url) = params.nonblank("url") else {
        return Ok(err(400, "Missing payment link"));
    };
    let account = world.account();
    let Some(loan) = oid_from_gateway_url(url).and_then(|oid| account.loan_by_oid(oid)) else {
        return Ok(err(400, "Invalid payment link"));
    };
    let (loan, username) = (loan.clone(), account.username.clone());
    Ok(match issue(&app, &mut world, &username, &loan, paytype) {
        Ok(data) if paytype == 1 => gateway_reply(data),
        Ok(data) => obj! {
            "status" => 200,
            "data" => gateway_reply(data),
            "message" => "successful",
        },
        Err(message) => err(400, message),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
