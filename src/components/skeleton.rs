use crate::i18n::*;
use leptos::prelude::*;

/// A placeholder with the rough shape of the page, so nothing jumps when the
/// data arrives.
#[component]
pub fn Skeleton(
    /// How many rows of figures to draw under the headline block.
    #[prop(default = 4)]
    rows: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="skeleton" aria-busy="true" role="status">
            <span class="visually-hidden">{tr!(i18n, loading)}</span>
            <div class="skeleton-block skeleton-hero"></div>
            {(0..rows).map(|_| view! { <div class="skeleton-block skeleton-row"></div> }).collect_view()}
            <div class="skeleton-block skeleton-button"></div>
        </div>
    }
}
