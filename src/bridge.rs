//! The native bridge (issue 16): one small, versioned message protocol
//! between these pages and the lender's app around the WebView (README
//! "For app developers").
//!
//! - **Out:** each message ([`send`]) goes as JSON text, `{"v":1,"type":…}`,
//!   to the first bridge the WebView provides: iOS
//!   `window.webkit.messageHandlers.<iosMessageHandler>.postMessage`, an
//!   Android `addJavascriptInterface` object `<androidInterface>` with
//!   `postMessage(String)`, React Native's `window.ReactNativeWebView`, or
//!   Flutter InAppWebView's `callHandler("cashgo", …)` (names from
//!   `config.json`). Without one, nothing is sent. Never a password, a
//!   cookie or a session id.
//! - **In:** `window.cashgo.refresh()` reads the page again;
//!   `window.cashgo.setLanguage("es" | "en")` switches the language. Other
//!   calls and values are ignored with a console warning.
//! - **Hand-off ([`go`]):** when the API's `target` is `"app"` and a bridge
//!   is there, leaving the H5 pages (home, my loans, help, login: a link,
//!   logout, an expired session) is sent as `navigate` instead of done; if
//!   the app does nothing within [`FALLBACK_MS`], the page goes there after
//!   all: never a dead end.
//!
//! Every byte here is on every borrower's phone, so the half that only an
//! app's WebView needs is JavaScript loaded only there (`public/bridge.js`:
//! the JSON, the posting, the warnings, the links), and there is no signal,
//! memo or serializer of its own. A bridge that throws never breaks the
//! page (`bridge.js` catches it).

use crate::api::{Done, Outcome, Write};
use crate::i18n::use_i18n;
use crate::lang;
use crate::routes::{router_base, safe_next, strip_base, AppRoute};
use cashgo_core::{Expiry, OrderNo, PaymentRef, Target};
use js_sys::{Function, Object, Reflect};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The protocol's version, `v` in every message.
pub const VERSION: u8 = 1;

/// How long a `navigate` waits for the app before the web page shows.
pub const FALLBACK_MS: i32 = 3_000;

/// A reference's expiry as the server sent it (`yyyy-mm-dd hh:mm:ss`, its
/// own zone), or its text when it couldn't be read.
pub fn expiry_text(expiry: &Expiry) -> String {
    match expiry {
        Expiry::At(at) => {
            let (h, m, s) = at.hms();
            format!("{} {h:02}:{m:02}:{s:02}", at.day().iso())
        }
        Expiry::AsSent(text) => text.clone(),
    }
}

fn payment_event(order: &OrderNo, payment: &PaymentRef) {
    let amount = payment.amount.decimal();
    let expires = payment.expires.as_ref().map(expiry_text);
    send(
        "paymentReference",
        &[
            ("order", Some(order.as_str())),
            ("method", Some(payment.method.as_str())),
            ("reference", Some(&payment.reference)),
            ("barcode", payment.barcode.as_deref()),
            ("amount", Some(&amount)),
            ("expires", expires.as_deref()),
        ],
    );
}

/// Where a page that leaves the H5 pages goes in the app, if it is one.
fn destination(route: &AppRoute) -> Option<&'static str> {
    match route {
        AppRoute::Home => Some("home"),
        AppRoute::Orders => Some("orders"),
        AppRoute::Support => Some("support"),
        AppRoute::Login { .. } => Some("login"),
        _ => None,
    }
}

// ---------------------------------------------------------------- posting

thread_local! {
    /// Whether the WebView provides a bridge: `None` until `config.json`
    /// (which may rename them) has been read.
    static PRESENT: Cell<Option<bool>> = const { Cell::new(None) };
    /// What `/Index/languages` said of `target` (asked only with a bridge).
    static TARGET: Cell<Option<Target>> = const { Cell::new(None) };
    /// The new due day the extension page showed, for `extended`.
    static NEXT_DUE: RefCell<Option<(OrderNo, Option<String>)>> = const { RefCell::new(None) };
    /// Navigations waiting for the bridge's presence and `target` (see
    /// [`go`]), run once they are known.
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    /// The page's read, again (`window.cashgo.refresh()`): the last `Loader`'s retry.
    static REFRESH: Cell<Option<Callback<()>>> = const { Cell::new(None) };
}

/// Where messages go: `window.__cashgoQueue`, an array until
/// `public/bridge.js` has loaded, then its object whose `push` posts.
const QUEUE: &str = "__cashgoQueue";

/// Sends the message `{"v":1,"type":kind,…fields}` to the app's bridge, if
/// there is one (in order; those sent before `config.json` was read wait
/// for it). Fields without a value are left out; every value is text. The
/// JSON and the posting are `public/bridge.js`'s, loaded only when a bridge
/// is there. The messages (README "For app developers"):
///
/// - `ready`: `route` (the app path, `/repay/123`), `lang` (`es`/`en`), for
///   each page shown and each change of language;
/// - `paymentReference`: `order`, `method` (`stp`/`paycash`), `reference`,
///   `barcode`, `amount` (exact decimal text), `expires` (as sent);
/// - `extended`: `order`, `dueDay` (`yyyy-mm-dd`, when known);
/// - `proofSent`: `order`; `reLoanApplied`; `sessionExpired`; `loggedOut`;
/// - `navigate`: `to` (`home`/`orders`/`login`/`support`), `next` (login).
pub fn send(kind: &str, fields: &[(&str, Option<&str>)]) {
    if PRESENT.get() == Some(false) {
        return;
    }
    let Some(queue) = web_sys::window().and_then(|w| Reflect::get(&w, &QUEUE.into()).ok()) else {
        return;
    };
    let Ok(push) = Reflect::get(&queue, &"push".into()).and_then(|p| p.dyn_into::<Function>())
    else {
        return;
    };
    let message = Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = Reflect::set(&message, &JsValue::from_str(name), value);
    };
    set("v", &JsValue::from(VERSION));
    set("type", &JsValue::from_str(kind));
    for (name, value) in fields {
        if let Some(value) = value {
            set(name, &JsValue::from_str(value));
        }
    }
    // `bridge.js` catches what the app's bridge throws.
    let _ = push.call1(&queue, &message);
}

/// Whether `window.<path…>` is a function: a getter that throws, or
/// anything missing on the way, is no bridge.
fn has(path: &[&str]) -> bool {
    let Some(mut at) = web_sys::window().map(JsValue::from) else {
        return false;
    };
    for name in path {
        match Reflect::get(&at, &JsValue::from_str(name)) {
            Ok(next) if next.is_object() || next.is_function() => at = next,
            _ => return false,
        }
    }
    at.is_function()
}

/// Whether the WebView provides one of the four bridges (`public/bridge.js`
/// posts to the first of them).
fn detect(ios: &str, android: &str) -> bool {
    has(&["webkit", "messageHandlers", ios, "postMessage"])
        || has(&[android, "postMessage"])
        || has(&["ReactNativeWebView", "postMessage"])
        || has(&["flutter_inappwebview", "callHandler"])
}

/// Installs the bridge at the app's root: the queue of messages, and once
/// `config.json` is read, with a bridge there, `public/bridge.js` and the
/// API's `target` (unreadable means web). Without a bridge, nothing more.
pub fn provide() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let _ = Reflect::set(&window, &QUEUE.into(), &js_sys::Array::new());
    leptos::task::spawn_local(async move {
        let config = crate::api::config().await;
        let present = detect(&config.ios_message_handler, &config.android_interface);
        PRESENT.set(Some(present));
        if present {
            let (ios, android) = (&config.ios_message_handler, &config.android_interface);
            crate::platform::load_script(
                "public/bridge.js",
                &[("data-ios", ios), ("data-android", android)],
            );
            let target = crate::api::languages()
                .await
                .ok()
                .and_then(|l| l.target)
                .unwrap_or(Target::Web);
            TARGET.set(Some(target));
        } else {
            let _ = Reflect::set(&window, &QUEUE.into(), &JsValue::UNDEFINED);
        }
        for waiting in WAITING.take() {
            waiting();
        }
    });
}

/// `Loader`'s hook: its retry is what `window.cashgo.refresh()` runs.
pub fn on_refresh(retry: Callback<()>) {
    REFRESH.set(Some(retry));
}

/// Goes to `route` with the router's `navigate`, or, when it leaves the H5
/// pages inside an app that navigates itself (`target` app, a bridge),
/// tells the app (`navigate`) and goes there only if the page is still
/// where it was after [`FALLBACK_MS`]: never a dead end. `replace`
/// replaces the history entry.
pub fn go(
    route: AppRoute,
    replace: bool,
    navigate: impl Fn(&str, NavigateOptions) + Clone + 'static,
) {
    let Some(to) = destination(&route).filter(|_| PRESENT.get() != Some(false)) else {
        return go_now(&route, replace, &navigate);
    };
    // Whether there is a bridge is known once `config.json` is read, and
    // `provide` then asks `target`: wait for both (at most the requests' 5 s
    // each; an error counts as web).
    let Some(target) = TARGET.get().filter(|_| PRESENT.get() == Some(true)) else {
        WAITING.with_borrow_mut(|waiting| {
            waiting.push(Box::new(move || go(route, replace, navigate)))
        });
        return;
    };
    if target != Target::App {
        return go_now(&route, replace, &navigate);
    }
    let next = match &route {
        AppRoute::Login { next, .. } => next.as_deref().and_then(safe_next),
        _ => None,
    };
    send("navigate", &[("to", Some(to)), ("next", next)]);
    let here = current_address();
    crate::platform::Timer::start(FALLBACK_MS, move || {
        if current_address() == here {
            go_now(&route, replace, &navigate);
        }
    })
    .detach();
}

fn go_now(route: &AppRoute, replace: bool, navigate: &impl Fn(&str, NavigateOptions)) {
    navigate(
        &route.path(),
        NavigateOptions {
            replace,
            ..Default::default()
        },
    );
}

/// The page's address, to tell whether the borrower moved on meanwhile.
fn current_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

// ---------------------------------------------------------------- hooks

/// The API's outcome hook (the shell's): the events a write's success
/// makes, and the extension page's new due day for `extended`.
pub fn heard(outcome: Outcome<'_>) {
    match outcome {
        Outcome::Delay(detail) => {
            let due = detail.next_due.map(|day| day.iso());
            NEXT_DUE.with_borrow_mut(|next| *next = Some((detail.order.clone(), due)));
        }
        Outcome::Wrote(Write::Payment(order, _), Done::Payment(payment)) => {
            payment_event(order, payment)
        }
        Outcome::Wrote(Write::Extend { order, .. }, _) => NEXT_DUE.with_borrow(|next| {
            let due = next
                .as_ref()
                .filter(|(seen, _)| seen == order)
                .and_then(|(_, due)| due.as_deref());
            send(
                "extended",
                &[("order", Some(order.as_str())), ("dueDay", due)],
            );
        }),
        Outcome::Wrote(Write::Proof { order, .. }, _) => {
            send("proofSent", &[("order", Some(order.as_str()))])
        }
        Outcome::Wrote(Write::ReLoan, _) => send("reLoanApplied", &[]),
        Outcome::Wrote(Write::LogOut, _) => send("loggedOut", &[]),
        Outcome::Wrote(..) => {}
    }
}

/// The page switch's hook (inside the router): `ready` for each page shown
/// and each change of language, and the calls from outside: the app's
/// `window.cashgo.refresh()` and `setLanguage(code)`, and
/// `public/bridge.js`'s taps on links that leave the H5 pages (home, my
/// loans, help, login), for [`go`]. One closure answers all three.
pub fn follow() {
    let i18n = use_i18n();
    let location = use_location();
    let base = router_base();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let lang = lang::code(i18n.get_locale());
        let route = strip_base(&base, &path).to_owned();
        send("ready", &[("route", Some(&route)), ("lang", Some(lang))]);
    });
    let navigate = use_navigate();
    let calls =
        Closure::<dyn Fn(JsValue, JsValue) -> bool>::new(move |call: JsValue, value: JsValue| {
            let value = value.as_string();
            match call.as_string().as_deref() {
                Some("refresh") => {
                    if let Some(retry) = REFRESH.get() {
                        // The page may be gone: then there is nothing to read.
                        let _ = retry.try_run(());
                    }
                }
                Some("setLanguage") => match value.as_deref().and_then(lang::parse) {
                    Some(locale) => i18n.choose(locale),
                    None => leptos::logging::warn!(
                        "window.cashgo.setLanguage: only \"es\" or \"en\"; ignored"
                    ),
                },
                // A link tap (`bridge.js`): taken, and `true`, only when the
                // link leaves the H5 pages (`destination`); else the router's.
                Some("go") => {
                    let leaving = value
                        .as_deref()
                        .and_then(AppRoute::parse)
                        .filter(|route| destination(route).is_some());
                    if let Some(route) = leaving {
                        go(route, false, navigate.clone());
                        return true;
                    }
                }
                _ => {}
            }
            false
        });
    let calls: Function = calls.into_js_value().unchecked_into();
    let Some(window) = web_sys::window() else {
        return;
    };
    let cashgo = Object::new();
    let set = |target: &JsValue, name: &str, value: &JsValue| {
        let _ = Reflect::set(target, &JsValue::from_str(name), value);
    };
    set(&cashgo, "version", &JsValue::from(VERSION));
    for name in ["refresh", "setLanguage"] {
        set(&cashgo, name, &calls.bind1(&JsValue::NULL, &name.into()));
    }
    set(&window, "cashgo", &cashgo);
    set(
        &window,
        "__cashgoGo",
        &calls.bind1(&JsValue::NULL, &"go".into()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_as_sent() {
        assert_eq!(
            expiry_text(&Expiry::parse("2024-08-19 15:06:09")),
            "2024-08-19 15:06:09"
        );
        assert_eq!(
            expiry_text(&Expiry::parse("2025-01-31T00:00")),
            "2025-01-31 00:00:00"
        );
        assert_eq!(expiry_text(&Expiry::parse("pronto")), "pronto");
    }

    #[test]
    fn pages_that_leave_the_h5_pages() {
        let oid = OrderNo::new("1").expect("valid");
        assert_eq!(destination(&AppRoute::Home), Some("home"));
        assert_eq!(destination(&AppRoute::Orders), Some("orders"));
        assert_eq!(destination(&AppRoute::Support), Some("support"));
        assert_eq!(
            destination(&AppRoute::Login {
                next: None,
                expired: true
            }),
            Some("login")
        );
        // Every route spelled out, as routes.rs's test does: a new one must be placed by hand.
        for stay in [
            AppRoute::Repay(oid.clone()),
            AppRoute::Pay(oid.clone()),
            AppRoute::Extend(oid.clone()),
            AppRoute::Proof(oid),
            AppRoute::Feedback,
            AppRoute::Contacts,
        ] {
            assert_eq!(destination(&stay), None, "{stay:?}");
        }
    }
}
