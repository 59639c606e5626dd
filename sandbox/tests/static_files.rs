//! The built app under `--base`: the build's precompressed files, the cache
//! rule for hashed names of every length Trunk writes, the SPA fallback with
//! the build's CSP, `config.json`, the server edge (bad paths, ranges, HEAD,
//! q-values), the floor page, CSP reports and the CLI. The same edge cases
//! run against a real sandbox and nginx in scripts/test (end2end/smoke/edge.mjs).

mod common;

use common::*;
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

const INDEX: &str = "<!DOCTYPE html><html><head><title>app</title></head><body>app</body></html>";
/// 15 hex digits: the one build in sixteen whose seahash starts with a 0.
const JS: &str = "/cashgo-web-b1c8b7bfa1555b4.js";
/// 16 hex digits, the usual length.
const WASM: &str = "/cashgo-web-0123456789abcdef_bg.wasm";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const CHROME: &str = "gzip, deflate, br, zstd";

fn js_body() -> Vec<u8> {
    (0..400)
        .map(|i| format!("export function f{i}(a) {{ return a + {i}; }}\n"))
        .collect::<String>()
        .into_bytes()
}

fn wasm_body() -> Vec<u8> {
    let mut w = b"\0asm\x01\0\0\0".to_vec();
    w.extend((0..4000u32).map(|i| (i % 7) as u8));
    w
}

fn brotli(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams::default();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).unwrap();
    out
}

fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(raw).unwrap();
    e.finish().unwrap()
}

fn unbrotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &body[..], &mut out).expect("valid brotli");
    out
}

fn ungzip(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

/// A file of the build with its `.br` and `.gz` beside it, as
/// scripts/postbuild.py writes them.
fn write_precompressed(dir: &std::path::Path, rel: &str, raw: &[u8]) {
    let path = dir.join(rel.trim_start_matches('/'));
    std::fs::write(&path, raw).unwrap();
    std::fs::write(format!("{}.br", path.display()), brotli(raw)).unwrap();
    std::fs::write(format!("{}.gz", path.display()), gzip(raw)).unwrap();
}

/// A build in its own folder, with a file beside that folder (`secret.txt`)
/// that must never be served.
fn dist(name: &str, with_config: bool) -> PathBuf {
    let top = std::env::temp_dir().join(format!("cashgo-sandbox-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&top);
    let dir = top.join("dist");
    std::fs::create_dir_all(dir.join("public")).unwrap();
    std::fs::write(top.join("secret.txt"), "outside dist").unwrap();
    write_precompressed(&dir, "index.html", INDEX.as_bytes());
    write_precompressed(&dir, JS, &js_body());
    write_precompressed(&dir, WASM, &wasm_body());
    std::fs::write(dir.join("public/favicon.svg"), "<svg/>").unwrap();
    std::fs::write(dir.join("logo.png"), PNG).unwrap();
    if with_config {
        std::fs::write(dir.join("config.json"), r#"{"apiBase":"/api"}"#).unwrap();
    }
    dir
}

fn serving(dist: PathBuf) -> Server {
    start_with(cashgo_sandbox::Settings {
        dist: Some(dist),
        ..settings()
    })
}

/// What one reply must carry: status, type, cache rule, encoding.
struct Expect<'a> {
    status: u16,
    content_type: &'a str,
    cache: Option<&'a str>,
    encoding: Option<&'a str>,
}

impl Expect<'_> {
    fn check(&self, r: &Resp, what: &str) {
        assert_eq!(r.status, self.status, "{what}: status");
        let ct = r.header("content-type").unwrap_or_default();
        assert!(ct.starts_with(self.content_type), "{what}: type {ct}");
        assert_eq!(r.header("cache-control"), self.cache, "{what}: cache");
        assert_eq!(
            r.header("content-encoding"),
            self.encoding,
            "{what}: encoding"
        );
    }
}

const PAGE: Expect = Expect {
    status: 200,
    content_type: "text/html",
    cache: Some("no-cache"),
    encoding: None,
};

fn assert_index(r: &Resp, what: &str) {
    PAGE.check(r, what);
    assert_eq!(r.text(), INDEX, "{what}");
}

#[test]
fn spa_at_root() {
    let s = serving(dist("root", false));
    let mut c = s.client();
    for path in [
        "/",
        "/index.html",
        "/login",
        "/repay/2026112014035297833261",
        "/extend/1?lang=en",
        "/public",
        "/no/such/page",
        "/missing.js",
    ] {
        assert_index(&c.get(path), path);
    }
    let r = c.get("/public/favicon.svg");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));

    let r = c.get("/config.json");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(
        r.json(),
        json!({"apiBase":"","currency":"MXN","serverUtcOffsetMinutes":480,"defaultLocale":"es"})
    );
    // API paths never fall back to the app, and the API is still there.
    assert_eq!(c.get("/Repay/nothing").status, 404);
    assert_eq!(c.get("/__sandbox/nothing").status, 404);
    assert_eq!(c.get("/Index/languages").json()["status"], 200);
}

#[test]
fn hashed_names_of_every_length_are_immutable() {
    let s = serving(dist("hashed", false));
    let mut c = s.client();
    let js = Expect {
        status: 200,
        content_type: "text/javascript",
        cache: Some(IMMUTABLE),
        encoding: None,
    };
    js.check(&c.get(JS), "15-digit hash");
    assert_eq!(c.get(JS).body, js_body());
    let wasm = Expect {
        content_type: "application/wasm",
        ..js
    };
    wasm.check(&c.get(WASM), "16-digit hash");
    // A hashed name that isn't there: a 404, not the app's page kept a year.
    let r = c.get("/cashgo-web-0000000000000000.js");
    assert_eq!(r.status, 404);
    assert_eq!(r.header("cache-control"), None);
    // Not hashed: revalidated.
    let r = c.get("/logo.png");
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
}

#[test]
fn the_builds_precompressed_files_by_accept_encoding() {
    let s = serving(dist("compress", false));
    let mut c = s.client();
    let varies = |r: &Resp| {
        r.header("vary")
            .is_some_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    };
    for (accept, encoding) in [
        (Some(CHROME), Some("br")),
        (Some("br;q=0.5, gzip"), Some("gzip")),
        (Some("gzip;q=0.8, br;q=0.9"), Some("br")),
        (Some("br;q=0, gzip;q=0.5"), Some("gzip")),
        (Some("gzip"), Some("gzip")),
        (Some("br;q=0, gzip;q=0"), None),
        (Some("identity"), None),
        (Some("deflate"), None),
        (None, None),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("Accept-Encoding", a)).into_iter().collect();
        let r = c.fetch("GET", JS, &headers);
        Expect {
            status: 200,
            content_type: "text/javascript",
            cache: Some(IMMUTABLE),
            encoding,
        }
        .check(&r, &format!("{accept:?}"));
        assert!(varies(&r), "{accept:?}");
        let body = match encoding {
            Some("br") => unbrotli(&r.body),
            Some(_) => ungzip(&r.body),
            None => r.body.clone(),
        };
        assert_eq!(body, js_body(), "{accept:?}");
    }
    // index.html and the SPA fallback: brotli too, still no-cache.
    for p in ["/", "/repay/1"] {
        let r = c.fetch("GET", p, &[("Accept-Encoding", CHROME)]);
        Expect {
            encoding: Some("br"),
            ..PAGE
        }
        .check(&r, p);
        assert_eq!(unbrotli(&r.body), INDEX.as_bytes(), "{p}");
    }
    // An image is sent as it is.
    let r = c.fetch("GET", "/logo.png", &[("Accept-Encoding", CHROME)]);
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.body, PNG);
}

#[test]
fn head_and_ranges() {
    let s = serving(dist("range", false));
    let mut c = s.client();
    for path in [WASM, "/", "/repay/1"] {
        let get = c.fetch("GET", path, &[("Accept-Encoding", CHROME)]);
        let head = c.fetch("HEAD", path, &[("Accept-Encoding", CHROME)]);
        assert_eq!(head.status, 200, "{path}");
        assert!(head.body.is_empty(), "{path}");
        for h in ["content-type", "content-encoding", "cache-control"] {
            assert_eq!(head.header(h), get.header(h), "{path}: {h}");
        }
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str()),
            "{path}"
        );
    }
    let wasm = wasm_body();
    let r = c.fetch("GET", WASM, &[("Range", "bytes=0-99")]);
    assert_eq!(r.status, 206);
    assert_eq!(
        r.header("content-range"),
        Some(format!("bytes 0-99/{}", wasm.len()).as_str())
    );
    assert_eq!(r.body, wasm[..100]);
    let r = c.fetch("GET", WASM, &[("Range", &format!("bytes={}-", wasm.len()))]);
    assert_eq!(r.status, 416);
}

#[test]
fn bad_input_at_the_edge() {
    let dir = dist("edge", false);
    let s = serving(dir.clone());
    let mut c = s.client();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/public/%2E%2E/%2e%2e/secret.txt",
        "/public/..%2f..%2fsecret.txt",
        "/index.html%00.js",
        "/%00",
        "/%ff",
    ] {
        let r = c.get(path);
        assert_eq!(r.status, 400, "{path}");
        assert!(!r.text().contains("outside dist"), "{path}");
    }
    // A name no file system holds is a route of the app, as in nginx.
    let long = format!("/{}", "a".repeat(300));
    assert_index(&c.get(&long), "300-byte name");
    let long = format!("/{}{}", "a".repeat(250), &JS[1..]);
    assert_index(&c.get(&long), "hashed-looking 300-byte name");
    assert_eq!(c.get(&format!("/{}", "a/".repeat(5000))).status, 414);
    let r = c.request("POST", "/orders", None, b"");
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
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
    for path in ["/h5/", "/h5/login", "/h5/repay/123"] {
        assert_index(&c.get(path), path);
    }
    let r = c.get(&format!("/h5{WASM}"));
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(r.header("cache-control"), Some(IMMUTABLE));
    let r = c.get("/h5/config.json");
    assert_eq!(r.json(), json!({"apiBase":"/api"}));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    for path in ["/", "/h5"] {
        let r = c.get(path);
        assert!((301..=308).contains(&r.status), "{path}: {}", r.status);
        assert_eq!(r.header("location"), Some("/h5/"));
    }
    assert_eq!(c.get("/login").status, 404);
    assert_eq!(c.get("/h5/../secret.txt").status, 400);
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
    assert_eq!(c.get("/h5/app.js").status, 404);
}

#[test]
fn html_carries_the_builds_csp_and_its_report_only_copy() {
    let policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
    let dir = dist("csp", false);
    let s = start_with(cashgo_sandbox::Settings {
        dist: Some(dir.clone()),
        csp_report_uri: Some("/__sandbox/csp-reports".into()),
        ..settings()
    });
    let mut c = s.client();
    assert_eq!(c.get("/").header("content-security-policy"), None);
    std::fs::write(dir.join("csp.txt"), format!("{policy}\n")).unwrap();
    for path in ["/", "/index.html", "/repay/1"] {
        let r = c.get(path);
        assert_index(&r, path);
        assert_eq!(r.header("content-security-policy"), Some(policy), "{path}");
        assert_eq!(
            r.header("content-security-policy-report-only"),
            Some(format!("{policy}; report-uri /__sandbox/csp-reports").as_str()),
            "{path}"
        );
    }
    for path in [JS, "/public/favicon.svg"] {
        assert_eq!(
            c.get(path).header("content-security-policy"),
            None,
            "{path}"
        );
    }
    // Without --csp-report-uri (production's case): no report-only copy.
    let plain = serving(dir);
    let r = plain.client().get("/");
    assert_eq!(r.header("content-security-policy"), Some(policy));
    assert_eq!(r.header("content-security-policy-report-only"), None);
}

#[test]
fn csp_reports_are_kept_until_cleared() {
    let s = start();
    let mut c = s.client();
    assert_eq!(c.get("/__sandbox/csp-reports").json(), json!([]));
    let report =
        json!({"csp-report": {"violated-directive": "script-src", "blocked-uri": "inline"}});
    let r = c.request(
        "POST",
        "/__sandbox/csp-reports",
        Some("application/csp-report"),
        report.to_string().as_bytes(),
    );
    assert_eq!(r.status, 204);
    assert_eq!(c.get("/__sandbox/csp-reports").json(), json!([report]));
    assert_eq!(
        c.request("DELETE", "/__sandbox/csp-reports", None, b"")
            .status,
        204
    );
    assert_eq!(c.get("/__sandbox/csp-reports").json(), json!([]));
}

#[test]
fn floor_page() {
    let s = start();
    let mut c = s.client();
    let path = "/__sandbox/floor/2026112014035297833261";
    let r = c.fetch("GET", path, &[("Accept-Encoding", CHROME)]);
    Expect {
        encoding: Some("br"),
        ..PAGE
    }
    .check(&r, path);
    let html = String::from_utf8(unbrotli(&r.body)).unwrap();
    assert!(html.contains(r#"data-testid="amount-now""#));
    assert!(html.contains("/Repay/loanDetail"));
    let r = c.get(path);
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.text(), html);
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
    // Raw bytes, no client to tidy the path: `..` is refused on the wire too.
    let reply = raw(port, &raw_get("/h5/../../../../etc/passwd"));
    assert!(
        reply.starts_with(b"HTTP/1.1 400 "),
        "{}",
        String::from_utf8_lossy(&reply)
    );
    child.kill().unwrap();
    child.wait().unwrap();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cashgo-sandbox"))
        .args(["--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
