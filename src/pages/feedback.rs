use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <section class="page"><h1>{t!(i18n, feedback.title)}</h1></section> }
}
