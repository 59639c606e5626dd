use crate::api::Write;
use crate::components::{write_action, ActionButton, ErrorView};
use crate::draft::Draft;
use crate::i18n::*;
use cashgo_core::Contact;
use leptos::prelude::*;

mod picker;
mod row;

use picker::PickContacts;
use row::{ContactRow, Row, RowDraft};

/// `/contacts`: emergency / reference contacts (`/Contact/ajaxPush`).
#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new("contacts");
    let typed: Vec<RowDraft> = draft
        .restored("rows")
        .map(|text| row::decode_rows(&text))
        .filter(|rows| !rows.is_empty())
        .unwrap_or_else(|| vec![RowDraft::default()]);
    let next_key = StoredValue::new(typed.len());
    let rows = RwSignal::new(
        typed
            .into_iter()
            .enumerate()
            .map(|(key, typed)| Row::filled(key, typed))
            .collect::<Vec<_>>(),
    );
    draft.keep("rows", move || {
        let typed: Vec<RowDraft> = rows.read().iter().map(Row::typed).collect();
        if typed.iter().all(RowDraft::is_empty) {
            String::new()
        } else {
            row::encode_rows(&typed)
        }
    });
    let incomplete = RwSignal::new(false);
    // What the last tap sent, shown back once the server took it.
    let sent = RwSignal::new(Vec::<Contact>::new());
    let send = write_action(move |done| {
        if done.is_ok() {
            draft.clear();
        }
    });
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(Row::new(key)));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let locale = i18n.get_locale_untracked();
        let contacts: Option<Vec<Contact>> = rows
            .get_untracked()
            .iter()
            .map(|row| row.contact(locale))
            .collect();
        incomplete.set(contacts.is_none());
        if let Some(contacts) = contacts {
            sent.set(contacts.clone());
            send.dispatch(Write::Contacts(contacts));
        }
    };
    view! {
        <section class="page page-narrow" aria-labelledby="contacts-title">
            <h1 id="contacts-title">{tr!(i18n, contacts.title)}</h1>
            <Show
                when=move || !matches!(send.value().get(), Some(Ok(_)))
                fallback=move || view! { <Saved contacts=sent.get_untracked() /> }
            >
                <p>{tr!(i18n, contacts.intro)}</p>
                <PickContacts rows=rows next_key=next_key />
                <form class="form" on:submit=submit novalidate=true>
                    // Redrawn whole when a row is added or removed: each row's
                    // text lives in its own signals, so nothing typed is lost,
                    // and a few rows don't need `<For>`'s keyed diffing (~1 %
                    // of the wasm).
                    {move || rows.get().into_iter().map(|row| view! { <ContactRow row=row rows=rows /> }).collect_view()}
                    <p id="contacts-phone-hint" class="field-hint">{tr!(i18n, contacts.phone_hint)}</p>
                    <button type="button" class="button button-secondary" on:click=add>{tr!(i18n, contacts.add)}</button>
                    <p class="field-error" aria-live="polite">
                        {move || if incomplete.get() { tr!(in i18n.get_locale(), contacts.incomplete) } else { "" }}
                    </p>
                    {move || send.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                    // The submit button and the form's end, alike login's: `ActionButton` is the shared piece.
                    <ActionButton
                        pending=send.pending()
                        label=move || tr!(i18n, contacts.submit)
                        busy_label=move || tr!(i18n, contacts.pending)
                    />
                </form>
            </Show>
        </section>
    }
}

/// What was saved, as it was sent: name, the normalised number and the
/// relationship (in the language it was sent in).
#[component]
fn Saved(contacts: Vec<Contact>) -> impl IntoView {
    let i18n = use_i18n();
    let items = contacts
        .into_iter()
        .map(|contact| {
            view! {
                <li class="saved-contact">
                    <span class="saved-name">{contact.name}</span>
                    <span>{contact.phone}</span>
                    {contact.relate.map(|relate| view! { <span>{relate}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="notice notice-success" role="status">{tr!(i18n, contacts.done)}</p>
        <h2 id="contacts-saved-title">{tr!(i18n, contacts.saved_title)}</h2>
        <ul class="saved-contacts card" aria-labelledby="contacts-saved-title">{items}</ul>
    }
}
