use crate::i18n::*;
use cashgo_core::Day;
use leptos::prelude::*;

/// "5 days left" / "Due today" / "3 days overdue", counted in the server's
/// time zone (Q5), never the phone's.
#[component]
pub fn Countdown(
    /// The due day as the server meant it.
    due: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    // Counted once, when shown, from today in the server's zone.
    let days = due.days_from(crate::config::use_formats().get_untracked().today());
    let class = if days < 0 {
        "countdown countdown-overdue"
    } else {
        "countdown"
    };
    view! {
        <p class=class data-testid="countdown">{move || countdown_text(i18n.get_locale(), days)}</p>
    }
}

/// The sentence for `days` left (negative: overdue). One text whose key
/// depends on the count: a function of the language, shown through one
/// closure (five `tr!` views would each add their own render code).
fn countdown_text(locale: Locale, days: i64) -> String {
    match days {
        // One day is the only count whose wording differs in es and en.
        0 => td_string!(locale, repay.due_today).to_owned(),
        1 => td_string!(locale, repay.days_left_one).to_owned(),
        -1 => td_string!(locale, repay.days_overdue_one).to_owned(),
        d if d > 0 => td_string!(locale, repay.days_left, days = d),
        d => td_string!(locale, repay.days_overdue, days = -d),
    }
}
