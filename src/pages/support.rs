use crate::components::{Link, Loader, Read};
use crate::i18n::*;
use crate::routes::AppRoute;
use cashgo_core::Support;
use leptos::prelude::*;

/// `/support`: how to reach customer service (`/Index/contact`).
#[component]
pub fn SupportPage() -> impl IntoView {
    // The section and heading spelled in place, as orders.rs's: a frame component would weigh more.
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="support-title">
            <h1 id="support-title">{tr!(i18n, support.title)}</h1>
            <p>{tr!(i18n, support.intro)}</p>
            <Loader read=Read::support(|details| view! { <SupportLinks details=details /> }.into_any()) rows=1 />
            <div class="actions">
                <Link to=AppRoute::Feedback class="button button-secondary">{tr!(i18n, support.feedback)}</Link>
                <Link to=AppRoute::Contacts class="button button-secondary">{tr!(i18n, support.contacts)}</Link>
            </div>
        </section>
    }
}

/// Only digits from the server go into WhatsApp links (`wa.me` takes the
/// international number without `+`).
fn dial_digits(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6 && digits.len() <= 15).then_some(digits)
}

/// A `tel:` number: the digits, with the leading `+` of an international
/// number kept (without it, `+52 55…` would be dialled as a local number).
fn tel_number(number: &str) -> Option<String> {
    let digits = dial_digits(number)?;
    Some(if number.trim_start().starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    })
}

#[component]
fn SupportLinks(details: Support) -> impl IntoView {
    let i18n = use_i18n();
    let phone = details.phone.as_deref().and_then(tel_number);
    let whatsapp = details.whatsapp.as_deref().and_then(dial_digits);
    let nothing = phone.is_none() && whatsapp.is_none();
    view! {
        <div class="actions">
            {phone.map(|digits| {
                let shown = digits.clone();
                view! {
                    <a class="button button-primary" href=format!("tel:{digits}")>
                        {tr!(i18n, support.call, phone = shown.clone())}
                    </a>
                }
            })}
            {whatsapp.map(|digits| view! {
                <a class="button" href=format!("https://wa.me/{digits}") target="_blank" rel="noopener noreferrer">
                    {tr!(i18n, support.whatsapp)}
                </a>
            })}
        </div>
        {nothing.then(|| view! { <p>{tr!(i18n, support.none)}</p> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_keeps_the_international_plus() {
        assert_eq!(
            tel_number("+52 55 1234 5678").as_deref(),
            Some("+525512345678")
        );
        assert_eq!(
            tel_number(" +52-55-1234-5678").as_deref(),
            Some("+525512345678")
        );
        assert_eq!(tel_number("55 1234 5678").as_deref(), Some("5512345678"));
        assert_eq!(tel_number("52+5512345678").as_deref(), Some("525512345678"));
        assert_eq!(tel_number("+12"), None, "too short to be a number");
        assert_eq!(tel_number("javascript:alert(1)"), None);
    }

    #[test]
    fn whatsapp_takes_digits_only() {
        assert_eq!(
            dial_digits("+52 55 1234 5678").as_deref(),
            Some("525512345678")
        );
        assert_eq!(dial_digits("1234567890123456"), None, "over 15 digits");
    }
}
