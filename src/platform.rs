//! What the browser around the app can do.
//!
//! Borrowers often open the app inside the lender's native app, in an
//! Android WebView or an iOS WKWebView. There, popups, downloads, Web Share,
//! the Contact Picker and clipboard permission are absent or silently do
//! nothing (a WebView only downloads when its app wired a listener, and a
//! `blob:` address never reaches Android's download manager). Features that
//! need one of them ask here first and fall back to something that works in
//! a WebView: a same-page link, copying, typing.

/// Which kind of browser a user agent string names, as far as these
/// features care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    /// A browser app (Chrome, Safari, Firefox, Samsung Internet…).
    Full,
    /// An app's embedded WebView (Android WebView, iOS WKWebView).
    WebView,
}

/// Classifies a user agent string (pure, so it is unit-tested natively).
///
/// - Android WebView marks itself with `; wv)` since Android 5; older ones
///   (and some vendors' builds) send `Version/4.0 Chrome/…` instead, which
///   Chrome itself never does.
/// - iOS and iPadOS WKWebView send Safari's string without `Safari/…` (every
///   browser app on iOS, Chrome's `CriOS` and Firefox's `FxiOS` included,
///   keeps that token). iPadOS in desktop mode says `Macintosh`; desktop
///   Safari, Chrome and Edge on a Mac all keep `Safari/` too.
pub fn classify(user_agent: &str) -> Browser {
    let ua = user_agent;
    let android = ua.contains("Android");
    let android_webview =
        android && (ua.contains("; wv)") || (ua.contains("Version/") && ua.contains("Chrome/")));
    let apple = ["iPhone", "iPad", "iPod", "Macintosh"]
        .iter()
        .any(|device| ua.contains(device));
    let apple_webview = apple && ua.contains("AppleWebKit/") && !ua.contains("Safari/");
    if android_webview || apple_webview {
        Browser::WebView
    } else {
        Browser::Full
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
    const SAMSUNG_INTERNET: &str = "Mozilla/5.0 (Linux; Android 13; SM-A145M) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36";
    const FIREFOX_ANDROID: &str =
        "Mozilla/5.0 (Android 13; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0";
    const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 10; K; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36";
    const ANDROID_WEBVIEW_FACEBOOK: &str = "Mozilla/5.0 (Linux; Android 12; moto g(30) Build/S0RCS32.41-10-19-20; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/408.1.0.16.113;]";
    const ANDROID_WEBVIEW_KITKAT: &str = "Mozilla/5.0 (Linux; Android 4.4; Nexus 5 Build/_BuildID_) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/30.0.0.0 Mobile Safari/537.36";
    const IOS_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    const IOS_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1";
    const IOS_WKWEBVIEW: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    const IPAD_WKWEBVIEW: &str = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    const IPADOS_DESKTOP_WKWEBVIEW: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
    const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
    const DESKTOP_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    const DESKTOP_FIREFOX: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    #[test]
    fn browser_apps_are_full_browsers() {
        for ua in [
            CHROME_ANDROID,
            SAMSUNG_INTERNET,
            FIREFOX_ANDROID,
            IOS_SAFARI,
            IOS_CHROME,
            MAC_SAFARI,
            DESKTOP_CHROME,
            DESKTOP_FIREFOX,
            "",
        ] {
            assert_eq!(classify(ua), Browser::Full, "{ua}");
        }
    }

    #[test]
    fn embedded_views_are_webviews() {
        for ua in [
            ANDROID_WEBVIEW,
            ANDROID_WEBVIEW_FACEBOOK,
            ANDROID_WEBVIEW_KITKAT,
            IOS_WKWEBVIEW,
            IPAD_WKWEBVIEW,
            IPADOS_DESKTOP_WKWEBVIEW,
        ] {
            assert_eq!(classify(ua), Browser::WebView, "{ua}");
        }
    }
}
