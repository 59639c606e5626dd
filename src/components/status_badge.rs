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
            {move || label(status.label, i18n.get_locale())}
        </span>
    }
}

/// A badge's words (the catalog entry `BadgeLabel::key` names).
fn label(label: BadgeLabel, locale: Locale) -> &'static str {
    // One arm per entry, alike contacts' relations on purpose: `tr!` takes each key spelled out.
    match label {
        BadgeLabel::Due => tr!(in locale, status.due),
        BadgeLabel::Overdue => tr!(in locale, status.overdue),
        BadgeLabel::Repaid => tr!(in locale, status.repaid),
        BadgeLabel::Extended => tr!(in locale, status.extended),
        BadgeLabel::InProcess => tr!(in locale, status.in_process),
        BadgeLabel::Awaiting => tr!(in locale, status.awaiting),
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
                Some(label(badge, Locale::en)),
                "{badge:?}"
            );
        }
    }
}
