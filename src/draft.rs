//! Drafts: what the borrower typed or chose on a form, kept in the tab's
//! `sessionStorage` until it is sent, so that an expired session (log in,
//! then back to the form) or a reload loses nothing. Cleared when the form
//! is sent, on logout, and when someone else logs in on the same tab; never
//! kept past the tab; never a password (the login form keeps none).
//!
//! Storage that refuses (private mode, quota) only means no draft: the
//! form works as before.

use crate::api::SessionNews;
use crate::session::Session;
use cashgo_core::SafeUrl;
use leptos::prelude::*;

const PREFIX: &str = "cashgo.draft.";
const OWNER: &str = "cashgo.draft-owner";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load(name: &str) -> Option<String> {
    storage()?.get_item(name).ok().flatten()
}

fn save(name: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = if value.is_empty() {
            storage.remove_item(name)
        } else {
            storage.set_item(name, value)
        };
    }
}

/// Removes every item whose name starts with `prefix`.
fn remove_all(prefix: &str) {
    let Some(storage) = storage() else { return };
    let count = storage.length().unwrap_or(0);
    let names: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|name| name.starts_with(prefix))
        .collect();
    for name in names {
        let _ = storage.remove_item(&name);
    }
}

/// The draft of one form (e.g. `"feedback"`, `"proof/<order>"`).
#[derive(Clone, Copy)]
pub struct Draft {
    form: StoredValue<String>,
}

impl Draft {
    pub fn new(form: impl Into<String>) -> Self {
        Self {
            form: StoredValue::new(form.into()),
        }
    }

    /// The storage item of `field` (also what names the field elsewhere).
    pub fn item(&self, field: &str) -> String {
        format!("{PREFIX}{}.{field}", self.form.get_value())
    }

    /// What the draft holds for `field`.
    pub fn restored(&self, field: &str) -> Option<String> {
        load(&self.item(field)).filter(|v| !v.is_empty())
    }

    /// Keeps `field` up to date with `value` (reactive) from now on.
    pub fn keep(&self, field: &str, value: impl Fn() -> String + 'static) {
        let name = self.item(field);
        Effect::new(move |_| save(&name, &value()));
    }

    /// A text field's value: restored from the draft, and kept in it as it
    /// changes.
    pub fn text(&self, field: &str) -> RwSignal<String> {
        let value = RwSignal::new(self.restored(field).unwrap_or_default());
        self.keep(field, move || value.get());
        value
    }

    /// An uploaded photo's address, or none, likewise. What the tab's
    /// storage holds is checked again as an image address (Q12).
    pub fn photo(&self, field: &str) -> RwSignal<Option<SafeUrl>> {
        let value = RwSignal::new(self.restored(field).and_then(|url| SafeUrl::image(&url)));
        self.keep(field, move || {
            value.with(|url| {
                url.as_ref()
                    .map_or_else(String::new, |url| url.as_str().to_owned())
            })
        });
        value
    }

    /// Forgets the draft (the form was sent).
    pub fn clear(&self) {
        remove_all(&self.item(""));
    }
}

/// Drafts are the borrower's: they go with a logout, and with a sign-in
/// by someone else ([`owned_by`]). An expired session keeps them.
pub fn follow(session: Session) {
    session.listen(|news| match news {
        SessionNews::LoggedOut => clear_all(),
        SessionNews::SignedIn(username) => owned_by(username),
        SessionNews::Open | SessionNews::Closed => {}
    });
}

/// Forgets every draft (logout).
fn clear_all() {
    remove_all(PREFIX);
    save(OWNER, "");
}

/// Notes who logged in. Drafts kept while another borrower was known to
/// be logged in are forgotten first (a shared phone); drafts from before
/// any login on this tab (a session opened by the native app that then
/// expired) stay with the one who logs in.
fn owned_by(username: &str) {
    match load(OWNER) {
        Some(owner) if owner == username => {}
        Some(_) => {
            clear_all();
            save(OWNER, username);
        }
        None => save(OWNER, username),
    }
}
