use super::expiry::watch_expiry;
use crate::components::{ActionButton, Amount};
use crate::format;
use crate::i18n::*;
use crate::platform::{self, Timer};
use cashgo_core::Expiry;
use cashgo_core::{PayType, PaymentRef};
use leptos::prelude::*;

/// What the last copy came to, said for a few seconds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Idle,
    Done,
    Failed,
}

/// A payment reference: amount, copyable reference, scannable barcode,
/// expiry (with a way to renew) and the online checkout when there is one.
#[component]
pub fn ReferenceCard(
    /// The reference as the gateway sent it (URLs already checked, Q12).
    payment: PaymentRef,
    /// Asks for a fresh reference with the chosen method.
    renew: Callback<()>,
    /// True while a new reference is being fetched.
    #[prop(into)]
    renewing: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Also turns true while the card is on screen: then the checkout and the
    // copy button go and the notice with a renewal comes.
    let expired = watch_expiry(payment.expires.as_ref().and_then(Expiry::at));
    let reference = payment.reference.clone();
    let name = payment.method_name.clone();
    let test_id = match payment.method {
        PayType::Stp => "reference-stp",
        PayType::Paycash => "reference-paycash",
    };
    view! {
        <div class="card" data-testid=test_id aria-live="polite">
            <div class="reference-row">
                {payment.method_logo.clone().map(|logo| {
                    let name = name.clone();
                    view! {
                        <img
                            class="method-logo"
                            src=logo.as_str().to_owned()
                            alt=tr!(i18n, pay.method_logo, name = name.clone())
                            width="48"
                            height="48"
                        />
                    }
                })}
                <h2 class="method-name">{name.clone()}</h2>
            </div>
            // An expired reference is useless: say so before showing it.
            {move || expired.get().then(|| view! {
                <div class="notice notice-warning" role="alert">
                    <p>{tr!(i18n, pay.expired)}</p>
                    <ActionButton
                        pending=renewing
                        label=move || tr!(i18n, pay.new_reference)
                        busy_label=move || tr!(i18n, pay.pending)
                        on_press=renew
                        secondary=true
                    />
                </div>
            })}
            <p class="hero-label">{tr!(i18n, pay.amount)}</p>
            <p class="hero-amount" data-testid="pay-amount"><Amount value=payment.amount /></p>
            <p class="hero-label" id="reference-label">{tr!(i18n, pay.reference)}</p>
            <div class="reference-row">
                <p class="reference" aria-labelledby="reference-label" data-testid="reference">{reference.clone()}</p>
                {
                    let reference = reference.clone();
                    let text = Callback::new(move |_: ()| reference.clone());
                    move || (!expired.get()).then(|| view! { <CopyButton text=text share=false /> })
                }
            </div>
            {
                let text = share_text(payment.clone());
                move || (!expired.get()).then(|| view! { <CopyButton text=text share=true /> })
            }
            {payment.barcode_image.clone().map(|image| {
                let reference = reference.clone();
                view! {
                    <h3>{tr!(i18n, pay.barcode)}</h3>
                    <img
                        class="barcode"
                        src=image.as_str().to_owned()
                        alt=tr!(i18n, pay.barcode_alt, reference = reference.clone())
                    />
                }
            })}
            {payment.barcode.clone().map(|barcode| view! {
                <p data-testid="barcode-number">{tr!(i18n, pay.barcode_number, barcode = barcode.clone())}</p>
            })}
            {payment.expires.clone().map(|expiry| view! {
                <p data-testid="expires">{move || {
                    let when = format::expiry(&expiry, i18n.get_locale());
                    tr!(in i18n.get_locale(), pay.expires, when = when)
                }}</p>
            })}
            {
                let checkout = payment.checkout.clone();
                // A new tab in a browser; the same page inside an app's
                // WebView, which opens no popups.
                let target = (!crate::platform::in_webview()).then_some("_blank");
                move || checkout.clone().filter(|_| !expired.get()).map(|checkout| view! {
                    <a
                        class="button button-primary button-block"
                        href=checkout.as_str().to_owned()
                        target=target
                        rel="noopener noreferrer"
                        aria-describedby="checkout-hint"
                    >
                        {tr!(i18n, pay.checkout)}
                    </a>
                    <p id="checkout-hint" class="field-hint">{tr!(i18n, pay.checkout_hint)}</p>
                })
            }
            {payment.refused_urls.then(|| view! {
                <p class="notice notice-warning" role="alert">{tr!(i18n, pay.refused_urls)}</p>
            })}
        </div>
    }
}

/// The payment's details as text (amount, reference, method, expiry) in
/// the language on screen, so a relative can pay at the counter.
fn share_text(payment: PaymentRef) -> Callback<(), String> {
    let i18n = use_i18n();
    let formats = crate::api::formats();
    Callback::new(move |_: ()| {
        let locale = i18n.get_locale_untracked();
        let method = match payment.method {
            PayType::Stp => tr!(in locale, pay.stp),
            PayType::Paycash => tr!(in locale, pay.paycash),
        };
        let when = payment
            .expires
            .as_ref()
            .map(|e| format::expiry(e, locale))
            .unwrap_or_default();
        tr!(in locale,
            pay.share_text,
            amount = format::money(payment.amount, formats, locale),
            reference = payment.reference.clone(),
            method = method,
            when = when
        )
        .to_string()
    })
}

/// Copies `text`, then says whether it worked. With `share`, the system's
/// share sheet is offered first where the browser has one (never inside an
/// app's WebView, which has none); the copy is the way everywhere else.
#[component]
fn CopyButton(
    /// What is copied or shared, taken at the tap.
    text: Callback<(), String>,
    /// Offer the share sheet first (the "share" button, not "copy").
    share: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Copied::Idle);
    // The confirmation fades, so a second copy is confirmed again; a new
    // tap's timer replaces the last one (dropped, it never fires).
    let fade = StoredValue::new_local(None::<Timer>);
    view! {
        <button
            type="button"
            class=if share { "button button-secondary" } else { "button" }
            on:click=move |_| {
                let text = text.run(());
                leptos::task::spawn_local(async move {
                    if share && platform::share(&text).await {
                        return;
                    }
                    let ok = platform::copy(&text).await;
                    state.try_set(if ok { Copied::Done } else { Copied::Failed });
                    let timer = Timer::start(4000, move || {
                        state.try_set(Copied::Idle);
                    });
                    fade.try_set_value(Some(timer));
                });
            }
        >
            {if share { tr!(i18n, pay.share) } else { tr!(i18n, pay.copy) }}
        </button>
        <span role="status" class="copied">
            {move || match (state.get(), share) {
                (Copied::Done, true) => tr!(in i18n.get_locale(), pay.share_copied),
                (Copied::Done, false) => tr!(in i18n.get_locale(), pay.copied),
                (Copied::Failed, _) => tr!(in i18n.get_locale(), pay.copy_failed),
                (Copied::Idle, _) => "",
            }}
        </span>
    }
}
