//! What the browser around the app can do.
//!
//! Borrowers often open the app inside the lender's native app, in an
//! Android WebView or an iOS WKWebView. There, popups, downloads, Web Share,
//! the Contact Picker and clipboard permission are absent or silently do
//! nothing (a WebView only downloads when its app wired a listener, and a
//! `blob:` address never reaches Android's download manager). Features that
//! need one of them ask here first and fall back to something that works in
//! a WebView: a same-page link, copying, typing.

pub use cashgo_core::browser::{classify, Browser};

/// The browser's user agent string (empty when it can't be read).
fn user_agent() -> String {
    web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Whether the app runs inside a native app's WebView.
pub fn in_webview() -> bool {
    classify(&user_agent()) == Browser::WebView
}

/// Whether the browser offers the Contact Picker API
/// (`navigator.contacts.select`, Chrome on Android): never in a WebView,
/// where Chromium leaves it out.
pub fn has_contact_picker() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let has = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::has(target, &name.into()).unwrap_or(false)
    };
    let contacts = js_sys::Reflect::get(&window.navigator(), &"contacts".into())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    contacts.is_object()
        && has(&contacts, "select")
        && has(&window, "ContactsManager")
        && !in_webview()
}
