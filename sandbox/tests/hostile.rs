//! `hostile=1`: the strings borrowers see become the XSS/layout corpus of
//! `/__sandbox/hostile`; ids, amounts, days, timestamps and statuses stay.

mod common;

use common::*;
use serde_json::{json, Value};

const O1: &str = "2026112014035297833261";
// The key lists restate src/hostile.rs's on purpose (not imported): they are what the README says.
const TEXT: [&str; 10] = [
    "message",
    "msg",
    "info",
    "name",
    "reference",
    "barcode",
    "utr",
    "phone_number",
    "whatapp",
    "default",
];
const URL: [&str; 4] = ["checkout", "path", "origin_img", "image"];
const URLS: [&str; 3] = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/x",
];

fn corpus(c: &mut Client) -> Vec<String> {
    let r = c.get("/__sandbox/hostile");
    assert_eq!(r.status, 200);
    serde_json::from_value(r.json()).unwrap()
}

/// `hostile` is `plain` with the listed fields replaced by corpus entries
/// (URL fields by URL entries) and everything else equal. Returns the
/// replacements in document order.
fn compare(plain: &Value, hostile: &Value, corpus: &[String], at: &str, out: &mut Vec<String>) {
    match (plain, hostile) {
        (Value::Object(p), Value::Object(h)) => {
            let pk: Vec<&String> = p.keys().collect();
            let hk: Vec<&String> = h.keys().collect();
            assert_eq!(pk, hk, "keys at {at}");
            for (k, pv) in p {
                let hv = &h[k];
                let here = format!("{at}.{k}");
                if let (Value::String(_), Value::String(hs)) = (pv, hv) {
                    if URL.contains(&k.as_str()) {
                        assert!(URLS.contains(&hs.as_str()), "{here}: {hs}");
                        out.push(hs.clone());
                        continue;
                    }
                    if TEXT.contains(&k.as_str()) {
                        assert!(corpus.contains(hs), "{here}: {hs}");
                        out.push(hs.clone());
                        continue;
                    }
                }
                if k == "languages" {
                    for item in hv.as_array().unwrap() {
                        assert!(corpus.iter().any(|c| c == item), "{here}: {item}");
                        out.push(item.as_str().unwrap().to_string());
                    }
                    continue;
                }
                compare(pv, hv, corpus, &here, out);
            }
        }
        (Value::Array(p), Value::Array(h)) => {
            assert_eq!(p.len(), h.len(), "length at {at}");
            for (i, (pv, hv)) in p.iter().zip(h).enumerate() {
                compare(pv, hv, corpus, &format!("{at}[{i}]"), out);
            }
        }
        _ => assert_eq!(plain, hostile, "at {at}"),
    }
}

fn hostile(c: &mut Client, on: bool) {
    let r = c.post_form(
        "/__sandbox/settings",
        &[("hostile", if on { "1" } else { "0" })],
    );
    assert_eq!(r.json()["settings"]["hostile"], on);
}

#[test]
fn the_corpus() {
    let s = start();
    let mut c = s.client();
    let all = corpus(&mut c);
    assert_eq!(all.len(), 7);
    for entry in [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "\u{202E}gnp.exe",
    ] {
        assert!(all.iter().any(|e| e == entry), "{entry}");
    }
    let long = all.iter().find(|e| e.len() > 1000).unwrap();
    assert_eq!(long.len(), 10 * 1024);
    assert!(!long.contains(char::is_whitespace));
}

#[test]
fn switch_shown_and_reset() {
    let s = start();
    let mut c = s.client();
    assert_eq!(
        c.get("/__sandbox/settings").json()["settings"]["hostile"],
        false
    );
    hostile(&mut c, true);
    assert_eq!(
        c.get("/__sandbox/state").json()["settings"]["hostile"],
        true
    );
    assert_eq!(c.get("/__sandbox/settings?hostile=maybe").status, 400);
    c.post("/__sandbox/reset");
    assert_eq!(
        c.get("/__sandbox/settings").json()["settings"]["hostile"],
        false
    );
    assert_eq!(
        c.get("/Index/languages").json()["languages"],
        json!(["Spanish", "English"])
    );
}

/// Every page's replies, plain then hostile: only the listed fields change,
/// and all kinds of the corpus show up over the pages.
#[test]
fn every_reply_keeps_what_the_app_navigates_and_computes_with() {
    let s = start();
    let mut c = s.client();
    let all = corpus(&mut c);
    let mut seen = Vec::new();
    let pages: Vec<Page> = vec![
        ("GET", "/Index/languages", vec![]),
        ("POST", "/Index/languages", vec![]),
        ("GET", "/Index/contact", vec![]),
        ("GET", "/Repay/loans", vec![]),
        ("POST", "/Repay/orders", vec![]),
        ("POST", "/Repay/loanDetail", vec![("oid", O1)]),
        ("POST", "/Repay/loanDelay", vec![("oid", O1)]),
        ("POST", "/Repay/loanDetail", vec![("oid", "nope")]),
        ("POST", "/Repay/ajaxDelay", vec![]),
        ("POST", "/Repay/payData", vec![("oid", O1)]),
        ("POST", "/Repay/repayProof", vec![]),
        ("GET", "/Loan/reLoan", vec![]),
    ];
    for logged_in in [false, true] {
        let mut c = if logged_in {
            s.login("5512345001")
        } else {
            s.client()
        };
        // A proof first, so the bill has a `utr` to show.
        c.post_form("/Repay/repayProof", &[("oid", O1), ("utr", "UTR1")]);
        for (method, path, fields) in &pages {
            hostile(&mut c, false);
            let plain = form(&mut c, method, path, fields);
            hostile(&mut c, true);
            let h = form(&mut c, method, path, fields);
            assert_eq!(plain.status, h.status, "{path}");
            let (pv, hv) = (plain.json(), h.json());
            compare(&pv, &hv, &all, path, &mut seen);
            if logged_in && *path == "/Repay/loanDetail" && fields[0].1 == O1 {
                assert!(all.iter().any(|e| hv["data"]["bill"]["utr"] == e.as_str()));
            }
        }
        // The payment link still works: references carry the rest.
        hostile(&mut c, true);
        if logged_in {
            let url = c.post_form("/Repay/payData", &[("oid", O1)]).json()["data"].clone();
            let url = url.as_str().unwrap();
            assert!(url.starts_with("http://127.0.0.1:"));
            for paytype in ["1", "2"] {
                let fields = [("paytype", paytype), ("url", url)];
                hostile(&mut c, false);
                let plain = c.post_form("/Repay/payTransf", &fields).json();
                hostile(&mut c, true);
                let h = c.post_form("/Repay/payTransf", &fields).json();
                // New references each time: compare all but the values
                // that are replaced anyway.
                compare(&plain, &h, &all, "payTransf", &mut seen);
                let d = if paytype == "1" {
                    &h["data"]
                } else {
                    &h["data"]["data"]
                };
                assert_eq!(d["money"], "6504.00");
                for k in ["path", "image"] {
                    assert!(URLS.contains(&d[k].as_str().unwrap()), "{k}");
                }
                assert!(all.iter().any(|e| d["name"] == e.as_str()));
                assert!(all.iter().any(|e| d["reference"] == e.as_str()));
            }
        }
    }
    for entry in &all {
        assert!(seen.contains(entry), "never shown: {:.40}", entry);
    }
    for url in URLS {
        assert!(seen.iter().any(|e| e == url));
    }
}

/// (method, path, form fields)
type Page<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);

fn form(c: &mut Client, method: &str, path: &str, fields: &[(&str, &str)]) -> Resp {
    if method == "GET" {
        c.get(path)
    } else {
        c.post_form(path, fields)
    }
}

#[test]
fn languages_default_stays_one_of_the_list_and_sign_in_still_works() {
    let s = start();
    let mut c = s.client();
    hostile(&mut c, true);
    let all = corpus(&mut c);
    for _ in 0..8 {
        let v = c.get("/Index/languages").json();
        let langs = v["languages"].as_array().unwrap();
        assert_eq!(langs.len(), 2);
        assert!(langs.contains(&v["default"]), "{v}");
        assert_eq!(
            (v["status"].as_i64(), v["target"].as_str()),
            (Some(200), Some("web"))
        );
    }
    // Error messages too.
    let v = c
        .post_form(
            "/Index/ajaxSignIn",
            &[("username", "5512345001"), ("password", "x")],
        )
        .json();
    assert!(all.iter().any(|e| v["message"] == e.as_str()));
    assert_eq!(v["status"], 400);
    // Signing in still gives a session.
    let r = c.post_form(
        "/Index/ajaxSignIn",
        &[("username", "5512345001"), ("password", PASSWORD)],
    );
    assert_eq!(r.json()["data"], "/Repay/index.shtml");
    let d = c.get("/Repay/loans").json()["data"].clone();
    assert_eq!(
        (d["status"].as_i64(), d["money"].as_i64()),
        (Some(0), Some(5000))
    );
    assert_eq!(d["bill"]["oid"], O1);
    // The 401 of orders when logged out.
    let v = s.client().post("/Repay/orders").json();
    assert!(all.iter().any(|e| v["message"] == e.as_str()));
}

#[test]
fn uploads_keep_their_file_addresses() {
    let s = start();
    let mut c = s.login("5512345001");
    hostile(&mut c, true);
    let all = corpus(&mut c);
    let upload = |c: &mut Client| {
        c.post_multipart(
            "/Info/ajaxUpload",
            &[
                field("fileName", "file"),
                file("file", "a.png", "image/png", PNG),
            ],
        )
        .json()
    };
    let v = upload(&mut c);
    assert!(all.iter().any(|e| v["message"] == e.as_str()));
    assert!(v["data"].as_str().unwrap().contains("\\Public\\Upload\\"));
    let v = upload(&mut c);
    let info = v["info"].as_str().unwrap();
    assert!(info.ends_with(".png"), "{info}");
    assert_eq!(c.get(&format!("/Public/Upload/{info}")).body, PNG);
}
