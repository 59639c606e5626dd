use crate::format;
use crate::i18n::use_i18n;
use cashgo_core::Day;
use leptos::prelude::*;

/// A calendar day in the borrower's language.
#[component]
pub fn DayText(
    /// The day as the server meant it (already in the server's zone).
    day: Day,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <time datetime=day.iso()>{move || format::day(day, i18n.get_locale())}</time>
    }
}
