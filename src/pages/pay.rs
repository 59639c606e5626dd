use crate::api::{Done, Write};
use crate::components::{write_action, ActionButton, ErrorView};
use crate::draft::Draft;
use crate::i18n::*;
use cashgo_core::{OrderNo, PayType, PaymentRef};
use leptos::prelude::*;

mod expiry;
mod reference;
use reference::ReferenceCard;

/// `/pay/:oid`: choose STP or Paycash, then show the reference to pay with
/// (`/Repay/payData` then `/Repay/payTransf`).
#[component]
pub fn PayPage(
    /// The order number from the address.
    oid: OrderNo,
) -> impl IntoView {
    let i18n = use_i18n();
    // The chosen method survives a login in between (an expired session).
    let draft = Draft::new(format!("pay/{oid}"));
    let method = RwSignal::new(draft.restored("method").and_then(|m| PayType::parse(&m)));
    draft.keep("method", move || {
        method
            .get()
            .map_or_else(String::new, |m| m.as_str().to_owned())
    });
    let no_choice = RwSignal::new(false);
    let result = NodeRef::<leptos::html::Div>::new();
    let payment = write_action(move |done| {
        if done.is_ok() {
            // On a phone the new reference lands below the fold: bring it up
            // once drawn. The borrower may have left the page by the next
            // frame: the node ref is then gone, which `try_` reports instead
            // of panicking.
            request_animation_frame(move || {
                if let Some(el) = result.try_get_untracked().flatten() {
                    el.scroll_into_view();
                }
            });
        }
    });
    // The latest reference that arrived: a failed switch of method never
    // takes away one that works.
    let shown = Memo::new(
        move |last: Option<&Option<PaymentRef>>| match payment.value().get() {
            Some(Ok(Done::Payment(reference))) => Some(reference),
            _ => last.cloned().flatten(),
        },
    );
    let request = {
        let oid = oid.clone();
        Callback::new(move |_: ()| match method.get_untracked() {
            // One reference per tap: the retry and renew buttons included.
            _ if payment.pending().get_untracked() => {}
            Some(chosen) => {
                no_choice.set(false);
                payment.dispatch(Write::Payment(oid.clone(), chosen));
            }
            None => no_choice.set(true),
        })
    };
    let option = move |kind: PayType| {
        let (name, hint) = match kind {
            PayType::Stp => (tr!(i18n, pay.stp), tr!(i18n, pay.stp_hint)),
            PayType::Paycash => (tr!(i18n, pay.paycash), tr!(i18n, pay.paycash_hint)),
        };
        view! {
            <label class="method">
                <input
                    type="radio"
                    name="paytype"
                    value=kind.code().to_string()
                    prop:checked=move || method.get() == Some(kind)
                    on:change=move |_| method.set(Some(kind))
                />
                <span class="method-text">
                    <span class="method-name">{name}</span>
                    <span class="method-hint">{hint}</span>
                </span>
            </label>
        }
    };
    view! {
        <section class="page" aria-labelledby="pay-title">
            <h1 id="pay-title">{tr!(i18n, pay.title)}</h1>
            <p class="order-no">{tr!(i18n, pay.order, oid = oid.to_string())}</p>
            <fieldset class="methods" aria-describedby="pay-choice-error">
                <legend>{tr!(i18n, pay.method_group)}</legend>
                {option(PayType::Stp)}
                {option(PayType::Paycash)}
            </fieldset>
            <p id="pay-choice-error" class="field-error" aria-live="polite">
                {move || if no_choice.get() { tr!(in i18n.get_locale(), pay.choose_method) } else { "" }}
            </p>
            <ActionButton
                pending=payment.pending()
                label=move || tr!(i18n, pay.get_reference)
                busy_label=move || tr!(i18n, pay.pending)
                on_press=request
            />
            {move || payment.value().get().and_then(Result::err).map(|error| view! {
                <ErrorView error=error retry=request />
            })}
            <div node_ref=result>
                {move || shown.get().map(|reference| view! {
                    <ReferenceCard payment=reference renew=request renewing=payment.pending() />
                })}
            </div>
        </section>
    }
}
