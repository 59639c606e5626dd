//! The built app (`--dist`) under `--base`: static files, SPA fallback to
//! `index.html`, a generated `config.json` when the app ships none.

use crate::seed;
use crate::state::Shared;
use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::path::{Path, PathBuf};

/// Paths that belong to the API (always at the origin root), never the app.
const API_PREFIXES: &[&str] = &[
    "/Index/",
    "/Repay/",
    "/Loan/",
    "/Info/",
    "/Feedback/",
    "/Contact/",
    "/Public/",
    "/gateway/",
    "/__sandbox/",
];

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

pub fn is_api_path(path: &str) -> bool {
    API_PREFIXES.iter().any(|p| path.starts_with(p))
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A content-hashed name: `-<16+ hex digits>` right before the extension
/// (or before `_bg`-style suffixes, as Trunk writes `app-<hash>_bg.wasm`).
pub fn is_hashed(file_name: &str) -> bool {
    let bytes = file_name.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        if *b != b'-' {
            return false;
        }
        let run = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        let end = i + 1 + run;
        run >= 16 && end < bytes.len() && matches!(bytes[end], b'.' | b'_')
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A relative path inside the app folder, refusing `..` and the like.
fn safe_relative(rel: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') || p.contains('\0') || p.contains(':') => return None,
            p => out.push(p),
        }
    }
    Some(out)
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>"),
    )
        .into_response()
}

async fn file_response(path: &Path, cache: &'static str) -> Option<Response> {
    let bytes = tokio::fs::read(path).await.ok()?;
    let name = path.to_string_lossy();
    Some(
        (
            [
                (header::CONTENT_TYPE, content_type(&name)),
                (header::CACHE_CONTROL, cache),
            ],
            bytes,
        )
            .into_response(),
    )
}

fn generated_config(app: &Shared) -> Response {
    let body = serde_json::json!({
        "apiBase": "",
        "currency": "MXN",
        "serverUtcOffsetMinutes": app.offset(),
        "defaultLocale": "es",
    });
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, NO_CACHE),
        ],
        body.to_string(),
    )
        .into_response()
}

/// Everything no route claimed: the app's files and routes, or 404.
pub async fn fallback(State(app): State<Shared>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return not_found();
    }
    let path = uri.path();
    if is_api_path(path) {
        return not_found();
    }
    let base = app.settings.base.as_str();
    if base != "/" && (path == "/" || path == base.trim_end_matches('/')) {
        return Redirect::to(base).into_response();
    }
    let Some(rel) = path
        .strip_prefix(base)
        .and_then(percent_decode)
        .and_then(|r| safe_relative(&r))
    else {
        return not_found();
    };
    let rel_str = rel.to_string_lossy().replace('\\', "/");
    let Some(dist) = &app.settings.dist else {
        return match rel_str.as_str() {
            "config.json" => generated_config(&app),
            "" | "index.html" => info_page(&app).into_response(),
            _ => not_found(),
        };
    };
    if rel_str == "config.json" {
        return match file_response(&dist.join(&rel), NO_CACHE).await {
            Some(res) => res,
            None => generated_config(&app),
        };
    }
    let file = dist.join(&rel);
    if !rel_str.is_empty() && rel_str != "index.html" && file.is_file() {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cache = if is_hashed(&name) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        if let Some(res) = file_response(&file, cache).await {
            return res;
        }
    }
    match file_response(&dist.join("index.html"), NO_CACHE).await {
        Some(res) => res,
        None => (
            StatusCode::NOT_FOUND,
            Html("<!DOCTYPE html><h1>index.html is missing from --dist</h1>"),
        )
            .into_response(),
    }
}

/// The page at `--base` when no `--dist` is given.
fn info_page(app: &Shared) -> Html<String> {
    let world = app.world();
    let rows: String = world
        .accounts
        .iter()
        .map(|a| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                a.username, a.password, a.state, a.loan.oid, a.loan.bill_id
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CashGo sandbox</title></head>\
         <body style=\"font-family:sans-serif\"><h1>CashGo sandbox</h1>\
         <p>No <code>--dist</code> given: only the API is served. Password for every account: <code>{}</code>.</p>\
         <table border=\"1\" cellpadding=\"4\"><tr><th>username</th><th>password</th><th>state</th><th>order number</th><th>bill id</th></tr>{rows}</table>\
         <p>Inspect: <a href=\"/__sandbox/state\">/__sandbox/state</a></p></body></html>",
        seed::PASSWORD
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("cashgo-web-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("cashgo-web-0123456789abcdef.js"));
        assert!(is_hashed("style-0123456789abcdef0123.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("cashgo-web-0123.js"));
        assert!(!is_hashed("logo-0123456789abcdefg.png"));
        assert!(!is_hashed("x-0123456789abcdef"));
    }

    #[test]
    fn safe_paths() {
        assert!(safe_relative("a/../b").is_none());
        assert_eq!(safe_relative("pkg//a.js"), Some(PathBuf::from("pkg/a.js")));
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert!(percent_decode("%zz").is_none());
    }
}
