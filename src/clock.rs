//! The phone's clock, read once per need (never its time zone: days are the
//! server's, through `config::Formats`).

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        // Milliseconds as f64: a time, not money; floor keeps the second.
        (js_sys::Date::now() / 1000.0).floor() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::time::{SystemTime, UNIX_EPOCH};
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(elapsed) => i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
        }
    }
}
