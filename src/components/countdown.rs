use crate::day::Day;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// "5 days left" / "Due today" / "3 days overdue", counted in the server's
/// time zone (Q5), never the phone's.
#[component]
pub fn Countdown(
    /// The due day as the server meant it.
    due: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    let days = format::days_until(due);
    let class = if days < 0 {
        "countdown countdown-overdue"
    } else {
        "countdown"
    };
    view! {
        <p class=class data-testid="countdown">
            {move || match days {
                // One day is the only count whose wording differs in es and en.
                0 => t_string!(i18n, repay.due_today).to_owned(),
                1 => t_string!(i18n, repay.days_left_one).to_owned(),
                -1 => t_string!(i18n, repay.days_overdue_one).to_owned(),
                d if d > 0 => t_string!(i18n, repay.days_left, days = d),
                d => t_string!(i18n, repay.days_overdue, days = -d),
            }}
        </p>
    }
}
