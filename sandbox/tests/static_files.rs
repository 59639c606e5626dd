//! The built app under `--base`, SPA fallback, headers, config.json, CLI.

mod common;

use common::*;
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

const INDEX: &str = "<!DOCTYPE html><html><body>app</body></html>";
const WASM: &[u8] = b"\0asm\x01\0\0\0";

fn dist(name: &str, with_config: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cashgo-sandbox-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("pkg/cashgo-web-0123456789abcdef_bg.wasm"), WASM).unwrap();
    std::fs::write(dir.join("pkg/cashgo-web-0123456789abcdef.js"), "export {}").unwrap();
    std::fs::write(dir.join("favicon.svg"), "<svg/>").unwrap();
    if with_config {
        std::fs::write(dir.join("config.json"), r#"{"apiBase":"/api"}"#).unwrap();
    }
    dir
}

fn assert_index(r: &Resp) {
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), INDEX);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
}

#[test]
fn spa_at_root() {
    let s = start_with(cashgo_sandbox::Settings {
        dist: Some(dist("root", false)),
        ..settings()
    });
    let mut c = s.client();
    for path in [
        "/",
        "/index.html",
        "/login",
        "/orders",
        "/repay/2026112014035297833261",
        "/extend/1",
        "/pay/1",
        "/proof/1",
        "/feedback",
        "/contacts",
        "/support",
        "/no/such/page",
        "/pkg/missing.js",
    ] {
        assert_index(&c.get(path));
    }
    let r = c.get("/pkg/cashgo-web-0123456789abcdef_bg.wasm");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(r.body, WASM);
    let r = c.get("/pkg/cashgo-web-0123456789abcdef.js");
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let r = c.get("/favicon.svg");
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));

    let r = c.get("/config.json");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(
        r.json(),
        json!({"apiBase":"","currency":"MXN","serverUtcOffsetMinutes":480,"defaultLocale":"es"})
    );
    // API paths never fall back to the app.
    assert_eq!(c.get("/Repay/nothing").status, 404);
    assert_eq!(c.get("/__sandbox/nothing").status, 404);
    assert_eq!(c.get("/../../etc/passwd").status, 404);
    assert_eq!(c.get("/pkg/%2e%2e/%2e%2e/Cargo.toml").status, 404);
    assert_eq!(c.request("POST", "/orders", None, b"").status, 404);
    // The API is still there.
    assert_eq!(c.get("/Index/languages").json()["status"], 200);
}

#[test]
fn spa_under_sub_path_with_config_file() {
    let s = start_with(cashgo_sandbox::Settings {
        dist: Some(dist("sub", true)),
        base: "/h5/".into(),
        utc_offset_minutes: -360,
        ..settings()
    });
    let mut c = s.client();
    assert_index(&c.get("/h5/"));
    assert_index(&c.get("/h5/login"));
    assert_index(&c.get("/h5/repay/123"));
    let r = c.get("/h5/pkg/cashgo-web-0123456789abcdef_bg.wasm");
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    let r = c.get("/h5/config.json");
    assert_eq!(r.json(), json!({"apiBase":"/api"}));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    for path in ["/", "/h5"] {
        let r = c.get(path);
        assert!((301..=308).contains(&r.status), "{path}: {}", r.status);
        assert_eq!(r.header("location"), Some("/h5/"));
    }
    assert_eq!(c.get("/login").status, 404);
    assert_eq!(c.get("/Index/languages").json()["status"], 200);
    assert_eq!(c.get("/Repay/loans").json()["data"]["status"], -100);
}

#[test]
fn generated_config_without_dist() {
    let s = start_with(cashgo_sandbox::Settings {
        base: "/h5".into(),
        utc_offset_minutes: 0,
        ..settings()
    });
    let mut c = s.client();
    let r = c.get("/h5/config.json");
    assert_eq!(r.json()["serverUtcOffsetMinutes"], 0);
    let r = c.get("/h5/");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("5512345001"));
}

#[test]
fn cli_banner_and_port_zero() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cashgo-sandbox"))
        .args(["--port", "0", "--now", &NOW.to_string(), "--base", "h5"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let rest: Vec<String> = (0..8)
        .map(|_| {
            let mut l = String::new();
            out.read_line(&mut l).unwrap();
            l
        })
        .collect();
    let url = first
        .trim_end()
        .strip_prefix("CashGo sandbox: http://127.0.0.1:")
        .unwrap();
    let port: u16 = url.strip_suffix("/h5/").unwrap().parse().unwrap();
    assert!(rest
        .iter()
        .any(|l| l.contains("5512345004") && l.contains("2026112014035297833264")));
    let mut c = Client { port, cookie: None };
    assert_eq!(c.get("/Index/languages").json()["status"], 200);
    child.kill().unwrap();
    child.wait().unwrap();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cashgo-sandbox"))
        .args(["--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
