//! The built app (`--dist`) under `--base`, served as README "Deployment"
//! tells operators to, and as `deploy/nginx/cashgo.conf` does:
//!
//! - the build's precompressed files (`x.wasm.br`, `x.wasm.gz` beside each
//!   file, written by `scripts/postbuild.py`) through tower-http's
//!   [`ServeDir`]: brotli or gzip by `Accept-Encoding` (q-values honoured),
//!   `Range`, `HEAD`, `If-Modified-Since`;
//! - `Cache-Control: immutable` for the names Trunk hashed ([`hashed`]),
//!   `no-cache` for the rest, with the build's Content-Security-Policy
//!   (`csp.txt`) on `index.html` and the SPA fallback (every other path
//!   under `--base` is a route of the app);
//! - the server edge as nginx draws it: a path that climbs out with `..`
//!   (plain or `%2e%2e`) or holds a NUL is a 400, an over-long address a
//!   414, a method other than GET or HEAD a 405; nothing outside `--dist`
//!   is ever read.
//!
//! This module draws the edge and picks the service; [`files`] serves the
//! build (hashed files, the others, the SPA fallback). Without `--dist`: a
//! generated `config.json` ([`config`]) and an info page ([`info`]). The
//! benchmark's floor page is [`floor`]; CSP reports for the smoke suite
//! are [`csp_reports`].

pub mod config;
pub mod csp_reports;
mod files;
pub mod floor;
pub mod hashed;
pub mod info;

pub use floor::floor_page;
pub use hashed::is_hashed;

use crate::state::Shared;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};

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

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

/// Longest request target served, as nginx's default header buffers (8 KB).
const MAX_TARGET: usize = 8 * 1024;

/// A path segment longer than this is no file of a build (file systems stop
/// at 255 bytes, and `ServeDir` also tries the name plus `.br`): it is a
/// route of the app, answered with `index.html` as nginx does.
const MAX_FILE_NAME: usize = 240;

pub fn is_api_path(path: &str) -> bool {
    API_PREFIXES.iter().any(|p| path.starts_with(p))
}

fn status(code: StatusCode) -> Response {
    (code, code.canonical_reason().unwrap_or_default()).into_response()
}

/// Everything no route claimed: the app's files and routes, or an error.
pub async fn fallback(State(app): State<Shared>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut res = status(StatusCode::METHOD_NOT_ALLOWED);
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let target_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if target_len > MAX_TARGET {
        return status(StatusCode::URI_TOO_LONG);
    }
    let path = req.uri().path().to_owned();
    if is_api_path(&path) {
        return status(StatusCode::NOT_FOUND);
    }
    let base = app.settings.base.as_str();
    if base != "/" && (path == "/" || path == base.trim_end_matches('/')) {
        return Redirect::permanent(base).into_response();
    }
    let Some(rest) = path.strip_prefix(base) else {
        return status(StatusCode::NOT_FOUND);
    };
    let Ok(decoded) = percent_encoding::percent_decode_str(rest).decode_utf8() else {
        return status(StatusCode::BAD_REQUEST);
    };
    if decoded.contains('\0') || decoded.split('/').any(|s| s == "..") {
        return status(StatusCode::BAD_REQUEST);
    }
    let Some(dist) = app.settings.dist.clone() else {
        return match decoded.as_ref() {
            "config.json" => config::generated(&app),
            "" | "index.html" => info::page(&app).into_response(),
            _ => status(StatusCode::NOT_FOUND),
        };
    };
    if decoded == "config.json" && !dist.join("config.json").is_file() {
        return config::generated(&app);
    }
    let name = decoded.rsplit('/').next().unwrap_or_default();
    let route_only = decoded.split('/').any(|s| s.len() > MAX_FILE_NAME);
    let hashed = !route_only && is_hashed(name);
    // ServeDir looks the path up under `dist`: without the base.
    let req = with_path(req, &format!("/{rest}"));
    if hashed {
        files::hashed(&dist, req).await
    } else {
        files::app(&dist, req, route_only, &app).await
    }
}

/// `req` asking for `path` (a path under `--dist`, still percent-encoded)
/// instead, its query kept.
fn with_path(req: Request, path: &str) -> Request {
    let (mut parts, body) = req.into_parts();
    let target = match parts.uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    };
    if let Ok(uri) = target.parse::<Uri>() {
        parts.uri = uri;
    }
    Request::from_parts(parts, body)
}
