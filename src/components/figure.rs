use super::{Amount, DayText};
use cashgo_core::{Day, Money};
use leptos::prelude::*;

/// One labelled figure of a breakdown (`<dt>`/`<dd>` inside a `<dl class="figures">`).
#[component]
pub fn Figure(
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// `data-testid`, so tests can find a figure whatever the language.
    #[prop(optional)]
    id: &'static str,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="figure" data-testid=id>
            <dt>{label.run()}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

/// A [`Figure`] whose value is an amount.
#[component]
pub fn AmountFigure(
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// `data-testid`, as [`Figure`]'s.
    #[prop(optional)]
    id: &'static str,
    /// The amount.
    value: Money,
) -> impl IntoView {
    view! { <Figure label=label id=id><Amount value=value /></Figure> }
}

/// A [`Figure`] whose value is a day.
#[component]
pub fn DayFigure(
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// `data-testid`, as [`Figure`]'s.
    #[prop(optional)]
    id: &'static str,
    /// The day.
    day: Day,
) -> impl IntoView {
    view! { <Figure label=label id=id><DayText day=day /></Figure> }
}
