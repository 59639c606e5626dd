use super::ErrorView;
use crate::api::{self};
use crate::i18n::*;
use crate::photo::{self, Refusal};
use cashgo_core::{ApiError, SafeUrl};
use leptos::html::{Canvas, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Blob;

/// Where a photo field stands.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Empty,
    /// Decoding and downscaling on the phone.
    Preparing,
    /// Sent so far, in percent.
    Sending(u32),
    /// Uploaded: the form holds its address.
    Attached,
    Failed(ApiError),
    Cancelled,
    Refused(Refusal),
}

thread_local! {
    /// Photos whose upload met an expired session, by page and field. A
    /// `File` can't go into a draft; it stays here, in memory, while the
    /// borrower logs in (the app doesn't reload), and is sent again as soon
    /// as the field is back on screen.
    static WAITING: RefCell<Vec<(String, Blob, String)>> = const { RefCell::new(Vec::new()) };
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Whether the main pointer is a finger (a phone): the camera is offered.
fn touch_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A photo for a form: picked or taken, checked and made small on the phone,
/// sent at once with a progress bar and a cancel, kept for a retry when the
/// upload fails, and replaced by the latest choice. The form reads the
/// stored file's address in `uploaded` (its draft) and waits while `busy`.
#[component]
pub fn PhotoField(
    /// The file input's id (for the label).
    id: &'static str,
    /// The label, from the catalogs.
    #[prop(into)]
    label: ViewFn,
    /// The uploaded file's address (`None` while there is none).
    uploaded: RwSignal<Option<String>>,
    /// True while a photo is being prepared or sent.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(if uploaded.get_untracked().is_some() {
        Stage::Attached
    } else {
        Stage::Empty
    });
    // Each choice, retry or cancel starts a new generation; answers for an
    // older one are ignored (the latest choice wins).
    let generation = StoredValue::new(0u32);
    let sending = StoredValue::new_local(None::<api::Sending>);
    let photo = StoredValue::new_local(None::<(Blob, String)>);
    // Whether the preview canvas shows the photo picked on this phone.
    let drawn = RwSignal::new(false);
    let preview = NodeRef::<Canvas>::new();
    let input = NodeRef::<Input>::new();
    let key = StoredValue::new(format!("{}#{id}", current_path()));

    let settle = move |g: u32, next: Stage| {
        if generation.try_get_value() == Some(g) {
            let working = matches!(next, Stage::Preparing | Stage::Sending(_));
            stage.try_set(next);
            busy.try_set(working);
        }
    };
    let stop = move || {
        if let Some(Some(upload)) = sending.try_update_value(Option::take) {
            upload.cancel();
        }
        generation.update_value(|g| *g = g.wrapping_add(1));
        generation.get_value()
    };
    let send = move |g: u32| {
        let Some((blob, name)) = photo.get_value() else {
            return;
        };
        settle(g, Stage::Sending(0));
        let (upload, done) = api::send_photo(blob.clone(), name.clone(), move |percent| {
            settle(g, Stage::Sending(percent));
        });
        sending.set_value(Some(upload));
        spawn_local(async move {
            let result = done.await;
            if generation.try_get_value() != Some(g) {
                return;
            }
            sending.try_set_value(None);
            match result {
                Ok(file) => {
                    uploaded.try_set(Some(file.url.as_str().to_owned()));
                    settle(g, Stage::Attached);
                }
                Err(error) => {
                    if error == ApiError::SessionExpired {
                        if let Some(key) = key.try_get_value() {
                            WAITING.with_borrow_mut(|w| w.push((key, blob, name)));
                        }
                    }
                    settle(g, Stage::Failed(error));
                }
            }
        });
    };
    let show = move |picture: &web_sys::ImageBitmap| {
        if let Some(canvas) = preview.get_untracked() {
            photo::draw_preview(&canvas, picture);
            drawn.set(true);
        }
        picture.close();
    };
    let pick = move |file: web_sys::File| {
        let g = stop();
        uploaded.set(None);
        photo.set_value(None);
        drawn.set(false);
        settle(g, Stage::Preparing);
        spawn_local(async move {
            let prepared = photo::prepare(&file).await;
            if generation.try_get_value() != Some(g) {
                return;
            }
            match prepared {
                Err(refusal) => settle(g, Stage::Refused(refusal)),
                Ok(prepared) => {
                    show(&prepared.picture);
                    photo.set_value(Some((prepared.blob, prepared.file_name)));
                    send(g);
                }
            }
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            pick(file);
        }
    };
    let retry = Callback::new(move |_: ()| {
        if !busy.get_untracked() {
            send(stop());
        }
    });
    let cancel = move |_| {
        stop();
        // A cancelled photo is kept: it can be sent again or removed.
        stage.set(if photo.with_value(Option::is_some) {
            Stage::Cancelled
        } else {
            Stage::Empty
        });
        busy.set(false);
    };
    let remove = move |_| {
        stop();
        uploaded.set(None);
        photo.set_value(None);
        drawn.set(false);
        stage.set(Stage::Empty);
        busy.set(false);
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    on_cleanup(move || {
        if let Some(Some(upload)) = sending.try_update_value(Option::take) {
            upload.cancel();
        }
    });
    // Back from a login in between: the photo that met the expired session
    // goes again by itself (uploads are safe to repeat).
    let waiting = WAITING.with_borrow_mut(|w| {
        let key = key.get_value();
        w.iter()
            .position(|(k, _, _)| *k == key)
            .map(|i| w.swap_remove(i))
    });
    if let Some((_, blob, name)) = waiting {
        photo.set_value(Some((blob.clone(), name)));
        let g = stop();
        send(g);
        spawn_local(async move {
            if let Some(picture) = photo::decode(&blob).await {
                if generation.try_get_value() == Some(g) {
                    show(&picture);
                }
            }
        });
    }

    let camera = format!("{id}-camera");
    let status = move || match stage.get() {
        Stage::Preparing => t_string!(i18n, photo.preparing).to_owned(),
        Stage::Sending(percent) => t_string!(i18n, photo.sending, percent = percent),
        Stage::Attached => t_string!(i18n, photo.attached).to_owned(),
        Stage::Cancelled => t_string!(i18n, photo.cancelled).to_owned(),
        _ => String::new(),
    };
    let refusal = move || match stage.get() {
        Stage::Refused(Refusal::NotImage) => t_string!(i18n, photo.not_image),
        Stage::Refused(Refusal::TooLarge) => t_string!(i18n, photo.too_large),
        Stage::Refused(Refusal::Unreadable) => t_string!(i18n, photo.unreadable),
        _ => "",
    };
    // A photo restored from a draft: only its (checked) address is known.
    let stored = move || {
        uploaded
            .get()
            .filter(|_| !drawn.get())
            .and_then(|url| SafeUrl::image(&url))
    };
    view! {
        <div class="field photo-field">
            <label for=id>{label.run()}</label>
            <input id=id type="file" accept=photo::ACCEPT node_ref=input on:change=on_change />
            {touch_screen().then(|| view! {
                <input id=camera.clone() class="visually-hidden camera-input" type="file" accept="image/*"
                    capture="environment" on:change=on_change />
                <label for=camera class="button button-secondary">{crate::tr!(i18n, photo.take)}</label>
            })}
            <canvas node_ref=preview class="photo-preview" width="160" height="160" role="img"
                aria-label=move || t_string!(i18n, photo.preview) hidden=move || !drawn.get()></canvas>
            {move || stored().map(|url| view! {
                <img class="photo-preview" src=url.as_str().to_owned() alt=move || t_string!(i18n, photo.preview) />
            })}
            <p class="field-hint" role="status">{status}</p>
            {move || match stage.get() {
                Stage::Sending(percent) => Some(view! {
                    <progress max="100" value=percent.to_string() aria-label=move || t_string!(i18n, photo.progress)></progress>
                }),
                _ => None,
            }}
            <p class="field-error" role="alert">{refusal}</p>
            {move || match stage.get() {
                Stage::Failed(error) => Some(view! { <ErrorView error=error retry=retry /> }),
                _ => None,
            }}
            <div class="photo-actions">
                {move || matches!(stage.get(), Stage::Preparing | Stage::Sending(_)).then(|| view! {
                    <button type="button" class="link-button" on:click=cancel>{crate::tr!(i18n, photo.cancel)}</button>
                })}
                {move || (stage.get() == Stage::Cancelled).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| retry.run(())>{crate::tr!(i18n, errors.retry)}</button>
                })}
                {move || matches!(stage.get(), Stage::Attached | Stage::Failed(_) | Stage::Cancelled).then(|| view! {
                    <button type="button" class="link-button" on:click=remove>{crate::tr!(i18n, photo.remove)}</button>
                })}
            </div>
        </div>
    }
}
