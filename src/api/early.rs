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

/// `index.html`'s early script is a JavaScript twin of the route table and
/// of the requests `api` sends for the first reads: if they drift apart,
/// the early read is silently wasted (the app asks again). These checks
/// read the script and fail when it no longer matches the Rust constants.
#[cfg(test)]
mod tests {
    use crate::routes::AppRoute;
    use cashgo_core::endpoints::{self, ACCEPT, AJAX, FORM_TYPE};
    use cashgo_core::form::form_body;
    use cashgo_core::OrderNo;

    /// The inline script that sets `__cashgoEarly`.
    fn script() -> String {
        let html = include_str!("../../index.html");
        let at = html
            .find("__cashgoEarly")
            .expect("index.html sets __cashgoEarly");
        let start = html[..at].rfind("<script>").expect("in an inline script");
        let end = at + html[at..].find("</script>").expect("closed");
        html[start..end].to_owned()
    }

    fn js_string(text: &str) -> String {
        format!("\"{text}\"")
    }

    /// The script's route pattern: `/^\/(repay|extend)\/([A-Za-z0-9_-]{1,64})$/`,
    /// as (page names, character class, longest order number).
    fn route_pattern(script: &str) -> (Vec<String>, String, usize) {
        let start = script.find("/^\\/(").expect("the route regex") + "/^\\/(".len();
        let rest = &script[start..];
        let (pages, rest) = rest.split_once(")\\/([").expect("pages then the oid");
        let (class, rest) = rest.split_once("]{1,").expect("a class then {1,N}");
        let (max, _) = rest.split_once('}').expect("{1,N}");
        (
            pages.split('|').map(str::to_owned).collect(),
            class.to_owned(),
            max.parse().expect("a number"),
        )
    }

    /// Whether `c` is in a regex class such as `A-Za-z0-9_-`.
    fn in_class(class: &str, c: char) -> bool {
        let chars: Vec<char> = class.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if i + 2 < chars.len() && chars[i + 1] == '-' {
                if (chars[i]..=chars[i + 2]).contains(&c) {
                    return true;
                }
                i += 3;
            } else {
                if chars[i] == c {
                    return true;
                }
                i += 1;
            }
        }
        false
    }

    #[test]
    fn the_route_pattern_is_the_route_table() {
        let (pages, class, max) = route_pattern(&script());
        assert_eq!(pages, ["repay", "extend"]);
        let oid = OrderNo::new("2023051914035297833260").unwrap();
        assert_eq!(AppRoute::Repay(oid.clone()).path(), format!("/repay/{oid}"));
        assert_eq!(
            AppRoute::Extend(oid.clone()).path(),
            format!("/extend/{oid}")
        );
        // The script's order numbers are exactly the app's.
        for c in (0u8..=127).map(char::from).chain(['ñ', '€']) {
            assert_eq!(
                in_class(&class, c),
                OrderNo::new(&c.to_string()).is_some(),
                "{c:?}"
            );
        }
        assert!(OrderNo::new(&"1".repeat(max)).is_some());
        assert!(OrderNo::new(&"1".repeat(max + 1)).is_none());
    }

    #[test]
    fn the_reads_are_the_apps_requests() {
        let script = script();
        // What `api::loan_detail`, `api::loan_delay` and `api::loans` send.
        for expected in [
            format!(
                "{} ? {} : {}",
                "o[1] == \"repay\"",
                js_string(endpoints::LOAN_DETAIL),
                js_string(endpoints::LOAN_DELAY)
            ),
            format!(
                "b: {} + o[2]",
                js_string(&format!("{}=", endpoints::ORDER_FIELD))
            ),
            "{ m: \"POST\", u: api + (o[1]".to_owned(),
            format!(
                "{{ m: \"GET\", u: api + {}, b: \"\" }}",
                js_string(endpoints::LOANS)
            ),
        ] {
            assert!(script.contains(&expected), "index.html lacks {expected}");
        }
        // An order number goes in the body as it is: nothing to escape.
        let oid = "AZaz09_-";
        assert_eq!(
            form_body(&[(endpoints::ORDER_FIELD, oid)]),
            format!("{}={oid}", endpoints::ORDER_FIELD)
        );
    }

    #[test]
    fn headers_and_timeouts_are_the_transports() {
        let script = script();
        for expected in [
            format!("{}: {}", ACCEPT.0, js_string(ACCEPT.1)),
            format!("{}: {}", js_string(AJAX.0), js_string(AJAX.1)),
            format!("h[{}] = {}", js_string(FORM_TYPE.0), js_string(FORM_TYPE.1)),
            format!("k.b, {}, \"no-store\"", endpoints::TIMEOUT_MS),
            format!(
                "\"GET\", \"\", {}, \"default\"",
                endpoints::START_TIMEOUT_MS
            ),
            "credentials: \"include\"".to_owned(),
        ] {
            assert!(script.contains(&expected), "index.html lacks {expected}");
        }
    }
}
