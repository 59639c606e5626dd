//! Which kind of browser a page runs in, from its user agent string: a
//! browser app, or a native app's embedded WebView (no popups, downloads,
//! Web Share, Contact Picker or clipboard permission). Pure, so it is
//! unit-tested natively; the app asks it before using one of those
//! features (`src/platform.rs`), and the first paint to draw what the app
//! will draw there (the calendar button or link).

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

#[cfg(test)]
mod tests {
    use super::*;

    // One real user agent per constant, alike on purpose: each case named as the tests read it.
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
