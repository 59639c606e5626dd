//! `GET /__sandbox/floor/{oid}`: the benchmark's floor, a hand-written page
//! that shows the amount due with one API call and no framework
//! (`end2end/bench/floor.html`). The route compresses it as the app's files
//! are (brotli at its best quality, tower-http's `CompressionLayer`).

use super::NO_CACHE;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use tower_http::compression::{CompressionLayer, CompressionLevel};

pub async fn floor_page() -> Response {
    (
        [(header::CACHE_CONTROL, NO_CACHE)],
        Html(include_str!("../../../end2end/bench/floor.html")),
    )
        .into_response()
}

/// Brotli (else gzip) at the quality the build's precompressed files get.
pub fn compression() -> CompressionLayer {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Best)
}
