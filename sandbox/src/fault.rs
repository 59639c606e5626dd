//! The fault switch (`/__sandbox/fault`): make the next requests to a path
//! fail the ways a real deployment fails (an error page, a proxy's 502, the
//! PHP login redirect, an expired session, a cut or dropped connection, a
//! slow reply), so the app's handling of each can be tested.
//!
//! A fault is armed for an exact request path (no query) and a number of
//! requests; each matching request uses one up. Any path but `/__sandbox/…`
//! can be armed: the 17 API paths, the gateway's, the app's own files
//! (`/config.json`, …). Some kinds run the handler first (its effect happens,
//! the client just never learns of it); the others answer in its place.

use crate::state::Shared;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// How an armed request fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// HTTP 500 with an HTML error page; the handler does not run.
    Http500,
    /// HTTP 502 with a proxy's HTML page; the handler does not run.
    Http502,
    /// HTTP 200 with the PHP login page (HTML); the handler does not run.
    LoginPage,
    /// HTTP 200 `{"status":-100,"message":"请先登录","data":""}`; the
    /// handler does not run.
    Expired,
    /// HTTP 401 `{"status":401,"message":"Unauthorized"}`; the handler does
    /// not run.
    Http401,
    /// The handler runs; its body is cut to the first half.
    Truncated,
    /// The handler runs; the connection ends in the middle of its reply.
    Drop,
    /// The connection ends in the middle of a reply; the handler does not
    /// run.
    DropBefore,
    /// The handler runs; its reply is held `ms` milliseconds.
    Slow,
}

impl FaultKind {
    pub const ALL: [FaultKind; 9] = [
        FaultKind::Http500,
        FaultKind::Http502,
        FaultKind::LoginPage,
        FaultKind::Expired,
        FaultKind::Http401,
        FaultKind::Truncated,
        FaultKind::Drop,
        FaultKind::DropBefore,
        FaultKind::Slow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FaultKind::Http500 => "http500",
            FaultKind::Http502 => "http502",
            FaultKind::LoginPage => "login-page",
            FaultKind::Expired => "expired",
            FaultKind::Http401 => "http401",
            FaultKind::Truncated => "truncated",
            FaultKind::Drop => "drop",
            FaultKind::DropBefore => "drop-before",
            FaultKind::Slow => "slow",
        }
    }

    pub fn parse(name: &str) -> Option<FaultKind> {
        FaultKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether the real handler runs (and its effect happens).
    pub fn runs_handler(self) -> bool {
        matches!(
            self,
            FaultKind::Truncated | FaultKind::Drop | FaultKind::Slow
        )
    }
}

/// `ms` when `slow` is armed without it.
pub const DEFAULT_SLOW_MS: u64 = 40_000;

/// An armed fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The request path it applies to, exactly (no query).
    pub path: String,
    pub kind: FaultKind,
    /// Requests left.
    pub times: u64,
    /// How long `slow` holds the reply.
    pub ms: u64,
}

impl Fault {
    pub fn json(&self) -> Value {
        let mut v = json!({ "path": self.path, "kind": self.kind.name(), "times": self.times });
        if self.kind == FaultKind::Slow {
            v["ms"] = json!(self.ms);
        }
        v
    }
}

/// A fault that fired, in firing order (`faults_fired` of the state).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    pub path: String,
    pub kind: FaultKind,
}

impl Fired {
    pub fn json(&self) -> Value {
        json!({ "path": self.path, "kind": self.kind.name() })
    }
}

/// Paths that can never be armed: the switch itself and its siblings.
pub fn armable(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("/__sandbox/")
}

/// Use up one request of the fault armed for `path`, if any.
fn take(app: &Shared, path: &str) -> Option<Fault> {
    if !armable(path) {
        return None;
    }
    let mut world = app.world();
    let i = world.faults.iter().position(|f| f.path == path)?;
    let fault = world.faults[i].clone();
    if fault.times <= 1 {
        world.faults.remove(i);
    } else {
        world.faults[i].times -= 1;
    }
    world.faults_fired.push(Fired {
        path: fault.path.clone(),
        kind: fault.kind,
    });
    Some(fault)
}

/// Middleware: apply the fault armed for the request's path, if any.
///
/// `drop` and `drop-before` cut the connection in the middle of a reply
/// (its head and first bytes are out), not before it: browsers silently
/// resend a request whose kept-alive (or pre-opened) connection closes
/// before any byte of a reply, so a cut there would reach the handler twice
/// and show the page the resend's success. Once a reply has begun nothing
/// is resent, and the page's read of the body fails like a lost connection.
pub async fn apply(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let Some(fault) = take(&app, req.uri().path()) else {
        return next.run(req).await;
    };
    match fault.kind {
        FaultKind::Http500 => html(StatusCode::INTERNAL_SERVER_ERROR, SERVER_ERROR_PAGE),
        FaultKind::Http502 => html(StatusCode::BAD_GATEWAY, BAD_GATEWAY_PAGE),
        FaultKind::LoginPage => html(StatusCode::OK, crate::routes::auth::LOGIN_PAGE),
        FaultKind::Expired => json_reply(
            StatusCode::OK,
            r#"{"status":-100,"message":"请先登录","data":""}"#,
        ),
        FaultKind::Http401 => json_reply(
            StatusCode::UNAUTHORIZED,
            r#"{"status":401,"message":"Unauthorized"}"#,
        ),
        FaultKind::Truncated => {
            let (mut parts, body) = next.run(req).await.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            parts
                .headers
                .insert(header::CONTENT_LENGTH, half.len().into());
            Response::from_parts(parts, Body::from(half))
        }
        FaultKind::Drop => {
            // The handler's reply (and its effect) is complete before the
            // connection goes.
            let _ = next.run(req).await;
            severed()
        }
        FaultKind::DropBefore => drain_and_sever(req).await,
        FaultKind::Slow => {
            let res = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(fault.ms)).await;
            res
        }
    }
}

/// Most of a request body `drop-before` reads before closing.
const DRAIN_LIMIT: usize = 3 * crate::MAX_UPLOAD_BYTES;

/// Close the connection without a reply, after reading the request body
/// (closing with unread bytes makes the kernel send a reset instead of a
/// plain close).
async fn drain_and_sever(req: Request) -> Response {
    let _ = axum::body::to_bytes(req.into_body(), DRAIN_LIMIT).await;
    severed()
}

fn html(status: StatusCode, page: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

fn json_reply(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A reply cut short: its head and the first bytes of a body that claims
/// more, then the connection ends (hyper gives up on the connection when
/// the body fails). The pause lets hyper flush what it has first.
fn severed() -> Response {
    let mut res = Response::new(Body::new(Severed {
        started: false,
        pause: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
    }));
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("4096"));
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

const SEVERED_START: &[u8] = br#"{"status":200,"message":""#;

struct Severed {
    started: bool,
    pause: Pin<Box<tokio::time::Sleep>>,
}

impl http_body::Body for Severed {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        if !self.started {
            self.started = true;
            return Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from_static(
                SEVERED_START,
            )))));
        }
        match self.pause.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "sandbox fault: connection dropped",
            )))),
        }
    }
}

const SERVER_ERROR_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>500 Internal Server Error</title></head>
<body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>
<hr>
<address>Apache/2.4.41 (Ubuntu) Server at api.cashgo.example Port 443</address>
</body>
</html>
"#;

const BAD_GATEWAY_PAGE: &str = "<html>\r
<head><title>502 Bad Gateway</title></head>\r
<body>\r
<center><h1>502 Bad Gateway</h1></center>\r
<hr><center>nginx</center>\r
</body>\r
</html>\r
";
