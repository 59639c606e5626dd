use crate::api::{OrderNo, Write};
use crate::components::{write_action, ActionButton, ErrorView, ImageUpload};
use crate::draft::Draft;
use crate::i18n::*;
use leptos::prelude::*;

/// `/proof/:oid`: "I already paid": transaction number and/or a photo of the
/// receipt (`/Info/ajaxUpload` then `/Repay/repayProof`).
#[component]
pub fn ProofPage(
    /// The order number from the address.
    oid: OrderNo,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new(format!("proof/{oid}"));
    let utr = draft.text("utr");
    let image = draft.choice("image");
    let uploading = RwSignal::new(false);
    let empty = RwSignal::new(false);
    let send = write_action();
    Effect::new(move |_| {
        if let Some(Ok(_)) = send.value().get() {
            draft.clear();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() || uploading.get_untracked() {
            return;
        }
        let utr = crate::validate::required(&utr.get_untracked());
        let image = image.get_untracked();
        empty.set(utr.is_none() && image.is_none());
        if !empty.get_untracked() {
            send.dispatch(Write::Proof {
                order: oid.clone(),
                utr,
                utr_image: None,
                repay_image: image,
            });
        }
    };
    view! {
        <section class="page page-narrow" aria-labelledby="proof-title">
            <h1 id="proof-title">{crate::tr!(i18n, proof.title)}</h1>
            {move || match send.value().get() {
                Some(Ok(_)) => view! { <p class="notice notice-success" role="status">{crate::tr!(i18n, proof.done)}</p> }.into_any(),
                other => view! {
                    <p>{crate::tr!(i18n, proof.intro)}</p>
                    <form class="form" on:submit=submit.clone() novalidate=true>
                        <div class="field">
                            <label for="proof-utr">{crate::tr!(i18n, proof.utr)}</label>
                            <input id="proof-utr" type="text" inputmode="text" autocomplete="off"
                                prop:value=utr on:input=move |ev| utr.set(event_target_value(&ev)) />
                        </div>
                        <ImageUpload id="proof-image" label=move || crate::tr!(i18n, proof.image) uploaded=image uploading=uploading />
                        <p class="field-error" aria-live="polite">
                            {move || if empty.get() { t_string!(i18n, proof.need_something) } else { "" }}
                        </p>
                        {other.and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                        <ActionButton
                            pending=Signal::derive(move || send.pending().get() || uploading.get())
                            label=move || crate::tr!(i18n, proof.submit)
                            busy_label=move || crate::tr!(i18n, proof.pending)
                        />
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
