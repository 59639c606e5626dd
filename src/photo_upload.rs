//! A form's photo, from the choice to the stored file's address: a state
//! machine the form owns ([`Upload`]) and its field shows
//! (`components::PhotoField`).
//!
//! Chosen (or taken) → prepared on the phone (checked, made small) → sent,
//! with progress and a cancel → attached (the form's draft holds the
//! address), or refused, failed (kept for a retry) or cancelled (kept). The
//! latest choice wins: each choice, retry or cancel starts a new
//! generation, and answers for an older one are ignored. A photo whose
//! upload met an expired session waits in [`WaitingPhotos`] while the
//! borrower logs in, and goes again when its field is back on screen.

use crate::api;
use crate::draft::Draft;
use crate::photo::{self, Refusal};
use cashgo_core::{ApiError, SafeUrl};
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{Blob, File, ImageBitmap};

/// Where a photo stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Empty,
    /// Decoding and downscaling on the phone.
    Preparing,
    /// Sent so far, in percent.
    Sending(u32),
    /// Uploaded: the form holds its address.
    Attached,
    Failed(ApiError),
    /// Stopped by the borrower; the photo is kept to send again.
    Cancelled,
    Refused(Refusal),
}

/// A photo ready to send: the picture as it goes up, and its file name.
#[derive(Clone)]
struct Photo {
    blob: Blob,
    name: String,
}

/// A photo field of a form, named as its draft names it.
#[derive(Clone, PartialEq, Eq)]
struct Field(String);

/// Photos whose upload met an expired session, by field. A `File` can't go
/// into a draft: it stays here, in memory, while the borrower logs in (the
/// app doesn't reload). Owned by the app's root.
#[derive(Clone, Copy)]
pub struct WaitingPhotos(StoredValue<Vec<(Field, Photo)>, LocalStorage>);

impl WaitingPhotos {
    /// The app's queue, shared with every form.
    pub fn provide() {
        provide_context(WaitingPhotos(StoredValue::new_local(Vec::new())));
    }

    fn keep(self, field: Field, photo: Photo) {
        self.0.try_update_value(|w| w.push((field, photo)));
    }

    fn take(self, field: &Field) -> Option<Photo> {
        self.0
            .try_update_value(|w| {
                let at = w.iter().position(|(f, _)| f == field)?;
                Some(w.swap_remove(at).1)
            })
            .flatten()
    }
}

/// What is under way, untracked: the generation (the latest choice,
/// retry or cancel), the upload to cancel, and the photo to send again.
struct Work {
    field: Field,
    generation: u32,
    sending: Option<api::Sending>,
    photo: Option<Photo>,
}

/// One photo of a form: its stage, the uploaded file's address (kept in
/// the form's draft) and the preview drawn on this phone.
#[derive(Clone, Copy)]
pub struct Upload {
    stage: RwSignal<Stage>,
    uploaded: RwSignal<Option<SafeUrl>>,
    work: StoredValue<Work, LocalStorage>,
    /// Whether the preview canvas shows the photo picked on this phone.
    drawn: RwSignal<bool>,
    /// The preview canvas (the field's).
    pub preview: NodeRef<Canvas>,
    waiting: WaitingPhotos,
}

impl Upload {
    /// The photo kept in `draft` as `field` (its address, once uploaded).
    /// What is under way stops when the field leaves the screen
    /// ([`Upload::leave`]).
    pub fn new(draft: Draft, field: &str) -> Self {
        let uploaded = draft.photo(field);
        let upload = Upload {
            stage: RwSignal::new(Stage::Empty),
            uploaded,
            work: StoredValue::new_local(Work {
                field: Field(draft.item(field)),
                generation: 0,
                sending: None,
                photo: None,
            }),
            drawn: RwSignal::new(false),
            preview: NodeRef::new(),
            waiting: expect_context(),
        };
        upload.rest();
        upload
    }

    /// Where it stands (tracked).
    pub fn stage(self) -> Stage {
        self.stage.get()
    }

    /// True while the photo is being prepared or sent: the form waits.
    pub fn busy(self) -> bool {
        matches!(self.stage.get(), Stage::Preparing | Stage::Sending(_))
    }

    /// The uploaded file's address (tracked).
    pub fn uploaded(self) -> Option<SafeUrl> {
        self.uploaded.get()
    }

    /// The uploaded file's address, for sending the form.
    pub fn uploaded_untracked(self) -> Option<SafeUrl> {
        self.uploaded.get_untracked()
    }

    /// Whether the preview shows the photo picked on this phone (else only
    /// a restored address is known).
    pub fn drawn(self) -> bool {
        self.drawn.get()
    }

    /// Takes a new choice: prepared, shown and sent at once.
    pub fn pick(self, file: File) {
        let g = self.stop(None);
        self.uploaded.set(None);
        self.drawn.set(false);
        self.settle(g, Stage::Preparing);
        spawn_local(async move {
            let prepared = photo::prepare(&file).await;
            if !self.current(g) {
                return;
            }
            match prepared {
                Err(refusal) => self.settle(g, Stage::Refused(refusal)),
                Ok(prepared) => {
                    self.show(&prepared.picture);
                    self.send(Photo {
                        blob: prepared.blob,
                        name: prepared.file_name,
                    });
                }
            }
        });
    }

    /// Sends the kept photo again (after a failure or a cancel).
    pub fn retry(self) {
        if !untrack(|| self.busy()) {
            if let Some(photo) = self.kept() {
                self.send(photo);
            }
        }
    }

    /// Stops preparing or sending; the photo is kept to send again.
    pub fn cancel(self) {
        let kept = self.kept();
        self.stop(kept.clone());
        self.stage.set(if kept.is_some() {
            Stage::Cancelled
        } else {
            Stage::Empty
        });
    }

    /// Forgets the photo and its address.
    pub fn remove(self) {
        self.stop(None);
        self.uploaded.set(None);
        self.drawn.set(false);
        self.stage.set(Stage::Empty);
    }

    /// The field is on screen: a photo that met an expired session goes
    /// again by itself (uploads are safe to repeat).
    pub fn resume(self) {
        let waiting = self.work.with_value(|work| self.waiting.take(&work.field));
        let Some(photo) = waiting else { return };
        let blob = photo.blob.clone();
        let g = self.send(photo);
        spawn_local(async move {
            if let Some(picture) = photo::decode(&blob).await {
                if self.current(g) {
                    self.show(&picture);
                }
            }
        });
    }

    /// The field left the screen: what is under way stops, and the photo
    /// reads as a new field would (attached if its address is known).
    pub fn leave(self) {
        self.stop(None);
        self.drawn.try_set(false);
        self.rest();
    }

    /// The stage of a field with nothing under way.
    fn rest(self) {
        let attached = self.uploaded.try_get_untracked().flatten().is_some();
        self.stage.try_set(if attached {
            Stage::Attached
        } else {
            Stage::Empty
        });
    }

    /// The photo kept to send again.
    fn kept(self) -> Option<Photo> {
        self.work.with_value(|work| work.photo.clone())
    }

    /// Whether `g` is still the latest generation (and the form still lives).
    fn current(self, g: u32) -> bool {
        self.work.try_with_value(|work| work.generation) == Some(g)
    }

    /// Moves to `next` if `g` is still the latest generation.
    fn settle(self, g: u32, next: Stage) {
        if self.current(g) {
            self.stage.try_set(next);
        }
    }

    /// Cancels what is under way, keeps `photo`, and starts a new
    /// generation (0 once the form is gone).
    fn stop(self, photo: Option<Photo>) -> u32 {
        self.work
            .try_update_value(|work| {
                if let Some(upload) = work.sending.take() {
                    upload.cancel();
                }
                work.photo = photo;
                work.generation = work.generation.wrapping_add(1);
                work.generation
            })
            .unwrap_or_default()
    }

    fn show(self, picture: &ImageBitmap) {
        if let Some(canvas) = self.preview.try_get_untracked().flatten() {
            photo::draw_preview(&canvas, picture);
            self.drawn.try_set(true);
        }
        picture.close();
    }

    /// Sends `photo` as a new generation, which it returns.
    fn send(self, photo: Photo) -> u32 {
        let g = self.stop(Some(photo.clone()));
        self.settle(g, Stage::Sending(0));
        let (upload, done) =
            api::send_photo(photo.blob.clone(), photo.name.clone(), move |percent| {
                self.settle(g, Stage::Sending(percent));
            });
        self.work.update_value(|work| work.sending = Some(upload));
        spawn_local(async move {
            let result = done.await;
            if !self.current(g) {
                return;
            }
            self.work.try_update_value(|work| work.sending = None);
            match result {
                Ok(file) => {
                    self.uploaded.try_set(Some(file.url));
                    self.settle(g, Stage::Attached);
                }
                Err(error) => {
                    if error == ApiError::SessionExpired {
                        self.work
                            .try_with_value(|work| self.waiting.keep(work.field.clone(), photo));
                    }
                    self.settle(g, Stage::Failed(error));
                }
            }
        });
        g
    }
}
