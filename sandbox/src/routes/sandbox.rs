//! `/__sandbox/*`: test and inspection endpoints (not part of the real API).

use crate::fault::{self, Fault, FaultKind};
use crate::params::Params;
use crate::state::{Account, Shared, Target};
use crate::time;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use serde_json::{json, Value};

fn account_json(a: &Account, offset: i32) -> Value {
    let l = &a.loan;
    json!({
        "username": a.username,
        "password": a.password,
        "state": a.state,
        "order_number": l.oid,
        "bill_id": l.bill_id.to_string(),
        "loan_id": l.toid.to_string(),
        "status": l.status,
        "confirm": l.confirm,
        "money": l.money,
        "interest": l.interest,
        "repay_interest": l.repay_interest,
        "overdue": l.overdue,
        "repaid": l.repaid,
        "delay_unpaid": l.delay_unpaid,
        "need_repay": l.need_repay(),
        "delay_num": l.delay_num,
        "due_day": time::dmy(l.due_day),
        "due_timestamp": time::midnight(l.due_day, offset),
        "next_due_day": time::dmy(l.due_day + crate::state::DELAY_DAYS),
        "delay_fee": l.delay_fee(),
        "next_loan": a.next_loan,
        "next_loan_period": a.next_loan_period,
        "approval_rate": a.approval_rate,
        "history": a.history.iter().map(|h| json!({
            "order_number": h.oid,
            "bill_id": h.bill_id.to_string(),
            "money": h.money,
            "status": h.status,
            "due_day": time::dmy(h.due_day),
        })).collect::<Vec<_>>(),
    })
}

fn knobs_json(app: &Shared) -> Value {
    let world = app.world();
    json!({
        "reference_ttl_seconds": world.knobs.reference_ttl_seconds,
        "unsafe_urls": world.knobs.unsafe_urls,
        "delay_ms": world.knobs.delay_ms,
        "hostile": world.knobs.hostile,
        "target": world.knobs.target.as_str(),
    })
}

/// `POST /__sandbox/reset`: reseed; drops sessions, uploads, records and
/// settings. The clock is unchanged.
pub async fn reset(State(app): State<Shared>) -> Json<Value> {
    app.reset();
    Json(json!({ "status": 200, "message": "reset", "now": app.now() }))
}

/// `GET /__sandbox/state`: everything the sandbox holds.
pub async fn state(State(app): State<Shared>) -> Json<Value> {
    let now = app.now();
    let offset = app.offset();
    let knobs = knobs_json(&app);
    let world = app.world();
    Json(json!({
        "now": now,
        "today": time::dmy(time::local_day(now, offset)),
        "utcOffsetMinutes": offset,
        "origin": app.origin,
        "base": app.settings.base,
        "settings": knobs,
        "sessions": world.sessions.len(),
        "accounts": world.accounts.iter().map(|a| account_json(a, offset)).collect::<Vec<_>>(),
        "proofs": world.proofs,
        "feedback": world.feedback,
        "contacts": world.contacts,
        "uploads": world.uploads.iter().map(|u| json!({
            "n": u.n,
            "path": format!("/Public/Upload/{}", u.rel),
            "info": u.rel,
            "content_type": u.content_type,
            "file_name": u.file_name,
            "size": u.bytes.len(),
            "username": u.username,
        })).collect::<Vec<_>>(),
        "faults": world.faults.iter().map(Fault::json).collect::<Vec<_>>(),
        "faults_fired": world.faults_fired.iter().map(fault::Fired::json).collect::<Vec<_>>(),
        "references": world.references.iter().map(|r| json!({
            "n": r.n,
            "username": r.username,
            "oid": r.oid,
            "paytype": r.paytype,
            "reference": r.reference,
            "barcode": r.barcode,
            "money": r.money,
            "expire": r.expire,
            "expire_ts": r.expire_ts,
            "checkout": r.checkout,
        })).collect::<Vec<_>>(),
    }))
}

fn bad(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ "status": 400, "message": message })),
    )
        .into_response()
}

/// `POST /__sandbox/clock` (`now=<unix secs>`; empty = real time again).
pub async fn clock(State(app): State<Shared>, params: Params) -> Response {
    match params.get("now") {
        None => bad("now is required"),
        Some("") => {
            app.set_clock(None);
            Json(json!({ "status": 200, "now": app.now(), "fixed": false })).into_response()
        }
        Some(v) => match v
            .parse::<i64>()
            .map_err(|_| "now must be Unix seconds".to_string())
            .and_then(time::check_now)
        {
            Ok(now) => {
                app.set_clock(Some(now));
                Json(json!({ "status": 200, "now": now, "fixed": true })).into_response()
            }
            Err(message) => bad(&message),
        },
    }
}

/// `GET|POST /__sandbox/settings` (`reference_ttl_seconds`, `unsafe_urls`,
/// `delay_ms`, `hostile`, `target`, all optional; an empty
/// `reference_ttl_seconds` restores the defaults, an empty `target` is `web`).
pub async fn settings(
    State(app): State<Shared>,
    RawQuery(query): RawQuery,
    form: Params,
) -> Response {
    let params = query_and_form(query, form);
    let ttl = match params.get("reference_ttl_seconds") {
        None => None,
        Some("") => Some(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n.checked_abs().is_some_and(|a| a <= time::MAX_TTL_SECONDS) => Some(Some(n)),
            _ => {
                return bad(&format!(
                    "reference_ttl_seconds must be an integer between -{0} and {0} (100 years)",
                    time::MAX_TTL_SECONDS
                ))
            }
        },
    };
    let unsafe_urls = match params.get("unsafe_urls") {
        None => None,
        Some("1" | "true") => Some(true),
        Some("0" | "false" | "") => Some(false),
        Some(_) => return bad("unsafe_urls must be 1 or 0"),
    };
    let hostile = match params.get("hostile") {
        None => None,
        Some("1" | "true") => Some(true),
        Some("0" | "false" | "") => Some(false),
        Some(_) => return bad("hostile must be 1 or 0"),
    };
    let target = match params.get("target") {
        None => None,
        Some("") => Some(Target::Web),
        Some(v) => match Target::parse(v) {
            Some(t) => Some(t),
            None => return bad("target must be web or app"),
        },
    };
    let delay = match params.get("delay_ms") {
        None => None,
        Some(v) => match v.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => return bad("delay_ms must be a non-negative integer"),
        },
    };
    {
        let mut world = app.world();
        if let Some(ttl) = ttl {
            world.knobs.reference_ttl_seconds = ttl;
        }
        if let Some(u) = unsafe_urls {
            world.knobs.unsafe_urls = u;
        }
        if let Some(d) = delay {
            world.knobs.delay_ms = d;
        }
        if let Some(h) = hostile {
            world.knobs.hostile = h;
        }
        if let Some(t) = target {
            world.knobs.target = t;
        }
    }
    Json(json!({ "status": 200, "settings": knobs_json(&app) })).into_response()
}

/// A test endpoint's parameters: the query string's, then the form body's
/// (the body wins), so `POST /__sandbox/x?a=1` works as well as a form.
fn query_and_form(query: Option<String>, form: Params) -> Params {
    let mut params = Params::from_urlencoded(query.unwrap_or_default().as_bytes());
    // A GET's `Params` are its query already.
    if form.fields != params.fields {
        params.fields.extend(form.fields);
    }
    params
}

fn faults_reply(app: &Shared) -> Response {
    let faults: Vec<Value> = app.world().faults.iter().map(Fault::json).collect();
    Json(json!({ "status": 200, "faults": faults })).into_response()
}

/// `GET|POST /__sandbox/fault`: arm a fault (`path`, `kind`, `times`
/// default 1, `ms` for `slow` default 40000) or disarm all (`clear=1`).
/// Re-arming a path replaces its fault. Replies with the armed faults.
/// See [`crate::fault`] for the kinds.
pub async fn fault(State(app): State<Shared>, RawQuery(query): RawQuery, form: Params) -> Response {
    let params = query_and_form(query, form);
    let clear = match params.get("clear") {
        None | Some("" | "0" | "false") => false,
        Some("1" | "true") => true,
        Some(_) => return bad("clear must be 1 or 0"),
    };
    let path = params.nonblank("path");
    if clear && path.is_none() {
        app.world().faults.clear();
        return faults_reply(&app);
    }
    let Some(path) = path else {
        return bad("path is required (an API path such as /Repay/loanDetail), or clear=1");
    };
    if !fault::armable(path) {
        return bad("path must start with / and not be a /__sandbox/ path");
    }
    if path.contains('?') || path.contains('#') {
        return bad("path is matched without its query: leave out ?…");
    }
    let Some(kind_name) = params.nonblank("kind") else {
        return bad("kind is required: http500, http502, login-page, expired, http401, truncated, drop, drop-before or slow");
    };
    let Some(kind) = FaultKind::parse(kind_name) else {
        return bad("unknown kind: use http500, http502, login-page, expired, http401, truncated, drop, drop-before or slow");
    };
    let times = match params.nonblank("times") {
        None => 1,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ => return bad("times must be a positive integer"),
        },
    };
    let ms = match params.nonblank("ms") {
        None => fault::DEFAULT_SLOW_MS,
        Some(v) => match v.parse::<u64>() {
            Ok(n) => n,
            Err(_) => return bad("ms must be a non-negative integer (milliseconds)"),
        },
    };
    {
        let mut world = app.world();
        if clear {
            world.faults.clear();
        }
        let armed = Fault {
            path: path.to_string(),
            kind,
            times,
            ms,
        };
        match world.faults.iter_mut().find(|f| f.path == armed.path) {
            Some(slot) => *slot = armed,
            None => world.faults.push(armed),
        }
    }
    faults_reply(&app)
}
