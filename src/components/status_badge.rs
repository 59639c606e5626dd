use crate::i18n::*;
use cashgo_core::{Badge, BadgeLabel};
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
            {crate::lang::text(i18n, label(status.label))}
        </span>
    }
}

/// The catalog entry of a badge's words (`BadgeLabel::key`).
fn label(label: BadgeLabel) -> fn(Locale) -> &'static str {
    match label {
        BadgeLabel::Due => |l| td_string!(l, status.due),
        BadgeLabel::Overdue => |l| td_string!(l, status.overdue),
        BadgeLabel::Repaid => |l| td_string!(l, status.repaid),
        BadgeLabel::Extended => |l| td_string!(l, status.extended),
        BadgeLabel::InProcess => |l| td_string!(l, status.in_process),
        BadgeLabel::Awaiting => |l| td_string!(l, status.awaiting),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `BadgeLabel::key` names the entry the app prints (what a view
    /// without the catalogs' macros looks up).
    #[test]
    fn keys_name_the_entries_printed() {
        let catalog: serde_json::Value =
            serde_json::from_str(include_str!("../../locales/en.json")).unwrap();
        for badge in [
            BadgeLabel::Due,
            BadgeLabel::Overdue,
            BadgeLabel::Repaid,
            BadgeLabel::Extended,
            BadgeLabel::InProcess,
            BadgeLabel::Awaiting,
        ] {
            let (group, name) = badge.key().split_once('.').unwrap();
            assert_eq!(
                catalog[group][name].as_str(),
                Some(label(badge)(Locale::en)),
                "{badge:?}"
            );
        }
    }
}
