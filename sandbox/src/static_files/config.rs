//! `config.json` when the build ships none: the sandbox's own settings.

use super::NO_CACHE;
use crate::state::Shared;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The app's runtime configuration as this sandbox runs: API at the same
/// origin, pesos, the server's time zone, Spanish by default.
pub fn generated(app: &Shared) -> Response {
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
