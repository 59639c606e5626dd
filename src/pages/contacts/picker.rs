//! "Choose from my contacts": the Contact Picker API (Chrome on Android).
//!
//! The borrower picks people one by one in the system's own sheet and the
//! app gets only those: a name and a number each. The address book is never
//! read as a whole (Mexico's regulator forbids conditioning a loan on
//! contact access, and Google Play bans it for loan apps). Where the API is
//! missing, and always in a WebView, there is no button: typing works
//! everywhere.

use super::row::Row;
use crate::i18n::*;
use crate::platform::{self, ContactPicker};
use leptos::prelude::*;

/// The button and its one-line promise, or nothing without the API.
#[component]
pub fn PickContacts(
    /// The form's rows, filled and extended with the people picked.
    rows: RwSignal<Vec<Row>>,
    /// The next free row key.
    next_key: StoredValue<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    platform::has_contact_picker().then(|| {
        let pick = move |_| {
            // Asked for inside the tap, while the page holds user activation.
            let Some(picker) = ContactPicker::open() else {
                return;
            };
            leptos::task::spawn_local(async move {
                let picked = picker.picked().await;
                rows.update(|rows| fill(rows, picked, next_key));
            });
        };
        view! {
            <div class="field">
                <button type="button" class="button button-secondary" on:click=pick
                    aria-describedby="contacts-pick-hint">
                    {tr!(i18n, contacts.pick)}
                </button>
                <p id="contacts-pick-hint" class="field-hint">{tr!(i18n, contacts.pick_hint)}</p>
            </div>
        }
    })
}

/// Puts each picked (name, number) in a blank row, in order, then in new rows.
fn fill(rows: &mut Vec<Row>, picked: Vec<(String, String)>, next_key: StoredValue<usize>) {
    let mut blank = rows
        .iter()
        .filter(|r| r.is_blank())
        .copied()
        .collect::<Vec<_>>()
        .into_iter();
    for (name, phone) in picked {
        let row = blank.next().unwrap_or_else(|| {
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            let row = Row::new(key);
            rows.push(row);
            row
        });
        row.name.set(name);
        row.phone.set(phone);
    }
}
