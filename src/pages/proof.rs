use crate::api::Write;
use crate::components::{write_action, ActionButton, ErrorView, PhotoField};
use crate::draft::Draft;
use crate::i18n::*;
use crate::validate;
use cashgo_core::OrderNo;
use leptos::prelude::*;

/// Banxico's public check of a SPEI transfer (the CEP), where the borrower
/// gets the bank's own proof with the tracking key.
const BANXICO_CEP: &str = "https://www.banxico.org.mx/cep/";

/// `/proof/:oid`: "I already paid": the SPEI tracking key (or a cash folio)
/// and up to two photos, the transfer's screenshot and the receipt
/// (`/Info/ajaxUpload`, then `/Repay/repayProof`).
#[component]
pub fn ProofPage(
    /// The order number from the address.
    oid: OrderNo,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new(format!("proof/{oid}"));
    let utr = draft.text("utr");
    let transfer = draft.choice("utr_image");
    let receipt = draft.choice("image");
    let transfer_busy = RwSignal::new(false);
    let receipt_busy = RwSignal::new(false);
    let busy = move || transfer_busy.get() || receipt_busy.get();
    let empty = RwSignal::new(false);
    let invalid = RwSignal::new(false);
    let send = write_action();
    Effect::new(move |_| {
        if let Some(Ok(_)) = send.value().get() {
            draft.clear();
        }
    });
    // Shown after sending: the Banxico check needs the tracking key.
    let sent_key = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked()
            || transfer_busy.get_untracked()
            || receipt_busy.get_untracked()
        {
            return;
        }
        let key = validate::payment_reference(&utr.get_untracked());
        invalid.set(key.is_err());
        let Ok(key) = key else { return };
        let (utr_image, repay_image) = (transfer.get_untracked(), receipt.get_untracked());
        empty.set(key.is_none() && utr_image.is_none() && repay_image.is_none());
        if !empty.get_untracked() {
            sent_key.set(key.is_some());
            send.dispatch(Write::Proof {
                order: oid.clone(),
                utr: key,
                utr_image,
                repay_image,
            });
        }
    };
    // Outside the app in a browser; inside a WebView (no popups) on the same page.
    let target = (!crate::platform::in_webview()).then_some("_blank");
    view! {
        <section class="page page-narrow" aria-labelledby="proof-title">
            <h1 id="proof-title">{crate::tr!(i18n, proof.title)}</h1>
            {move || match send.value().get() {
                Some(Ok(_)) => view! {
                    <div class="notice notice-success" role="status">
                        <p class="notice-title">{crate::tr!(i18n, proof.done)}</p>
                        <p>{crate::tr!(i18n, proof.next_steps)}</p>
                    </div>
                    {sent_key.get().then(|| view! {
                        <a class="button button-block" href=BANXICO_CEP target=target rel="noopener noreferrer"
                            aria-describedby="cep-hint">{crate::tr!(i18n, proof.cep)}</a>
                        <p id="cep-hint" class="field-hint">{crate::tr!(i18n, proof.cep_hint)}</p>
                    })}
                }.into_any(),
                other => view! {
                    <p>{crate::tr!(i18n, proof.intro)}</p>
                    <form class="form" on:submit=submit.clone() novalidate=true>
                        <div class="field">
                            <label for="proof-utr">{crate::tr!(i18n, proof.utr)}</label>
                            <input id="proof-utr" type="text" inputmode="text" autocomplete="off" autocapitalize="characters"
                                spellcheck="false" maxlength="40" aria-describedby="proof-utr-hint proof-utr-error"
                                aria-invalid=move || invalid.get().to_string()
                                prop:value=utr on:input=move |ev| utr.set(event_target_value(&ev)) />
                            <p id="proof-utr-hint" class="field-hint">{crate::tr!(i18n, proof.utr_hint)}</p>
                            <p id="proof-utr-error" class="field-error" aria-live="polite">
                                {move || if invalid.get() { t_string!(i18n, proof.utr_invalid) } else { "" }}
                            </p>
                        </div>
                        <PhotoField id="proof-transfer" label=move || crate::tr!(i18n, proof.transfer_image)
                            uploaded=transfer busy=transfer_busy />
                        <PhotoField id="proof-image" label=move || crate::tr!(i18n, proof.image)
                            uploaded=receipt busy=receipt_busy />
                        <p class="field-error" aria-live="polite">
                            {move || if empty.get() { t_string!(i18n, proof.need_something) } else { "" }}
                        </p>
                        {other.and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                        <ActionButton
                            pending=Signal::derive(move || send.pending().get() || busy())
                            label=move || crate::tr!(i18n, proof.submit)
                            busy_label=move || crate::tr!(i18n, proof.pending)
                        />
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
