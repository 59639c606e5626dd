use crate::api::Write;
use crate::components::{write_action, ActionButton, ErrorView, PhotoField};
use crate::draft::Draft;
use crate::i18n::*;
use crate::photo_upload::Upload;
use crate::validate;
use cashgo_core::Attachments;
use leptos::prelude::*;

/// `/feedback`: comments, a phone or e-mail to answer to, an optional image
/// (`/Feedback/ajaxCreate`).
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new("feedback");
    let comments = draft.text("comments");
    let contact = draft.text("contact");
    // Up to three photos; each next one is offered once the one before is in.
    let photos = [
        Upload::new(draft, "image"),
        Upload::new(draft, "image1"),
        Upload::new(draft, "image2"),
    ];
    let uploading = move || photos.iter().any(|p| p.busy());
    let comments_missing = RwSignal::new(false);
    let contact_invalid = RwSignal::new(false);
    let send = write_action(move |done| {
        if done.is_ok() {
            draft.clear();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() || untrack(uploading) {
            return;
        }
        let text = validate::required(&comments.get_untracked());
        let reply_to = validate::contact(&contact.get_untracked());
        comments_missing.set(text.is_none());
        contact_invalid.set(reply_to.is_none());
        if let (Some(text), Some(reply_to)) = (text, reply_to) {
            send.dispatch(Write::Feedback {
                comments: text,
                contact: reply_to,
                attachments: Attachments::new(photos.iter().filter_map(|p| p.uploaded_untracked())),
            });
        }
    };
    view! {
        <section class="page page-narrow" aria-labelledby="feedback-title">
            <h1 id="feedback-title">{tr!(i18n, feedback.title)}</h1>
            <Show
                when=move || !matches!(send.value().get(), Some(Ok(_)))
                fallback=move || view! { <p class="notice notice-success" role="status">{tr!(i18n, feedback.done)}</p> }
            >
                <form class="form" on:submit=submit novalidate=true>
                    <div class="field">
                        <label for="feedback-comments">{tr!(i18n, feedback.comments)}</label>
                        <textarea id="feedback-comments" aria-describedby="feedback-comments-error"
                            aria-invalid=move || comments_missing.get().to_string()
                            prop:value=comments on:input=move |ev| comments.set(event_target_value(&ev))></textarea>
                        <p id="feedback-comments-error" class="field-error" aria-live="polite">
                            {move || if comments_missing.get() { tr!(in i18n.get_locale(), feedback.comments_required) } else { "" }}
                        </p>
                    </div>
                    <div class="field">
                        <label for="feedback-contact">{tr!(i18n, feedback.contact)}</label>
                        <input id="feedback-contact" type="text" autocomplete="email" aria-describedby="feedback-contact-error"
                            aria-invalid=move || contact_invalid.get().to_string()
                            prop:value=contact on:input=move |ev| contact.set(event_target_value(&ev)) />
                        <p id="feedback-contact-error" class="field-error" aria-live="polite">
                            {move || if contact_invalid.get() { tr!(in i18n.get_locale(), feedback.contact_invalid) } else { "" }}
                        </p>
                    </div>
                    <PhotoField id="feedback-image" label=move || tr!(i18n, feedback.attachment) upload=photos[0] />
                    <Show when=move || photos[0].uploaded().is_some()>
                        <PhotoField id="feedback-image-2" label=move || tr!(i18n, photo.add_another) upload=photos[1] />
                    </Show>
                    <Show when=move || photos[1].uploaded().is_some()>
                        <PhotoField id="feedback-image-3" label=move || tr!(i18n, photo.add_another) upload=photos[2] />
                    </Show>
                    {move || send.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                    <ActionButton
                        pending=Signal::derive(move || send.pending().get() || uploading())
                        label=move || tr!(i18n, feedback.submit)
                        busy_label=move || tr!(i18n, feedback.pending)
                    />
                </form>
            </Show>
        </section>
    }
}
