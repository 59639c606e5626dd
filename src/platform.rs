//! What the page runs in: a browser, or a native app's WebView (no popups,
//! downloads, Web Share, Contact Picker or clipboard permission there).

/// Whether `user_agent` is an Android WebView (`; wv)`) or an iOS
/// WKWebView (an iPhone/iPad without `Safari/`).
pub fn is_webview(user_agent: &str) -> bool {
    let ios = user_agent.contains("iPhone") || user_agent.contains("iPad");
    user_agent.contains("; wv)") || (ios && !user_agent.contains("Safari/"))
}

/// Whether this page runs inside a native app's WebView.
pub fn in_webview() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| is_webview(&ua))
}
