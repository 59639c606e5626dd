//! One reference contact on the form: name, phone, relationship.

use crate::i18n::*;
use crate::validate;
use cashgo_core::Contact;
use leptos::prelude::*;

/// How the borrower knows the contact. The API's `relate` is free text:
/// the label in the borrower's language is sent; drafts keep the [`id`].
///
/// [`id`]: Relation::id
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Mother,
    Father,
    Sibling,
    Partner,
    Child,
    Friend,
    Coworker,
    Other,
}

impl Relation {
    const ALL: [Relation; 8] = [
        Relation::Mother,
        Relation::Father,
        Relation::Sibling,
        Relation::Partner,
        Relation::Child,
        Relation::Friend,
        Relation::Coworker,
        Relation::Other,
    ];

    /// The `<option>` value and what a draft keeps.
    fn id(self) -> &'static str {
        match self {
            Relation::Mother => "mother",
            Relation::Father => "father",
            Relation::Sibling => "sibling",
            Relation::Partner => "partner",
            Relation::Child => "child",
            Relation::Friend => "friend",
            Relation::Coworker => "coworker",
            Relation::Other => "other",
        }
    }

    fn from_id(id: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The label in `locale`.
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Relation::Mother => td_string!(locale, contacts.rel_mother),
            Relation::Father => td_string!(locale, contacts.rel_father),
            Relation::Sibling => td_string!(locale, contacts.rel_sibling),
            Relation::Partner => td_string!(locale, contacts.rel_partner),
            Relation::Child => td_string!(locale, contacts.rel_child),
            Relation::Friend => td_string!(locale, contacts.rel_friend),
            Relation::Coworker => td_string!(locale, contacts.rel_coworker),
            Relation::Other => td_string!(locale, contacts.rel_other),
        }
    }
}

/// One row of the form; `key` keeps rows stable while others are removed.
#[derive(Clone, Copy)]
pub struct Row {
    pub key: usize,
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    /// A [`Relation::id`], or empty.
    relation: RwSignal<String>,
}

impl Row {
    pub fn new(key: usize) -> Self {
        Self::filled(key, Default::default())
    }

    /// A row from a draft; a relationship that is no longer offered (a
    /// draft from when it was typed) is dropped.
    pub fn filled(key: usize, [name, phone, relation]: [String; 3]) -> Self {
        let relation = Relation::from_id(&relation).map_or("", Relation::id);
        Self {
            key,
            name: RwSignal::new(name),
            phone: RwSignal::new(phone),
            relation: RwSignal::new(relation.to_owned()),
        }
    }

    /// What the draft keeps of the row.
    pub fn typed(&self) -> [String; 3] {
        [self.name.get(), self.phone.get(), self.relation.get()]
    }

    /// Whether nothing was typed or chosen.
    pub fn is_blank(&self) -> bool {
        [self.name, self.phone, self.relation]
            .iter()
            .all(|s| s.with_untracked(|s| s.trim().is_empty()))
    }

    /// The contact to send (relationship in `locale`), or `None` when name
    /// or phone is not usable.
    pub fn contact(&self, locale: Locale) -> Option<Contact> {
        Some(Contact {
            name: validate::required(&self.name.get_untracked())?,
            phone: validate::mx_phone(&self.phone.get_untracked())?,
            relate: Relation::from_id(&self.relation.get_untracked())
                .map(|r| r.label(locale).to_owned()),
        })
    }
}

#[component]
pub fn ContactRow(row: Row, rows: RwSignal<Vec<Row>>) -> impl IntoView {
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
    let options = Relation::ALL
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.id() prop:selected=move || row.relation.get() == r.id()>
                    {move || r.label(i18n.get_locale())}
                </option>
            }
        })
        .collect_view();
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
                    aria-describedby="contacts-phone-hint"
                    on:input=move |ev| row.phone.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id("relate")>{crate::tr!(i18n, contacts.relate)}</label>
                <select id=id("relate") on:change=move |ev| row.relation.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || row.relation.get().is_empty()>
                        {crate::tr!(i18n, contacts.rel_none)}
                    </option>
                    {options}
                </select>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_round_trip_through_their_ids_and_have_labels_in_both_languages() {
        for r in Relation::ALL {
            assert_eq!(Relation::from_id(r.id()), Some(r));
            assert!(!r.label(Locale::es).is_empty());
            assert!(!r.label(Locale::en).is_empty());
        }
        assert_eq!(Relation::from_id("hermano"), None);
        assert_eq!(Relation::from_id(""), None);
    }
}
