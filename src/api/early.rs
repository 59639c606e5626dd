//! The requests `index.html` starts while the page is still parsing
//! (`window.__cashgoEarly`): `config.json` and the page's first read. Each
//! is a promise that resolves (never rejects) to `{s, r, u, b}` (status,
//! redirected, final URL, body) or `{e: "timeout" | "offline"}`.
//!
//! A read is taken once, and only by the request it stands for (same
//! method, URL and body); anything else goes out as usual. Its failures come
//! back as the same [`ApiError`] variants a request of our own would give.

use super::transport::{self, is_login_url, Received};
use cashgo_core::ApiError;
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What `index.html` left for the app, if it ran.
fn early() -> Option<JsValue> {
    let window = web_sys::window()?;
    let early = Reflect::get(&window, &JsValue::from_str("__cashgoEarly")).ok()?;
    early.is_object().then_some(early)
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn string(object: &JsValue, name: &str) -> Option<String> {
    field(object, name)?.as_string()
}

/// The outcome of an early request, once it has settled.
async fn settled(promise: JsValue) -> Option<JsValue> {
    let promise = promise.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

/// The text of `config.json` from the request `index.html` started:
/// `None` if it didn't start one, `Some(None)` if that request failed.
pub(crate) async fn config() -> Option<Option<String>> {
    let promise = field(&early()?, "config")?;
    let reply = settled(promise).await;
    Some(reply.and_then(|reply| received(reply).ok()?.ok_text()))
}

/// `config.json` fetched by the app itself (a page without the early script).
pub(crate) async fn fetch_config(url: &str) -> Option<String> {
    let received = transport::send(
        gloo_net::http::Method::GET,
        url,
        transport::Body::Empty,
        cashgo_core::endpoints::START_TIMEOUT_MS,
    )
    .await
    .ok()?;
    received.ok_text()
}

/// The early read, if it is exactly this request and nobody took it yet.
pub(crate) async fn take(
    method: &str,
    url: &str,
    body: &str,
) -> Option<Result<Received, ApiError>> {
    let early = early()?;
    let read = field(&early, "read")?;
    let same =
        string(&read, "m")? == method && string(&read, "u")? == url && string(&read, "b")? == body;
    if !same {
        return None;
    }
    // Once only: a retry or a later visit to the page asks the server again.
    Reflect::set(&early, &JsValue::from_str("read"), &JsValue::NULL).ok()?;
    Some(received(settled(field(&read, "p")?).await?))
}

/// An early request's outcome as the transport would have given it: the
/// reply read to the end, or the same [`ApiError`] for a timeout or a
/// network failure.
fn received(reply: JsValue) -> Result<Received, ApiError> {
    match string(&reply, "e").as_deref() {
        Some("timeout") => Err(ApiError::Timeout),
        Some(_) => Err(ApiError::Offline),
        None => {
            let status = field(&reply, "s").and_then(|s| s.as_f64()).unwrap_or(0.0);
            let redirected = field(&reply, "r").and_then(|r| r.as_bool()) == Some(true);
            let final_url = string(&reply, "u").unwrap_or_default();
            Ok(Received {
                // HTTP statuses are 100..=599: the cast can't truncate one.
                status: status.clamp(0.0, 999.0) as u16,
                redirected_to_login: redirected && is_login_url(&final_url),
                body: string(&reply, "b").unwrap_or_default(),
            })
        }
    }
}
