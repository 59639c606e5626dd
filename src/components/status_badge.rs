use crate::api::Badge;
use crate::i18n::*;
use leptos::prelude::*;

/// A loan's state in words, with a colour and a symbol (never colour alone).
#[component]
pub fn StatusBadge(
    /// The state: a `LoanStatus`, or a loan's own `badge()` (which knows
    /// one awaiting confirmation).
    #[prop(into)]
    status: Badge,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge badge-{}", status.class) data-testid="status">
            <span aria-hidden="true" class="badge-symbol">{status.symbol}</span>
            {crate::lang::text(i18n, status.label)}
        </span>
    }
}
