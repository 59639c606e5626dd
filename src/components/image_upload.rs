use crate::api::{Done, UploadedFile, Write};
use crate::i18n::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ErrorView;

/// A labelled image picker that uploads the chosen file at once
/// (`/Info/ajaxUpload`) and hands back the stored file's address.
#[component]
pub fn ImageUpload(
    /// The input's id (for the label).
    id: &'static str,
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// Receives the uploaded file's address (`None` while none is ready).
    uploaded: RwSignal<Option<String>>,
    /// True while the upload is under way, so the form can wait for it.
    uploading: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let upload = super::write_action();
    Effect::new(move |_| uploading.set(upload.pending().get()));
    Effect::new(move |_| {
        if let Some(result) = upload.value().get() {
            uploaded.set(match result {
                Ok(Done::Uploaded(UploadedFile { url })) => Some(url),
                _ => None,
            });
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        uploaded.set(None);
        if let Some(file) = file {
            upload.dispatch(Write::Upload(file));
        }
    };
    view! {
        <div class="field">
            <label for=id>{label.run()}</label>
            <input id=id type="file" accept="image/*" on:change=on_change />
            <p class="field-hint" role="status">
                {move || if upload.pending().get() {
                    t_string!(i18n, proof.uploading)
                } else if uploaded.get().is_some() {
                    t_string!(i18n, proof.uploaded)
                } else {
                    ""
                }}
            </p>
            {move || upload.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
        </div>
    }
}
