use super::ErrorView;
use crate::i18n::*;
use crate::photo::{self, Refusal};
use crate::photo_upload::{Stage, Upload};
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the main pointer is a finger (a phone): the camera is offered.
fn touch_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A photo for a form: picked or taken, with its preview, progress bar,
/// cancel, retry and remove. What happens to the photo is the form's
/// [`Upload`]; this only shows it and passes the taps on.
#[component]
pub fn PhotoField(
    /// The file input's id (for the label).
    id: &'static str,
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// The photo, owned by the form.
    upload: Upload,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            upload.pick(file);
        }
    };
    let retry = Callback::new(move |_: ()| upload.retry());
    let remove = move |_| {
        upload.remove();
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    // Back from a login in between: the photo that met the expired session
    // goes again.
    upload.resume();
    on_cleanup(move || upload.leave());

    let camera = format!("{id}-camera");
    let status = move || {
        let locale = i18n.get_locale();
        match upload.stage() {
            Stage::Preparing => tr!(in locale, photo.preparing).to_owned(),
            Stage::Sending(percent) => tr!(in locale, photo.sending, percent = percent),
            Stage::Attached => tr!(in locale, photo.attached).to_owned(),
            Stage::Cancelled => tr!(in locale, photo.cancelled).to_owned(),
            _ => String::new(),
        }
    };
    let refusal = move || {
        let locale = i18n.get_locale();
        match upload.stage() {
            Stage::Refused(Refusal::NotImage) => tr!(in locale, photo.not_image),
            Stage::Refused(Refusal::TooLarge) => tr!(in locale, photo.too_large),
            Stage::Refused(Refusal::Unreadable) => tr!(in locale, photo.unreadable),
            _ => "",
        }
    };
    // A photo restored from a draft: only its (checked) address is known.
    let stored = move || upload.uploaded().filter(|_| !upload.drawn());
    view! {
        <div class="field photo-field">
            <label for=id>{label.run()}</label>
            <input id=id type="file" accept=photo::ACCEPT node_ref=input on:change=on_change />
            {touch_screen().then(|| view! {
                <input id=camera.clone() class="visually-hidden camera-input" type="file" accept="image/*"
                    capture="environment" on:change=on_change />
                <label for=camera class="button button-secondary">{tr!(i18n, photo.take)}</label>
            })}
            <canvas node_ref=upload.preview class="photo-preview" width="160" height="160" role="img"
                aria-label=tr!(i18n, photo.preview) hidden=move || !upload.drawn()></canvas>
            {move || stored().map(|url| view! {
                <img class="photo-preview" src=url.as_str().to_owned() alt=tr!(i18n, photo.preview) />
            })}
            <p class="field-hint" role="status">{status}</p>
            {move || match upload.stage() {
                Stage::Sending(percent) => Some(view! {
                    <progress max="100" value=percent.to_string() aria-label=tr!(i18n, photo.progress)></progress>
                }),
                _ => None,
            }}
            <p class="field-error" role="alert">{refusal}</p>
            {move || match upload.stage() {
                Stage::Failed(error) => Some(view! { <ErrorView error=error retry=retry /> }),
                _ => None,
            }}
            <div class="photo-actions">
                {move || upload.busy().then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| upload.cancel()>{tr!(i18n, photo.cancel)}</button>
                })}
                {move || (upload.stage() == Stage::Cancelled).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| retry.run(())>{tr!(i18n, errors.retry)}</button>
                })}
                {move || matches!(upload.stage(), Stage::Attached | Stage::Failed(_) | Stage::Cancelled).then(|| view! {
                    <button type="button" class="link-button" on:click=remove>{tr!(i18n, photo.remove)}</button>
                })}
            </div>
        </div>
    }
}
