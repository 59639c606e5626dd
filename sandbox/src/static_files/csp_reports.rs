//! `/__sandbox/csp-reports`: what browsers reported breaking the build's
//! Content-Security-Policy, for the smoke suite (`end2end/smoke/`), which
//! drives engines that can't hand a test the page's own events from its
//! first byte (WebKitWebDriver has no preload scripts).
//!
//! With `--csp-report-uri URI` the sandbox sends, beside the enforced
//! policy, the very same policy as `Content-Security-Policy-Report-Only`
//! with `report-uri URI`: every violation of the enforced policy is also a
//! violation of the copy, and the browser posts it here. Production sends
//! no such header; nginx gets it from a test-only include (scripts/test).
//!
//! `POST` stores a report (`application/csp-report` JSON), `GET` lists
//! those stored, `DELETE` forgets them.

use crate::state::Shared;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;

/// Reports kept at most (a runaway page can't fill the memory).
const MAX_REPORTS: usize = 1000;

pub async fn post(State(app): State<Shared>, body: Bytes) -> StatusCode {
    let report = serde_json::from_slice(&body)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&body).into()));
    let mut reports = app.csp_reports.lock().unwrap_or_else(|p| p.into_inner());
    if reports.len() < MAX_REPORTS {
        reports.push(report);
    }
    StatusCode::NO_CONTENT
}

pub async fn list(State(app): State<Shared>) -> Json<Vec<serde_json::Value>> {
    Json(
        app.csp_reports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone(),
    )
}

pub async fn clear(State(app): State<Shared>) -> StatusCode {
    app.csp_reports
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clear();
    StatusCode::NO_CONTENT
}
