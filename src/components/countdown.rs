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
    let days = due.days_from(crate::api::formats().today());
    let class = if days < 0 {
        "countdown countdown-overdue"
    } else {
        "countdown"
    };
    view! {
        // Worded by the catalogs for each count: due today, one day, more.
        <p class=class data-testid="countdown">
            {tr!(i18n, repay.countdown, count = days, overdue = days.saturating_neg())}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(locale: Locale, days: i64) -> String {
        tr!(in locale, repay.countdown, count = days, overdue = days.saturating_neg())
    }

    #[test]
    fn the_catalogs_word_each_count() {
        for (locale, days, words) in [
            (Locale::en, 0, "Due today"),
            (Locale::en, 1, "1 day left"),
            (Locale::en, 2, "2 days left"),
            (Locale::en, 30, "30 days left"),
            (Locale::en, -1, "1 day overdue"),
            (Locale::en, -2, "2 days overdue"),
            (Locale::es, 0, "Vence hoy"),
            (Locale::es, 1, "Falta 1 día"),
            (Locale::es, 2, "Faltan 2 días"),
            (Locale::es, -1, "1 día de atraso"),
            (Locale::es, -15, "15 días de atraso"),
        ] {
            assert_eq!(text(locale, days), words);
        }
    }
}
