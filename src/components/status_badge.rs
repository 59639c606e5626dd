use crate::api::LoanStatus;
use crate::i18n::*;
use leptos::prelude::*;

/// A loan's state in words, with a colour and a symbol (never colour alone).
#[component]
pub fn StatusBadge(
    /// The server's status code, decoded.
    status: LoanStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let (symbol, class) = match status {
        LoanStatus::Due => ("●", "due"),
        LoanStatus::Overdue => ("!", "overdue"),
        LoanStatus::Repaid => ("✓", "repaid"),
        LoanStatus::Extended => ("↻", "extended"),
        LoanStatus::NotLoggedIn | LoanStatus::Unknown(_) => ("…", "in-process"),
    };
    let label = move || match status {
        LoanStatus::Due => t_string!(i18n, status.due),
        LoanStatus::Overdue => t_string!(i18n, status.overdue),
        LoanStatus::Repaid => t_string!(i18n, status.repaid),
        LoanStatus::Extended => t_string!(i18n, status.extended),
        LoanStatus::NotLoggedIn | LoanStatus::Unknown(_) => t_string!(i18n, status.in_process),
    };
    view! {
        <span class=format!("badge badge-{class}") data-testid="status">
            <span aria-hidden="true" class="badge-symbol">{symbol}</span>
            {label}
        </span>
    }
}
