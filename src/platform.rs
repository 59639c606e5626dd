//! What the browser around the app can do, and the one place the app
//! reaches for it: feature probes and calls the web-sys bindings don't
//! cover (share sheet, clipboard, Contact Picker), and timers.
//!
//! Borrowers often open the app inside the lender's native app, in an
//! Android WebView or an iOS WKWebView. There, popups, downloads, Web Share,
//! the Contact Picker and clipboard permission are absent or silently do
//! nothing (a WebView only downloads when its app wired a listener, and a
//! `blob:` address never reaches Android's download manager). Features that
//! need one of them ask here first and fall back to something that works in
//! a WebView: a same-page link, copying, typing.

pub use cashgo_core::browser::{classify, Browser};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

/// Runs the script at `path` (relative to the app's root, `/` or `/h5/`)
/// with these attributes, by adding a `<script>` to the page: for the
/// JavaScript only some phones need (the native bridge's half, the offline
/// page's sync), kept out of the wasm and the first load.
pub fn load_script(path: &str, attrs: &[(&str, &str)]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let src = format!("{}/{path}", crate::routes::router_base());
    let set = std::iter::once(("src", src.as_str()))
        .chain(attrs.iter().copied())
        .all(|(name, value)| script.set_attribute(name, value).is_ok());
    if let (true, Some(body)) = (set, document.body()) {
        let _ = body.append_child(&script);
    }
}

/// `target[name]`, `undefined` when it can't be read.
fn property(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Whether the browser offers the Contact Picker API
/// (`navigator.contacts.select`, Chrome on Android): never in a WebView,
/// where Chromium leaves it out.
pub fn has_contact_picker() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let contacts = property(&window.navigator(), "contacts");
    contacts.is_object()
        && Reflect::has(&contacts, &"select".into()).unwrap_or(false)
        && Reflect::has(&window, &"ContactsManager".into()).unwrap_or(false)
        && !in_webview()
}

/// The Contact Picker, opened: the people the borrower picks, once the
/// sheet closes.
pub struct ContactPicker(Promise);

impl ContactPicker {
    /// `navigator.contacts.select(["name", "tel"], {multiple: true})`.
    /// Called inside the tap, while the page holds user activation.
    pub fn open() -> Option<ContactPicker> {
        let contacts = property(&web_sys::window()?.navigator(), "contacts");
        let select = property(&contacts, "select").dyn_into::<Function>().ok()?;
        let properties = Array::of2(&"name".into(), &"tel".into());
        let options = Object::new();
        Reflect::set(&options, &"multiple".into(), &JsValue::TRUE).ok()?;
        let promise = select.call2(&contacts, &properties, &options).ok()?;
        promise.dyn_into().ok().map(ContactPicker)
    }

    /// The first name and first number of each person picked; a cancelled
    /// or failed picker is no one.
    pub async fn picked(self) -> Vec<(String, String)> {
        let Ok(list) = JsFuture::from(self.0).await else {
            return Vec::new();
        };
        if !Array::is_array(&list) {
            return Vec::new();
        }
        list.unchecked_into::<Array>()
            .iter()
            .map(|person| (first(&person, "name"), first(&person, "tel")))
            .filter(|(name, phone)| !name.is_empty() || !phone.is_empty())
            .collect()
    }
}

/// The first string of the array `person[key]`, trimmed, or empty.
fn first(person: &JsValue, key: &str) -> String {
    Some(property(person, key))
        .filter(Array::is_array)
        .and_then(|values| values.unchecked_into::<Array>().get(0).as_string())
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// Opens the system's share sheet with `text`; false where there is none
/// (or inside a WebView) or it failed for another reason than the borrower
/// closing it.
pub async fn share(text: &str) -> bool {
    if in_webview() {
        return false;
    }
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(share) = property(&navigator, "share").dyn_into::<Function>() else {
        return false;
    };
    let data = Object::new();
    if Reflect::set(&data, &"text".into(), &text.into()).is_err() {
        return false;
    }
    let Some(promise) = share
        .call1(&navigator, &data)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    match JsFuture::from(promise).await {
        Ok(_) => true,
        // Closed by the borrower: nothing else to do.
        Err(e) => property(&e, "name")
            .as_string()
            .is_some_and(|n| n == "AbortError"),
    }
}

/// Copies `text` with the Clipboard API where the page may use it (secure
/// contexts), else with the older `execCommand` that WebViews still
/// honour; says whether it worked.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let clipboard = property(&navigator, "clipboard");
    if !clipboard.is_undefined() && !clipboard.is_null() {
        let promise = navigator.clipboard().write_text(text);
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_exec_command(&window, text).unwrap_or(false)
}

fn copy_with_exec_command(window: &web_sys::Window, text: &str) -> Option<bool> {
    let document = window.document()?;
    let area = document
        .create_element("textarea")
        .ok()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    area.set_value(text);
    area.set_attribute("readonly", "").ok()?;
    // A class, not a `style` attribute: the CSP allows no inline styles.
    area.set_class_name("copy-buffer");
    let body = document.body()?;
    body.append_child(&area).ok()?;
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    Some(copied)
}

#[wasm_bindgen]
extern "C" {
    // The page's own `setTimeout`/`clearTimeout`, looked up at each call
    // (a test's fake clock replaces them), with the id as the value it is.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(run: &JsValue, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A timer of the page, the app's one way to set one: runs once after
/// `ms` milliseconds, unless it is dropped first (then it never runs).
///
/// The id is kept as the value `setTimeout` returned: an `i32` (web-sys's
/// and Leptos's type) would clear another timer wherever ids outgrow it
/// (fake clocks start at 10^12), leaving this one to fire.
pub struct Timer {
    id: JsValue,
    _run: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn start(ms: i32, run: impl FnOnce() + 'static) -> Timer {
        let run = Closure::once(run);
        let id = set_timeout(run.as_ref(), ms);
        Timer { id, _run: run }
    }

    /// Lets it run even after its owner is gone (its closure is then
    /// never freed: for rare timers only).
    pub fn detach(self) {
        std::mem::forget(self);
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// A chunk of the app that did not arrive (src/pages/lazy.rs, `api::write`):
/// no network, or the server failed it. Nothing of it ran.
pub struct Unloaded;

impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}
