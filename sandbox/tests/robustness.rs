//! Extreme clocks, time zones and reference lifetimes are refused or
//! clamped, never overflowed; big contact lists are read in one pass.

mod common;

use cashgo_sandbox::time::{MAX_NOW, MAX_TTL_SECONDS, MIN_NOW};
use common::*;
use serde_json::json;

/// Every endpoint of a logged-in session answers (a panic in a handler
/// would close the connection without a reply and fail the client).
fn exercise(s: &Server) -> Vec<serde_json::Value> {
    let mut c = s.client();
    assert_eq!(c.post("/__sandbox/reset").status, 200);
    assert_eq!(c.get("/Repay/loans").status, 200);
    let mut out = Vec::new();
    for user in ["5512345001", "5512345002", "5512345003", "5512345004"] {
        let mut c = s.login(user);
        let loans = c.get("/Repay/loans").json();
        assert_eq!(loans["status"], 200);
        let oid = loans["data"]["bill"]["oid"].as_str().unwrap().to_string();
        let bill = loans["data"]["billId"].as_str().unwrap().to_string();
        assert_eq!(c.post("/Repay/orders").json()["status"], 200);
        for path in ["/Repay/loanDetail", "/Repay/loanDelay"] {
            assert_eq!(c.post_form(path, &[("oid", &oid)]).json()["status"], 200);
        }
        let url = c.post_form("/Repay/payData", &[("oid", &oid)]).json()["data"].clone();
        let url = url.as_str().unwrap();
        for paytype in ["1", "2"] {
            let r = c.post_form("/Repay/payTransf", &[("paytype", paytype), ("url", url)]);
            assert_eq!(r.status, 200, "{}", r.text());
            out.push(r.json());
        }
        c.post_form("/Repay/ajaxDelay", &[("oid", &bill)]);
        assert_eq!(c.get("/Loan/reLoan").status, 200);
        assert_eq!(c.get("/Repay/loans").json()["status"], 200);
        c.post_multipart(
            "/Info/ajaxUpload",
            &[
                field("fileName", "file"),
                file("file", "a.png", "image/png", PNG),
            ],
        );
    }
    assert_eq!(c.get("/__sandbox/state").status, 200);
    out
}

#[test]
fn clock_extremes_are_refused() {
    let s = start();
    let mut c = s.client();
    for now in [
        i64::MAX.to_string(),
        i64::MIN.to_string(),
        (MAX_NOW + 1).to_string(),
        (MIN_NOW - 1).to_string(),
        "9223372036854775808".to_string(),
        "-9223372036854775809".to_string(),
    ] {
        let r = c.post_form("/__sandbox/clock", &[("now", &now)]);
        assert_eq!(r.status, 400, "{now}");
        assert!(r.json()["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("now must") || m.contains("clock")));
    }
    assert_eq!(c.get("/__sandbox/state").json()["now"], NOW);
}

#[test]
fn clock_at_the_edges_works() {
    let s = start();
    let mut c = s.client();
    // The last second of year 9999.
    let r = c.post_form("/__sandbox/clock", &[("now", &MAX_NOW.to_string())]);
    assert_eq!(r.json(), json!({"status":200,"now":MAX_NOW,"fixed":true}));
    let replies = exercise(&s);
    // 10000-01-01 07:59:59 at UTC+8 plus one day.
    assert_eq!(replies[0]["data"]["expire"], "10000-01-02 07:59:59");
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["today"], "01-01-10000");
    // The first second of year 1.
    c.post_form("/__sandbox/clock", &[("now", &MIN_NOW.to_string())]);
    let replies = exercise(&s);
    assert_eq!(replies[0]["data"]["expire"], "0001-01-02 08:00:00");
    // Longest reference lifetimes at both ends.
    for (now, ttl) in [(MAX_NOW, MAX_TTL_SECONDS), (MIN_NOW, -MAX_TTL_SECONDS)] {
        c.post_form("/__sandbox/clock", &[("now", &now.to_string())]);
        c.post("/__sandbox/reset");
        let r = c.post_form(
            "/__sandbox/settings",
            &[("reference_ttl_seconds", &ttl.to_string())],
        );
        assert_eq!(r.json()["settings"]["reference_ttl_seconds"], ttl);
        exercise(&s);
    }
}

// Shaped like `clock_extremes_are_refused` on purpose: each bound refused by its own endpoint.
#[test]
fn huge_reference_lifetimes_are_refused() {
    let s = start();
    let mut c = s.client();
    for ttl in [
        i64::MAX.to_string(),
        i64::MIN.to_string(),
        (MAX_TTL_SECONDS + 1).to_string(),
        (-MAX_TTL_SECONDS - 1).to_string(),
        "1e9".to_string(),
    ] {
        let r = c.post_form("/__sandbox/settings", &[("reference_ttl_seconds", &ttl)]);
        assert_eq!(r.status, 400, "{ttl}");
        assert_eq!(r.json()["status"], 400);
    }
    let st = c.get("/__sandbox/settings").json();
    assert_eq!(st["settings"]["reference_ttl_seconds"], json!(null));
    // Short ones (expired references) are fine.
    let r = c.post_form("/__sandbox/settings", &[("reference_ttl_seconds", "-60")]);
    assert_eq!(r.status, 200);
}

#[test]
fn out_of_range_library_settings_are_clamped() {
    for (now, offset) in [
        (i64::MAX, i32::MAX),
        (i64::MIN, i32::MIN),
        (i64::MAX, i32::MIN),
        (i64::MIN, i32::MAX),
    ] {
        let s = start_with(cashgo_sandbox::Settings {
            now: Some(now),
            utc_offset_minutes: offset,
            ..Default::default()
        });
        let st = s.client().get("/__sandbox/state").json();
        let expected = if now > 0 { MAX_NOW } else { MIN_NOW };
        assert_eq!(st["now"], expected);
        assert_eq!(st["utcOffsetMinutes"], offset.signum() * 1440);
        exercise(&s);
    }
}

#[test]
fn cli_refuses_extreme_clocks_and_zones() {
    for args in [
        vec!["--now", "9223372036854775807"],
        vec!["--now=-9223372036854775808"],
        vec!["--now", "253402300800"],
        vec!["--utc-offset-minutes", "1441"],
        vec!["--utc-offset-minutes=-2147483648"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cashgo-sandbox"))
            .args(&args)
            .args(["--port", "0"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("between"), "{args:?}: {err}");
    }
}

#[test]
fn five_thousand_contacts() {
    let s = start();
    let mut c = s.login("5512345001");
    let n = 5_000;
    let mut body = form_urlencoded::Serializer::new(String::new());
    for i in 0..n {
        // Fields out of order and interleaved with other rows, as a form may send them.
        body.append_pair(&format!("contacts[{i}][phone]"), &format!("55{i:08}"));
        body.append_pair(&format!("contacts[{i}][name]"), &format!("Contact {i}"));
        if i % 2 == 0 {
            body.append_pair(&format!("contacts[{i}][relate]"), "amigo");
        }
        if i > 0 {
            body.append_pair(
                &format!("contacts[{}][name]", i - 1),
                &format!("Name {}", i - 1),
            );
        }
    }
    let body = body.finish();
    let r = c.request(
        "POST",
        "/Contact/ajaxPush",
        Some("application/x-www-form-urlencoded"),
        body.as_bytes(),
    );
    assert_eq!(
        r.json(),
        json!({"status":200,"message":"Successful","data":""})
    );
    let st = c.get("/__sandbox/state").json();
    let rows = st["contacts"][0]["contacts"].as_array().unwrap();
    assert_eq!(rows.len(), n);
    assert_eq!(
        rows[0],
        json!({"name":"Name 0","phone":"5500000000","relate":"amigo"})
    );
    assert_eq!(
        rows[n - 1],
        json!({"name":format!("Contact {}", n - 1),"phone":format!("55{:08}", n - 1),"relate":""})
    );
    assert_eq!(rows[1234]["name"], "Name 1234");
    // A bad row anywhere refuses the lot; logged out still redirects first.
    let bad = format!("{body}&contacts[4000][phone]=");
    let r = c.request(
        "POST",
        "/Contact/ajaxPush",
        Some("application/x-www-form-urlencoded"),
        bad.as_bytes(),
    );
    assert_eq!(r.json()["status"], 400);
    let r = s.client().request(
        "POST",
        "/Contact/ajaxPush",
        Some("application/x-www-form-urlencoded"),
        bad.as_bytes(),
    );
    assert_eq!(r.header("location"), Some("/Index/login"));
}
