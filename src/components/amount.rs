use crate::format;
use crate::i18n::use_i18n;
use cashgo_core::Money;
use leptos::prelude::*;

/// An amount of money in the borrower's language and the configured currency.
#[component]
pub fn Amount(
    /// The server's figure, in minor units.
    value: Money,
) -> impl IntoView {
    let i18n = use_i18n();
    let formats = crate::config::use_formats();
    view! { <span class="amount">{move || format::money(value, formats.get(), i18n.get_locale())}</span> }
}
