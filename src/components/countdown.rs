use crate::day::Day;
use crate::i18n::*;
use crate::tr;
use leptos::prelude::*;

/// "5 days left" / "Due today" / "3 days overdue", counted in the server's
/// time zone (Q5), never the phone's.
#[component]
pub fn Countdown(
    /// The due day as the server meant it.
    due: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    let days = due.days_from_today();
    let class = if days < 0 {
        "countdown countdown-overdue"
    } else {
        "countdown"
    };
    view! {
        <p class=class data-testid="countdown">
            {match days {
                // One day is the only count whose wording differs in es and en.
                0 => tr!(i18n, repay.due_today).into_any(),
                1 => tr!(i18n, repay.days_left_one).into_any(),
                -1 => tr!(i18n, repay.days_overdue_one).into_any(),
                d if d > 0 => tr!(i18n, repay.days_left, days = d).into_any(),
                d => tr!(i18n, repay.days_overdue, days = -d).into_any(),
            }}
        </p>
    }
}
