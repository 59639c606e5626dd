//! Addresses, read and changed through the browser's own WHATWG parser
//! (`URL`, `URLSearchParams`): no URL parsing of our own in the wasm, and
//! the same reading of an address as the browser's. Two things stay in
//! Rust because the decoders that use them run in native unit tests and the
//! fuzzer: `SafeUrl`'s allow-list and the upload path (`cashgo_core`). The
//! one encoder we keep is the wire's form body (`cashgo_core::form`).

use wasm_bindgen::JsValue;
use web_sys::{Url, UrlSearchParams};

/// The page's address.
fn page() -> Option<Url> {
    Url::new(&web_sys::window()?.location().href().ok()?).ok()
}

/// A parameter of the page's query (`?lang=en` → `"en"`), decoded.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Sets a parameter the page's address already has to `value` (last in
/// the query), without a navigation: a reload then keeps it.
pub fn replace_query_param(name: &str, value: &str) {
    let Some(url) = page() else { return };
    let params = url.search_params();
    if !params.has(name) {
        return;
    }
    params.delete(name);
    params.append(name, value);
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// Every value of `name` in a urlencoded `form`, in order.
pub fn form_values(form: &str, name: &str) -> Vec<String> {
    UrlSearchParams::new_with_str(form)
        .map(|params| {
            params
                .get_all(name)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The path of `url`, read relative to the page (`https://h/a/b?c` →
/// `/a/b`).
pub fn path(url: &str) -> Option<String> {
    let page = page()?;
    Some(Url::new_with_base(url, &page.href()).ok()?.pathname())
}

/// The origin (`scheme://host[:port]`) of `url`, read relative to the page:
/// the page's own for `""` or a path.
pub fn origin(url: &str) -> Option<String> {
    let page = page()?;
    Some(Url::new_with_base(url, &page.href()).ok()?.origin())
}
