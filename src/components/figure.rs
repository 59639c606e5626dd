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
