//! `/__sandbox/fault`: arming, and what each kind does to the reply and to
//! the handler's effect (a feedback record).

mod common;

use common::*;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

const FEEDBACK: &str = "/Feedback/ajaxCreate";
const FEEDBACK_BODY: &str = "comments=hola&contact=5512345678";

fn arm(c: &mut Client, fields: &[(&str, &str)]) -> Resp {
    c.post_form("/__sandbox/fault", fields)
}

fn feedback_count(c: &mut Client) -> usize {
    c.get("/__sandbox/state").json()["feedback"]
        .as_array()
        .unwrap()
        .len()
}

fn fired(c: &mut Client) -> Value {
    c.get("/__sandbox/state").json()["faults_fired"].clone()
}

fn send_feedback(c: &mut Client) -> Resp {
    c.post_form(FEEDBACK, &[("comments", "hola"), ("contact", "5512345678")])
}

#[test]
fn arming_replacing_clearing() {
    let s = start();
    let mut c = s.client();
    let r = arm(
        &mut c,
        &[("path", "/Repay/loanDetail"), ("kind", "http500")],
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        json!({"status":200,"faults":[{"path":"/Repay/loanDetail","kind":"http500","times":1}]})
    );
    // GET with a query string, several paths at once; `slow` shows its ms.
    let r = c.get("/__sandbox/fault?path=/Repay/loans&kind=slow&times=3");
    assert_eq!(
        r.json()["faults"],
        json!([{"path":"/Repay/loanDetail","kind":"http500","times":1},
               {"path":"/Repay/loans","kind":"slow","times":3,"ms":40000}])
    );
    // POST with the parameters in the query works too.
    let r = c.post("/__sandbox/fault?path=/Index/contact&kind=expired");
    assert_eq!(r.json()["faults"].as_array().unwrap().len(), 3);
    // Re-arming a path replaces its fault.
    let r = arm(
        &mut c,
        &[
            ("path", "/Repay/loanDetail"),
            ("kind", "drop"),
            ("times", "2"),
        ],
    );
    assert_eq!(
        r.json()["faults"][0],
        json!({"path":"/Repay/loanDetail","kind":"drop","times":2})
    );
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["faults"].as_array().unwrap().len(), 3);
    assert_eq!(st["faults_fired"], json!([]));
    // clear=1 disarms all.
    let r = c.get("/__sandbox/fault?clear=1");
    assert_eq!(r.json(), json!({"status":200,"faults":[]}));
    assert_eq!(c.get("/__sandbox/state").json()["faults"], json!([]));
    // So does a reset.
    arm(&mut c, &[("path", "/Repay/loans"), ("kind", "http502")]);
    c.post("/__sandbox/reset");
    assert_eq!(c.get("/__sandbox/state").json()["faults"], json!([]));
    assert_eq!(c.get("/Repay/loans").status, 200);

    // Refusals: HTTP 400 with a message, nothing armed.
    for fields in [
        vec![],
        vec![("kind", "http500")],
        vec![("path", "/Repay/loans")],
        vec![("path", "/Repay/loans"), ("kind", "http404")],
        vec![("path", "/Repay/loans"), ("kind", "HTTP500")],
        vec![("path", "/Repay/loans"), ("kind", "slow"), ("ms", "soon")],
        vec![("path", "/Repay/loans"), ("kind", "slow"), ("ms", "-1")],
        vec![("path", "/Repay/loans"), ("kind", "drop"), ("times", "0")],
        vec![("path", "/Repay/loans"), ("kind", "drop"), ("times", "x")],
        vec![("path", "/Repay/loans"), ("kind", "drop"), ("times", "-2")],
        vec![("path", "Repay/loans"), ("kind", "drop")],
        vec![("path", "/Repay/loans?x=1"), ("kind", "drop")],
        vec![("path", "/__sandbox/state"), ("kind", "drop")],
        vec![("clear", "yes")],
    ] {
        let r = arm(&mut c, &fields);
        assert_eq!(r.status, 400, "{fields:?}");
        let v = r.json();
        assert_eq!(v["status"], 400);
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(c.get("/__sandbox/state").json()["faults"], json!([]));
}

#[test]
fn kinds_that_answer_in_place_of_the_handler() {
    let s = start();
    let mut c = s.login("5512345001");
    for (kind, status, content_type) in [
        ("http500", 500, "text/html"),
        ("http502", 502, "text/html"),
        ("login-page", 200, "text/html; charset=utf-8"),
        ("expired", 200, "application/json"),
        ("http401", 401, "application/json"),
    ] {
        arm(&mut c, &[("path", FEEDBACK), ("kind", kind)]);
        let r = send_feedback(&mut c);
        assert_eq!(r.status, status, "{kind}");
        assert!(
            r.header("content-type").unwrap().starts_with(content_type),
            "{kind}: {:?}",
            r.header("content-type")
        );
        match kind {
            "http500" => assert!(r.text().contains("Internal Server Error")),
            "http502" => assert!(r.text().contains("502 Bad Gateway")),
            "login-page" => {
                assert!(r.text().contains("<form"));
                assert_eq!(r.text(), c.get("/Index/login").text());
            }
            "expired" => assert_eq!(
                r.text(),
                r#"{"status":-100,"message":"请先登录","data":""}"#
            ),
            _ => assert_eq!(r.json(), json!({"status":401,"message":"Unauthorized"})),
        }
        // The handler did not run.
        assert_eq!(feedback_count(&mut c), 0, "{kind}");
        // One request only: the next one goes through.
        assert_eq!(send_feedback(&mut c).json()["status"], 200, "{kind}");
        c.post("/__sandbox/reset");
        c = s.login("5512345001");
    }
}

#[test]
fn truncated_runs_the_handler_and_cuts_the_body() {
    let s = start();
    let mut c = s.login("5512345001");
    let full = send_feedback(&mut c);
    assert_eq!(feedback_count(&mut c), 1);
    arm(&mut c, &[("path", FEEDBACK), ("kind", "truncated")]);
    let r = send_feedback(&mut c);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), full.header("content-type"));
    assert_eq!(r.body, full.body[..full.body.len() / 2]);
    assert_eq!(
        r.header("content-length"),
        Some(r.body.len().to_string().as_str())
    );
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
    assert_eq!(feedback_count(&mut c), 2);
    // Any routed path, GET included: the public loan offer.
    let whole = c.get("/Index/languages").body;
    c.get("/__sandbox/fault?path=/Index/languages&kind=truncated&times=2");
    for _ in 0..2 {
        assert_eq!(c.get("/Index/languages").body, whole[..whole.len() / 2]);
    }
    assert_eq!(c.get("/Index/languages").body, whole);
    assert_eq!(
        fired(&mut c),
        json!([{"path":FEEDBACK,"kind":"truncated"},
               {"path":"/Index/languages","kind":"truncated"},
               {"path":"/Index/languages","kind":"truncated"}])
    );
}

/// A reply cut short: its head and a few bytes of a body that claims 4096.
fn assert_cut(reply: &[u8]) {
    let text = String::from_utf8_lossy(reply);
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(
        text.to_ascii_lowercase().contains("content-length: 4096"),
        "{text}"
    );
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    assert!(body.len() < 4096, "{text}");
    assert!(serde_json::from_str::<Value>(body).is_err(), "{text}");
}

#[test]
fn drop_cuts_the_reply_short() {
    let s = listen();
    let mut c = s.login("5512345001");
    let sid = c.cookie.clone().unwrap();
    let request = raw_post(FEEDBACK, Some(&sid), FEEDBACK_BODY, false);

    // drop: the handler runs, the reply is cut after its first bytes.
    arm(&mut c, &[("path", FEEDBACK), ("kind", "drop")]);
    assert_cut(&raw(s.port, &request));
    assert_eq!(feedback_count(&mut c), 1);
    // drop-before: the same on the wire; nothing runs.
    arm(&mut c, &[("path", FEEDBACK), ("kind", "drop-before")]);
    assert_cut(&raw(s.port, &request));
    assert_eq!(feedback_count(&mut c), 1);
    // Used up: the next one is answered.
    let reply = raw(s.port, &request);
    assert!(reply.starts_with(b"HTTP/1.1 200 OK\r\n"), "{reply:?}");
    assert_eq!(feedback_count(&mut c), 2);
    assert_eq!(
        fired(&mut c),
        json!([{"path":FEEDBACK,"kind":"drop"},{"path":FEEDBACK,"kind":"drop-before"}])
    );
    // A GET, several times.
    c.get("/__sandbox/fault?path=/Repay/loans&kind=drop&times=2");
    let get = b"GET /Repay/loans HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    assert_cut(&raw(s.port, get));
    assert_cut(&raw(s.port, get));
    assert!(raw(s.port, get).starts_with(b"HTTP/1.1 200 OK"));
}

/// On a kept-alive connection too: one request, one handler run, the
/// connection ends after the cut reply (a reply had begun, so browsers
/// don't resend it).
#[test]
fn drop_on_a_kept_alive_connection() {
    let s = listen();
    let mut c = s.login("5512345001");
    let sid = c.cookie.clone().unwrap();
    arm(&mut c, &[("path", FEEDBACK), ("kind", "drop")]);

    let mut stream = std::net::TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    stream
        .write_all(b"GET /Index/languages HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut first = [0u8; 512];
    let n = stream.read(&mut first).unwrap();
    assert!(first[..n].starts_with(b"HTTP/1.1 200 OK"));
    stream
        .write_all(&raw_post(FEEDBACK, Some(&sid), FEEDBACK_BODY, true))
        .unwrap();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let rest = String::from_utf8_lossy(&rest);
    assert!(rest.contains("content-length: 4096"), "{rest}");
    assert_eq!(feedback_count(&mut c), 1);
    assert_eq!(fired(&mut c), json!([{"path":FEEDBACK,"kind":"drop"}]));
}

#[test]
fn slow_runs_the_handler_then_holds_the_reply() {
    let s = start();
    let mut c = s.login("5512345001");
    arm(
        &mut c,
        &[("path", FEEDBACK), ("kind", "slow"), ("ms", "1500")],
    );
    let mut slow = s.client();
    slow.cookie.clone_from(&c.cookie);
    let started = Instant::now();
    let waiting = std::thread::spawn(move || send_feedback(&mut slow));
    // The record exists while the reply is still held.
    let deadline = Instant::now() + Duration::from_millis(1200);
    while feedback_count(&mut c) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(feedback_count(&mut c), 1);
    assert!(!waiting.is_finished());
    let r = waiting.join().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(1500));
    assert_eq!(
        r.json(),
        json!({"status":200,"data":"","message":"Submit Successfully"})
    );
    // Used up.
    let started = Instant::now();
    send_feedback(&mut c);
    assert!(started.elapsed() < Duration::from_millis(1500));
    assert_eq!(fired(&mut c), json!([{"path":FEEDBACK,"kind":"slow"}]));
}

#[test]
fn any_path_but_the_sandbox_s_own() {
    let s = start();
    let mut c = s.client();
    // The app's config.json (served by the fallback) and the login page.
    c.get("/__sandbox/fault?path=/config.json&kind=http502");
    assert_eq!(c.get("/config.json").status, 502);
    assert_eq!(c.get("/config.json").status, 200);
    // Another path, or the same path with a query, is matched exactly.
    c.get("/__sandbox/fault?path=/Index/contact&kind=http500");
    assert_eq!(c.get("/Index/contact/").status, 404);
    assert_eq!(c.get("/Index/contact?lang=es").status, 500);
    assert_eq!(c.get("/Index/contact").status, 200);
}
