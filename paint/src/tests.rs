//! The painter's decisions and markup, natively: what `index.html`'s script
//! would hand over, and what comes back.

use crate::paint;
use serde_json::{json, Value};

const OID: &str = "2023051914035297833260";
const DETAIL: &str = include_str!("../../core/src/decode/fixtures/loan_detail.json");
const DELAY: &str = include_str!("../../core/src/decode/fixtures/loan_delay.json");
const LOANS: &str = include_str!("../../core/src/decode/fixtures/loans_current.json");
const OFFER: &str = include_str!("../../core/src/decode/fixtures/loans_offer.json");
/// 2023-05-22 12:00 UTC: three days after the fixtures' due day.
const NOW_MS: f64 = 1_684_756_800_000.0;

fn ok(body: &str) -> Value {
    json!({"s": 200, "r": false, "u": "http://x/", "b": body})
}

/// The input for `path` with `reply`, as index.html's script builds it.
fn input(path: &str, reply: Value) -> Value {
    let (m, u, b) = if path == "/" {
        ("GET", "/Repay/loans".to_owned(), String::new())
    } else if path.starts_with("/extend/") {
        ("POST", "/Repay/loanDelay".to_owned(), format!("oid={OID}"))
    } else {
        ("POST", "/Repay/loanDetail".to_owned(), format!("oid={OID}"))
    };
    json!({
        "path": path,
        "base": "/",
        "lang": null,
        "saved": null,
        "device": ["es-MX", "es"],
        "ua": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
        "now": NOW_MS,
        "config": ok(r#"{"serverUtcOffsetMinutes": 0}"#),
        "read": {"m": m, "u": u, "b": b},
        "reply": reply,
    })
}

/// The text index.html's script sends for `input` (its `{s, r, b}` / `{e}`
/// outcomes and `Date.now()` as the script turns them into fields).
fn text(input: &Value) -> String {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let outcome = |v: &Value| match v.get("e") {
        Some(_) => [String::new(), "0".to_owned(), String::new()],
        None if !v.is_object() => [String::new(), "0".to_owned(), String::new()],
        None => [
            v["s"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
            if v["r"] == json!(true) { "1" } else { "0" }.to_owned(),
            s(&v["b"]),
        ],
    };
    let [cs, _, cb] = outcome(&input["config"]);
    let [rs, rr, rb] = outcome(&input["reply"]);
    let device: Vec<String> = input["device"]
        .as_array()
        .map(|a| a.iter().map(s).collect())
        .unwrap_or_default();
    let now = (input["now"].as_f64().unwrap() / 1000.0).floor() as i64;
    [
        s(&input["path"]),
        s(&input["base"]),
        s(&input["lang"]),
        s(&input["saved"]),
        device.join("\u{1}"),
        s(&input["ua"]),
        now.to_string(),
        cs,
        cb,
        s(&input["read"]["m"]),
        s(&input["read"]["u"]),
        s(&input["read"]["b"]),
        rs,
        rr,
        rb,
    ]
    .join("\0")
}

/// What the page gets for `input`: the language, a newline, then the tree
/// written as the markup the script's `createElement` calls make (so the
/// assertions read as HTML).
fn run(input: &Value) -> Option<String> {
    let out = paint(&text(input))?;
    let (lang, tree) = out.split_once('\n').expect("the language, then the tree");
    let tree: Value = serde_json::from_str(tree).expect("the tree is JSON");
    let mut html = format!("{lang}\n");
    markup(&tree, &mut html);
    Some(html)
}

/// The HTML a tree stands for (each value escaped).
fn markup(node: &Value, html: &mut String) {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    };
    if let Some(text) = node.as_str() {
        html.push_str(&escape(text));
        return;
    }
    let node = node.as_array().expect("an element is an array");
    let tag = node[0].as_str().expect("a tag");
    html.push_str(&format!("<{tag}"));
    let attrs = node[1].as_array().expect("attributes");
    for pair in attrs.chunks(2) {
        let name = pair[0].as_str().expect("a name");
        let value = pair[1].as_str().expect("a value");
        html.push_str(&format!(" {name}=\"{}\"", escape(value)));
    }
    html.push('>');
    for child in &node[2..] {
        markup(child, html);
    }
    html.push_str(&format!("</{tag}>"));
}

fn repay() -> Value {
    input(&format!("/repay/{OID}"), ok(DETAIL))
}

#[test]
fn paints_the_repayment_page() {
    let out = run(&repay()).expect("painted");
    let (lang, html) = out.split_once('\n').unwrap();
    assert_eq!(lang, "es");
    assert!(html.starts_with(r#"<div id="paint"><header class="app-header">"#));
    for part in [
        r#"<h1 id="repay-title">Pago de tu préstamo</h1>"#,
        &format!(r#"<p class="order-no">Pedido {OID}</p>"#),
        r#"<span class="badge badge-overdue" data-testid="status"><span aria-hidden="true" class="badge-symbol">!</span>Vencido</span>"#,
        r#"<p class="hero-amount" data-testid="amount-now"><span class="amount">$"#,
        r#"<p class="countdown countdown-overdue" data-testid="countdown">3 días de atraso</p>"#,
        &format!(r#"<a href="/pay/{OID}" class="button button-primary">Pagar ahora</a>"#),
        r#"class="button button-secondary paint-slot""#,
    ] {
        assert!(html.contains(part), "{part}\nin\n{html}");
    }
    assert!(html.ends_with("</section></main></div>"));
    assert!(
        !html.contains(r#"id="main""#),
        "the app's main is the only #main"
    );
}

#[test]
fn days_are_written_from_the_catalogs_in_the_server_zone() {
    let mut i = repay();
    let html = run(&i).unwrap();
    assert!(
        html.contains(r#"<time datetime="2023-05-19">19 de mayo de 2023</time>"#),
        "{html}"
    );
    i["lang"] = json!("en");
    let html = run(&i).unwrap();
    assert!(html.starts_with("en\n"));
    assert!(
        html.contains(r#"<time datetime="2023-05-19">May 19, 2023</time>"#),
        "{html}"
    );
    assert!(html.contains("3 days overdue"), "{html}");
    // Today is counted in the server's zone: at UTC-14 it is still the 21st.
    i["config"] = ok(r#"{"serverUtcOffsetMinutes": -840}"#);
    let html = run(&i).unwrap();
    assert!(html.contains("2 days overdue"), "{html}");
}

#[test]
fn paints_the_extension_page_and_home() {
    let html = run(&input(&format!("/extend/{OID}"), ok(DELAY))).expect("extend painted");
    assert!(html.contains(r#"data-testid="extension-fee""#), "{html}");
    let html = run(&input("/", ok(LOANS))).expect("home painted");
    assert!(
        html.contains(r#"<h1 id="home-title">Tu préstamo</h1>"#),
        "{html}"
    );
    assert!(html.contains(r#"data-testid="loan-card""#), "{html}");
}

#[test]
fn paints_under_a_sub_path() {
    let mut i = repay();
    i["path"] = json!(format!("/h5/repay/{OID}"));
    i["base"] = json!("/h5/");
    let html = run(&i).expect("painted");
    assert!(html.contains(r#"<a href="/h5/" class="brand">"#));
    assert!(html.contains(&format!(r#"href="/h5/pay/{OID}""#)));
}

#[test]
fn nothing_on_any_failure_or_unexpected_reply() {
    let bad = [
        json!({"e": "timeout"}),
        json!({"e": "offline"}),
        json!({"s": 200, "r": false, "b": r#"{"status":-100,"message":"请先登录","data":""}"#}),
        json!({"s": 401, "r": false, "b": r#"{"status":401,"message":"Unauthorized"}"#}),
        json!({"s": 500, "r": false, "b": "<html><body>Internal Server Error</body></html>"}),
        json!({"s": 502, "r": false, "b": "<html>502 Bad Gateway</html>"}),
        json!({"s": 200, "r": false, "b": "<!DOCTYPE html><title>Login</title>"}),
        json!({"s": 200, "r": true, "b": DETAIL}),
        json!({"s": 200, "r": false, "b": &DETAIL[..DETAIL.len() / 2]}),
        json!({"s": 200, "r": false, "b": ""}),
        json!({"s": 200, "r": false, "b": r#"{"status":500,"message":"x"}"#}),
        json!({"s": 200, "r": false, "b": DETAIL.replace(r#""status": "1""#, r#""status": "3""#)}),
        json!(null),
        json!("nonsense"),
    ];
    for reply in bad {
        assert_eq!(
            run(&input(&format!("/repay/{OID}"), reply.clone())),
            None,
            "{reply}"
        );
    }
}

#[test]
fn nothing_logged_out_at_home() {
    assert_eq!(run(&input("/", ok(OFFER))), None);
}

#[test]
fn nothing_when_the_app_would_not_take_the_read() {
    // config.json names another API base: the app sends its own request.
    let mut i = repay();
    i["config"] = ok(r#"{"apiBase": "https://api.example.mx"}"#);
    assert_eq!(run(&i), None);
    // The read is for another order than the address names.
    let mut i = repay();
    i["read"]["b"] = json!("oid=1");
    assert_eq!(run(&i), None);
    // Another page.
    let mut i = repay();
    i["path"] = json!(format!("/pay/{OID}"));
    assert_eq!(run(&i), None);
    let mut i = repay();
    i["path"] = json!("/repay/a%20b");
    assert_eq!(run(&i), None);
}

#[test]
fn the_language_is_decided_as_the_app_decides_it() {
    let lang = |url: Value, saved: Value, device: Value, config: &str| {
        let mut i = repay();
        i["lang"] = url;
        i["saved"] = saved;
        i["device"] = device;
        i["config"] = ok(config);
        run(&i).map(|html| html[..2].to_owned())
    };
    let none = json!(null);
    assert_eq!(
        lang(json!("en"), json!("es"), json!(["es"]), "{}").as_deref(),
        Some("en")
    );
    assert_eq!(
        lang(json!("fr"), json!("en"), json!(["es"]), "{}").as_deref(),
        Some("en")
    );
    assert_eq!(
        lang(none.clone(), none.clone(), json!(["pt-BR", "en-GB"]), "{}").as_deref(),
        Some("en")
    );
    assert_eq!(
        lang(
            none.clone(),
            none.clone(),
            json!(["pt-BR"]),
            r#"{"defaultLocale": "en"}"#
        )
        .as_deref(),
        Some("en")
    );
    // Only the server could decide: the app asks it, the painter paints nothing.
    assert_eq!(
        lang(none.clone(), none.clone(), json!(["pt-BR"]), "{}"),
        None
    );
    // A failed config.json is the defaults, as in the app.
    let mut i = repay();
    i["config"] = json!({"e": "timeout"});
    assert!(run(&i).is_some());
}

#[test]
fn malformed_input_paints_nothing() {
    for text in ["", "{", "[]", r#"{"path": 1}"#] {
        assert_eq!(paint(text), None, "{text}");
    }
    // A field with a NUL of its own shifts the others: refused.
    let mut good = text(&repay());
    assert!(paint(&good).is_some());
    good.push('\0');
    assert_eq!(paint(&good), None);
}

#[test]
fn server_text_never_becomes_markup() {
    // Only figures, days and the order number come from the reply; the
    // order number is checked ([0-9A-Za-z_-]) and everything is escaped.
    let html = run(&repay()).unwrap();
    assert!(!html.contains("<script"));
}
