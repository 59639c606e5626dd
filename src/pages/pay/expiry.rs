use crate::clock::now_unix;
use cashgo_core::ServerDateTime;
use leptos::prelude::*;
use std::time::Duration;

/// The longest a timer waits before the clock is read again: far below the
/// browsers' ~24.8-day `setTimeout` limit, and short enough to notice a
/// phone whose clock was changed or that slept through the expiry.
const RECHECK_SECONDS: i64 = 60;

/// Whether a reference's expiry has passed, kept true to the clock while the
/// card is on screen.
///
/// `at` is the server's local time (Q11): it becomes an instant through the
/// configured server UTC offset, and is compared with the browser's clock
/// (never its time zone). An unreadable expiry (`None`) never passes.
pub fn watch_expiry(at: Option<ServerDateTime>) -> Signal<bool> {
    let Some(at) = at else {
        return Signal::stored(false);
    };
    let deadline = crate::config::use_formats().get_untracked().instant(at);
    let expired = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    check(deadline, expired, timer);
    on_cleanup(move || {
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
        }
    });
    expired.into()
}

/// Marks the reference expired once `deadline` (Unix seconds) has passed,
/// else waits until it should have, at most [`RECHECK_SECONDS`], and looks
/// again.
fn check(deadline: i64, expired: RwSignal<bool>, timer: StoredValue<Option<TimeoutHandle>>) {
    let left = deadline.saturating_sub(now_unix());
    if left <= 0 {
        expired.try_set(true);
        return;
    }
    // Whole seconds from a floored clock: the timer fires at or just after
    // the deadline, never before it.
    let wait = Duration::from_secs(left.min(RECHECK_SECONDS).unsigned_abs());
    let handle = set_timeout_with_handle(move || check(deadline, expired, timer), wait).ok();
    timer.try_set_value(handle);
}
