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

/// A sandbox serving the app in `dist` at `/`.
fn serving(dist: PathBuf) -> Server {
    start_with(cashgo_sandbox::Settings {
        dist: Some(dist),
        ..settings()
    })
}

fn assert_index(r: &Resp) {
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), INDEX);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
}

#[test]
fn spa_at_root() {
    let s = serving(dist("root", false));
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
    let reply = raw(port, &raw_get("/Index/languages"));
    assert!(reply.starts_with(b"HTTP/1.1 200 OK\r\n"));
    assert!(reply.ends_with(br#""default":"English","target":"web"}"#));
    child.kill().unwrap();
    child.wait().unwrap();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cashgo-sandbox"))
        .args(["--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---- compression (brotli / gzip / identity, cached per file) ----

const CHROME: &str = "gzip, deflate, br, zstd";

fn compressible_dist(name: &str) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let dir = dist(name, false);
    // Big enough to compress well, like the real JS glue and index.html.
    let js: Vec<u8> = (0..400)
        .map(|i| format!("export function f{i}(a) {{ return a + {i}; }}\n"))
        .collect::<String>()
        .into_bytes();
    std::fs::write(dir.join("pkg/cashgo-web-0123456789abcdef.js"), &js).unwrap();
    let index = format!(
        "<!DOCTYPE html><html><head>{}</head><body>app</body></html>",
        "<link rel=\"preload\" href=\"/pkg/x.wasm\">".repeat(40)
    )
    .into_bytes();
    std::fs::write(dir.join("index.html"), &index).unwrap();
    // An image that would compress very well if anyone tried.
    let mut png = PNG.to_vec();
    png.extend(std::iter::repeat_n(0u8, 4000));
    std::fs::write(dir.join("logo.png"), &png).unwrap();
    (dir, js, index)
}

fn unbrotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &body[..], &mut out).expect("valid brotli");
    out
}

fn ungzip(body: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn varies(r: &Resp) -> bool {
    r.header("vary")
        .is_some_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
}

#[test]
fn brotli_gzip_or_identity_by_accept_encoding() {
    let (dir, js, index) = compressible_dist("compress");
    let s = serving(dir.clone());
    let mut c = s.client();
    let path = "/pkg/cashgo-web-0123456789abcdef.js";

    let r = c.fetch("GET", path, &[("Accept-Encoding", CHROME)]);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), Some("br"));
    assert!(varies(&r));
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        r.body.len() < js.len() / 4,
        "{} of {}",
        r.body.len(),
        js.len()
    );
    assert_eq!(unbrotli(&r.body), js);

    for accept in ["gzip", "gzip, deflate", "br;q=0, gzip;q=0.5", "x-gzip"] {
        let r = c.fetch("GET", path, &[("Accept-Encoding", accept)]);
        assert_eq!(r.header("content-encoding"), Some("gzip"), "{accept}");
        assert!(varies(&r));
        assert_eq!(ungzip(&r.body), js, "{accept}");
    }

    for accept in [
        None,
        Some("identity"),
        Some("deflate"),
        Some("br;q=0, gzip;q=0"),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("Accept-Encoding", a)).into_iter().collect();
        let r = c.fetch("GET", path, &headers);
        assert_eq!(r.header("content-encoding"), None, "{accept:?}");
        assert!(varies(&r), "{accept:?}");
        assert_eq!(r.body, js, "{accept:?}");
    }

    // index.html and the SPA fallback: compressed, still no-cache.
    for p in ["/", "/index.html", "/repay/2026112014035297833261"] {
        let r = c.fetch("GET", p, &[("Accept-Encoding", CHROME)]);
        assert_eq!(r.header("content-encoding"), Some("br"), "{p}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{p}");
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert_eq!(unbrotli(&r.body), index, "{p}");
    }

    // An image is sent as it is, whatever the client accepts.
    let r = c.fetch("GET", "/logo.png", &[("Accept-Encoding", CHROME)]);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.header("content-encoding"), None);
    assert!(!varies(&r));
    assert_eq!(r.body, std::fs::read(dir.join("logo.png")).unwrap());

    // wasm keeps its type; a file too small to gain is sent as it is.
    let r = c.fetch(
        "GET",
        "/pkg/cashgo-web-0123456789abcdef_bg.wasm",
        &[("Accept-Encoding", CHROME)],
    );
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(r.header("content-encoding"), None);
    assert!(varies(&r));
    assert_eq!(r.body, WASM);

    // HEAD: the headers of the GET, the length of the encoded body, no body.
    let get = c.fetch("GET", path, &[("Accept-Encoding", CHROME)]);
    let head = c.fetch("HEAD", path, &[("Accept-Encoding", CHROME)]);
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-encoding"), Some("br"));
    assert!(varies(&head));
    assert_eq!(
        head.header("content-length"),
        Some(get.body.len().to_string().as_str())
    );
    assert!(head.body.is_empty());
}

#[test]
fn a_rebuilt_file_is_served_fresh() {
    let (dir, js, _) = compressible_dist("rebuilt");
    let s = serving(dir.clone());
    let mut c = s.client();
    let path = "/pkg/cashgo-web-0123456789abcdef.js";
    let r = c.fetch("GET", path, &[("Accept-Encoding", "br")]);
    assert_eq!(unbrotli(&r.body), js);
    let mut newer = js.clone();
    newer.extend_from_slice(b"export const rebuilt = true;\n");
    std::fs::write(dir.join(path.trim_start_matches('/')), &newer).unwrap();
    let r = c.fetch("GET", path, &[("Accept-Encoding", "br")]);
    assert_eq!(unbrotli(&r.body), newer);
    let r = c.fetch("GET", path, &[("Accept-Encoding", "gzip")]);
    assert_eq!(ungzip(&r.body), newer);
}

#[test]
fn precompress_fills_the_cache() {
    let (dir, js, index) = compressible_dist("pre");
    let done = cashgo_sandbox::static_files::precompress(&dir);
    // index.html, the JS, the wasm and favicon.svg; not the PNG.
    assert_eq!(done.files, 4);
    assert_eq!(
        done.raw,
        js.len() + index.len() + WASM.len() + "<svg/>".len()
    );
    assert!(
        done.br < done.raw / 3 && done.gzip < done.raw / 2,
        "{done:?}"
    );
}

#[test]
fn floor_page() {
    let s = start();
    let mut c = s.client();
    let r = c.fetch(
        "GET",
        "/__sandbox/floor/2026112014035297833261",
        &[("Accept-Encoding", CHROME)],
    );
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(r.header("content-encoding"), Some("br"));
    let html = String::from_utf8(unbrotli(&r.body)).unwrap();
    assert!(html.contains(r#"data-testid="amount-now""#));
    assert!(html.contains("/Repay/loanDetail"));
    let r = c.get("/__sandbox/floor/2026112014035297833261");
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.text(), html);
}

#[test]
fn index_carries_the_builds_csp() {
    let policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
    let dir = dist("csp", false);
    let s = serving(dir.clone());
    let mut c = s.client();
    assert_eq!(c.get("/").header("content-security-policy"), None);
    std::fs::write(dir.join("csp.txt"), format!("{policy}\n")).unwrap();
    for path in ["/", "/index.html", "/repay/1"] {
        let r = c.get(path);
        assert_index(&r);
        assert_eq!(r.header("content-security-policy"), Some(policy), "{path}");
    }
    let r = c.get("/pkg/cashgo-web-0123456789abcdef.js");
    assert_eq!(r.header("content-security-policy"), None);
}
