use crate::api::{Page, Read, Support};
use crate::components::Link;
use crate::components::Loader;
use crate::i18n::*;
use crate::routes::AppRoute;
use leptos::prelude::*;

/// `/support`: how to reach customer service (`/Index/contact`).
#[component]
pub fn SupportPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="support-title">
            <h1 id="support-title">{crate::tr!(i18n, support.title)}</h1>
            <p>{crate::tr!(i18n, support.intro)}</p>
            <Loader read=Read::Support rows=1 view=|page| match page {
                Page::Support(details) => view! { <SupportLinks details=details /> }.into_any(),
                _ => ().into_any(),
            } />
            <div class="actions">
                <Link to=AppRoute::Feedback class="button button-secondary">{crate::tr!(i18n, support.feedback)}</Link>
                <Link to=AppRoute::Contacts class="button button-secondary">{crate::tr!(i18n, support.contacts)}</Link>
            </div>
        </section>
    }
}

/// Only digits (and a leading `+`) from the server go into `tel:`/WhatsApp links.
fn dial_digits(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6 && digits.len() <= 15).then_some(digits)
}

#[component]
fn SupportLinks(details: Support) -> impl IntoView {
    let i18n = use_i18n();
    let phone = details.phone.as_deref().and_then(dial_digits);
    let whatsapp = details.whatsapp.as_deref().and_then(dial_digits);
    let nothing = phone.is_none() && whatsapp.is_none();
    view! {
        <div class="actions">
            {phone.map(|digits| {
                let shown = digits.clone();
                view! {
                    <a class="button button-primary" href=format!("tel:{digits}")>
                        {move || t_string!(i18n, support.call, phone = shown.clone())}
                    </a>
                }
            })}
            {whatsapp.map(|digits| view! {
                <a class="button" href=format!("https://wa.me/{digits}") target="_blank" rel="noopener noreferrer">
                    {crate::tr!(i18n, support.whatsapp)}
                </a>
            })}
        </div>
        {nothing.then(|| view! { <p>{crate::tr!(i18n, support.none)}</p> })}
    }
}
