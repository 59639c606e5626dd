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
        let en = [
            (0, "Due today"),
            (1, "1 day left"),
            (2, "2 days left"),
            (30, "30 days left"),
            (-1, "1 day overdue"),
            (-2, "2 days overdue"),
        ];
        for (days, words) in en {
            assert_eq!(text(Locale::en, days), words);
        }
        let es = [
            (0, "Vence hoy"),
            (1, "Falta 1 día"),
            (2, "Faltan 2 días"),
            (-1, "1 día de atraso"),
            (-15, "15 días de atraso"),
        ];
        for (days, words) in es {
            assert_eq!(text(Locale::es, days), words);
        }
    }
}
