use crate::clock::now_unix;
use crate::platform::Timer;
use cashgo_core::ServerDateTime;
use leptos::prelude::*;

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
    let deadline = crate::api::formats().instant(at);
    let expired = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<Timer>);
    check(deadline, expired, timer);
    // Dropped, the timer never fires.
    on_cleanup(move || {
        timer.try_update_value(Option::take);
    });
    expired.into()
}

/// Marks the reference expired once `deadline` (Unix seconds) has passed,
/// else waits until it should have, at most [`RECHECK_SECONDS`], and looks
/// again.
fn check(deadline: i64, expired: RwSignal<bool>, timer: StoredValue<Option<Timer>, LocalStorage>) {
    let left = deadline.saturating_sub(now_unix());
    if left <= 0 {
        expired.try_set(true);
        return;
    }
    // Whole seconds from a floored clock: the timer fires at or just after
    // the deadline, never before it.
    // At most RECHECK_SECONDS: the milliseconds fit an i32.
    let wait = left.min(RECHECK_SECONDS) as i32 * 1000;
    let next = Timer::start(wait, move || check(deadline, expired, timer));
    timer.try_set_value(Some(next));
}
