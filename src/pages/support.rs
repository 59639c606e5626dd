use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SupportPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <section class="page"><h1>{t!(i18n, support.title)}</h1></section> }
}
