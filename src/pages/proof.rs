use crate::api::Write;
use crate::components::{write_action, ActionButton, ErrorView, PhotoField};
use crate::draft::Draft;
use crate::i18n::*;
use crate::photo_upload::Upload;
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
    // Starts as pay.rs's page does (the order, the language, its draft): `Draft` is the shared piece.
    let i18n = use_i18n();
    let draft = Draft::new(format!("proof/{oid}"));
    let utr = draft.text("utr");
    let transfer = Upload::new(draft, "utr_image");
    let receipt = Upload::new(draft, "image");
    let busy = move || transfer.busy() || receipt.busy();
    let empty = RwSignal::new(false);
    let invalid = RwSignal::new(false);
    let send = write_action(move |done| {
        if done.is_ok() {
            draft.clear();
        }
    });
    // Shown after sending: the Banxico check needs the tracking key.
    let sent_key = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() || untrack(busy) {
            return;
        }
        let key = validate::payment_reference(&utr.get_untracked());
        invalid.set(key.is_err());
        let Ok(key) = key else { return };
        let (utr_image, repay_image) =
            (transfer.uploaded_untracked(), receipt.uploaded_untracked());
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
            <h1 id="proof-title">{tr!(i18n, proof.title)}</h1>
            {move || match send.value().get() {
                Some(Ok(_)) => view! {
                    <div class="notice notice-success" role="status">
                        <p class="notice-title">{tr!(i18n, proof.done)}</p>
                        <p>{tr!(i18n, proof.next_steps)}</p>
                    </div>
                    {sent_key.get().then(|| view! {
                        <a class="button button-block" href=BANXICO_CEP target=target rel="noopener noreferrer"
                            aria-describedby="cep-hint">{tr!(i18n, proof.cep)}</a>
                        <p id="cep-hint" class="field-hint">{tr!(i18n, proof.cep_hint)}</p>
                    })}
                }.into_any(),
                other => view! {
                    <p>{tr!(i18n, proof.intro)}</p>
                    <form class="form" on:submit=submit.clone() novalidate=true>
                        <div class="field">
                            <label for="proof-utr">{tr!(i18n, proof.utr)}</label>
                            <input id="proof-utr" type="text" inputmode="text" autocomplete="off" autocapitalize="characters"
                                spellcheck="false" maxlength="40" aria-describedby="proof-utr-hint proof-utr-error"
                                aria-invalid=move || invalid.get().to_string()
                                prop:value=utr on:input=move |ev| utr.set(event_target_value(&ev)) />
                            <p id="proof-utr-hint" class="field-hint">{tr!(i18n, proof.utr_hint)}</p>
                            <p id="proof-utr-error" class="field-error" aria-live="polite">
                                {move || if invalid.get() { tr!(in i18n.get_locale(), proof.utr_invalid) } else { "" }}
                            </p>
                        </div>
                        <PhotoField id="proof-transfer" label=move || tr!(i18n, proof.transfer_image)
                            upload=transfer />
                        <PhotoField id="proof-image" label=move || tr!(i18n, proof.image)
                            upload=receipt />
                        <p class="field-error" aria-live="polite">
                            {move || if empty.get() { tr!(in i18n.get_locale(), proof.need_something) } else { "" }}
                        </p>
                        {other.and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                        <ActionButton
                            pending=Signal::derive(move || send.pending().get() || busy())
                            label=move || tr!(i18n, proof.submit)
                            busy_label=move || tr!(i18n, proof.pending)
                        />
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
