use crate::api::{Contact, Write};
use crate::components::{write_action, ActionButton, ErrorView};
use crate::draft::Draft;
use crate::i18n::*;
use crate::validate;
use leptos::prelude::*;

/// One row of the form; `key` keeps rows stable while others are removed.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    name: RwSignal<String>,
    phone: RwSignal<String>,
    relate: RwSignal<String>,
}

impl Row {
    fn new(key: usize) -> Self {
        Self::filled(key, [String::new(), String::new(), String::new()])
    }

    fn filled(key: usize, [name, phone, relate]: [String; 3]) -> Self {
        Self {
            key,
            name: RwSignal::new(name),
            phone: RwSignal::new(phone),
            relate: RwSignal::new(relate),
        }
    }

    /// What the draft keeps of the row.
    fn typed(&self) -> [String; 3] {
        [self.name.get(), self.phone.get(), self.relate.get()]
    }

    /// The contact to send, or `None` when name or phone is not usable.
    fn contact(&self) -> Option<Contact> {
        Some(Contact {
            name: validate::required(&self.name.get_untracked())?,
            phone: validate::phone(&self.phone.get_untracked())?,
            relate: validate::required(&self.relate.get_untracked()),
        })
    }
}

/// `/contacts`: emergency / reference contacts (`/Contact/ajaxPush`).
#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new("contacts");
    let typed: Vec<[String; 3]> = draft
        .restored("rows")
        .and_then(|json| serde_json::from_str(&json).ok())
        .filter(|rows: &Vec<[String; 3]>| !rows.is_empty())
        .unwrap_or_else(|| vec![Default::default()]);
    let next_key = StoredValue::new(typed.len());
    let rows = RwSignal::new(
        typed
            .into_iter()
            .enumerate()
            .map(|(key, typed)| Row::filled(key, typed))
            .collect::<Vec<_>>(),
    );
    draft.keep("rows", move || {
        let typed: Vec<[String; 3]> = rows.read().iter().map(Row::typed).collect();
        if typed.iter().flatten().all(String::is_empty) {
            String::new()
        } else {
            serde_json::to_string(&typed).unwrap_or_default()
        }
    });
    let incomplete = RwSignal::new(false);
    let send = write_action();
    Effect::new(move |_| {
        if let Some(Ok(_)) = send.value().get() {
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
        let contacts: Option<Vec<Contact>> =
            rows.get_untracked().iter().map(Row::contact).collect();
        incomplete.set(contacts.is_none());
        if let Some(contacts) = contacts {
            send.dispatch(Write::Contacts(contacts));
        }
    };
    view! {
        <section class="page page-narrow" aria-labelledby="contacts-title">
            <h1 id="contacts-title">{crate::tr!(i18n, contacts.title)}</h1>
            <Show
                when=move || !matches!(send.value().get(), Some(Ok(_)))
                fallback=move || view! { <p class="notice notice-success" role="status">{crate::tr!(i18n, contacts.done)}</p> }
            >
                <p>{crate::tr!(i18n, contacts.intro)}</p>
                <form class="form" on:submit=submit novalidate=true>
                    // Redrawn whole when a row is added or removed: each row's
                    // text lives in its own signals, so nothing typed is lost,
                    // and a few rows don't need `<For>`'s keyed diffing (~1 %
                    // of the wasm).
                    {move || rows.get().into_iter().map(|row| view! { <ContactRow row=row rows=rows /> }).collect_view()}
                    <button type="button" class="button button-secondary" on:click=add>{crate::tr!(i18n, contacts.add)}</button>
                    <p class="field-error" aria-live="polite">
                        {move || if incomplete.get() { t_string!(i18n, contacts.incomplete) } else { "" }}
                    </p>
                    {move || send.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                    <ActionButton
                        pending=send.pending()
                        label=move || crate::tr!(i18n, contacts.submit)
                        busy_label=move || crate::tr!(i18n, contacts.pending)
                    />
                </form>
            </Show>
        </section>
    }
}

#[component]
fn ContactRow(row: Row, rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let i18n = use_i18n();
    // The number follows the row's place, which changes when one above is removed.
    let n = move || {
        rows.read()
            .iter()
            .position(|r| r.key == row.key)
            .map_or(1, |i| i + 1)
    };
    let id = |field: &str| format!("contact-{}-{field}", row.key);
    let removable = move || rows.read().len() > 1;
    view! {
        <fieldset>
            <legend>{move || t_string!(i18n, contacts.contact_n, n = n())}</legend>
            <div class="field">
                <label for=id("name")>{crate::tr!(i18n, contacts.name)}</label>
                <input id=id("name") type="text" autocomplete="off" prop:value=row.name
                    on:input=move |ev| row.name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id("phone")>{crate::tr!(i18n, contacts.phone)}</label>
                <input id=id("phone") type="tel" inputmode="tel" autocomplete="off" prop:value=row.phone
                    on:input=move |ev| row.phone.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id("relate")>{crate::tr!(i18n, contacts.relate)}</label>
                <input id=id("relate") type="text" autocomplete="off" prop:value=row.relate
                    on:input=move |ev| row.relate.set(event_target_value(&ev)) />
            </div>
            <Show when=removable>
                <button type="button" class="link-button"
                    on:click=move |_| rows.update(|rows| rows.retain(|r| r.key != row.key))>
                    {move || t_string!(i18n, contacts.remove, n = n())}
                </button>
            </Show>
        </fieldset>
    }
}
