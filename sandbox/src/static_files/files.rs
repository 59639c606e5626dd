//! The build's files through tower-http's `ServeDir` (with the build's
//! precompressed `.br`/`.gz`), their headers set by `SetResponseHeader`:
//! hashed files cached for a year, everything else `no-cache`, and every
//! path that is no file answered with `index.html` (the SPA fallback), which
//! carries the build's Content-Security-Policy.

use super::{IMMUTABLE, NO_CACHE};
use crate::state::Shared;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// A file Trunk hashed: cached for a year; missing, a 404 (never the app's
/// page in its place, which a browser would keep for a year).
pub async fn hashed(dist: &Path, req: Request) -> Response {
    let files = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            |res: &Response<_>| {
                matches!(res.status().as_u16(), 200 | 206 | 304)
                    .then(|| HeaderValue::from_static(IMMUTABLE))
            },
        ))
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .service(precompressed(ServeDir::new(dist)));
    match files.oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}

/// Any other file of the build, `index.html` at the app's root, and
/// `index.html` for every path that is no file (the app's routes):
/// `no-cache`, and the build's policy on HTML.
pub async fn app(dist: &Path, req: Request, route_only: bool, app: &Shared) -> Response {
    let csp = policy(dist).await;
    let report_only = app
        .settings
        .csp_report_uri
        .as_deref()
        .zip(csp.as_deref())
        .and_then(|(uri, p)| HeaderValue::from_str(&format!("{p}; report-uri {uri}")).ok());
    let csp = csp.and_then(|p| HeaderValue::from_str(&p).ok());
    let on_html = |value: Option<HeaderValue>| {
        move |res: &Response<_>| {
            let html = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|t| t.to_str().ok())
                .is_some_and(|t| t.starts_with("text/html"));
            value.clone().filter(|_| html)
        }
    };
    let layers = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(NO_CACHE),
        ))
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            on_html(csp),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY_REPORT_ONLY,
            on_html(report_only),
        ));
    let index = precompressed_file(ServeFile::new(dist.join("index.html")));
    let res = if route_only {
        layers.service(index).oneshot(req).await
    } else {
        let files = precompressed(ServeDir::new(dist))
            // A folder (`/public`) is no page: the app's routes decide.
            .append_index_html_on_directories(false)
            .fallback(index);
        layers.service(files).oneshot(req).await
    };
    match res {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}

fn precompressed<F>(dir: ServeDir<F>) -> ServeDir<F> {
    dir.precompressed_br().precompressed_gzip()
}

fn precompressed_file(file: ServeFile) -> ServeFile {
    file.precompressed_br().precompressed_gzip()
}

/// The build's Content-Security-Policy (`csp.txt` beside `index.html`,
/// written by `scripts/csp.py` after each Trunk build), read per request so
/// a rebuilt `dist/` is served with its own; without the file, none.
async fn policy(dist: &Path) -> Option<String> {
    let text = tokio::fs::read_to_string(dist.join("csp.txt")).await.ok()?;
    Some(text.trim().to_owned()).filter(|p| !p.is_empty())
}
