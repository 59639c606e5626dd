//! One reference contact on the form: name, phone, relationship.

use crate::i18n::*;
use crate::validate;
use cashgo_core::form::form_body;
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
            Relation::Mother => tr!(in locale, contacts.rel_mother),
            Relation::Father => tr!(in locale, contacts.rel_father),
            Relation::Sibling => tr!(in locale, contacts.rel_sibling),
            Relation::Partner => tr!(in locale, contacts.rel_partner),
            Relation::Child => tr!(in locale, contacts.rel_child),
            Relation::Friend => tr!(in locale, contacts.rel_friend),
            Relation::Coworker => tr!(in locale, contacts.rel_coworker),
            Relation::Other => tr!(in locale, contacts.rel_other),
        }
    }
}

/// What a draft keeps of a row: what was typed, checked only when sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowDraft {
    pub name: String,
    pub phone: String,
    pub relation: Option<Relation>,
}

impl RowDraft {
    /// Whether nothing was typed or chosen.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.phone.is_empty() && self.relation.is_none()
    }
}

/// The rows as the tab's storage keeps them: a urlencoded form with
/// `name`, `phone` and `relate` (a [`Relation::id`] or empty) once per row.
pub fn encode_rows(rows: &[RowDraft]) -> String {
    let mut pairs = Vec::with_capacity(rows.len() * 3);
    for row in rows {
        pairs.push(("name", row.name.as_str()));
        pairs.push(("phone", row.phone.as_str()));
        pairs.push(("relate", row.relation.map_or("", Relation::id)));
    }
    form_body(&pairs)
}

/// [`encode_rows`] read back (through the browser's `URLSearchParams`); a
/// relationship that is no longer offered is dropped.
pub fn decode_rows(text: &str) -> Vec<RowDraft> {
    let values = |name| crate::url::form_values(text, name).into_iter();
    values("name")
        .zip(values("phone"))
        .zip(values("relate"))
        .map(|((name, phone), relation)| RowDraft {
            name,
            phone,
            relation: Relation::from_id(&relation),
        })
        .collect()
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

    /// A row from a draft.
    pub fn filled(key: usize, draft: RowDraft) -> Self {
        Self {
            key,
            name: RwSignal::new(draft.name),
            phone: RwSignal::new(draft.phone),
            relation: RwSignal::new(draft.relation.map_or("", Relation::id).to_owned()),
        }
    }

    /// What the draft keeps of the row (tracked).
    pub fn typed(&self) -> RowDraft {
        RowDraft {
            name: self.name.get(),
            phone: self.phone.get(),
            relation: self.relation.with(|id| Relation::from_id(id)),
        }
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
            <legend>{tr!(i18n, contacts.contact_n, n = n())}</legend>
            <div class="field">
                <label for=id("name")>{tr!(i18n, contacts.name)}</label>
                <input id=id("name") type="text" autocomplete="off" prop:value=row.name
                    on:input=move |ev| row.name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id("phone")>{tr!(i18n, contacts.phone)}</label>
                <input id=id("phone") type="tel" inputmode="tel" autocomplete="off" prop:value=row.phone
                    aria-describedby="contacts-phone-hint"
                    on:input=move |ev| row.phone.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id("relate")>{tr!(i18n, contacts.relate)}</label>
                <select id=id("relate") on:change=move |ev| row.relation.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || row.relation.get().is_empty()>
                        {tr!(i18n, contacts.rel_none)}
                    </option>
                    {options}
                </select>
            </div>
            <Show when=removable>
                <button type="button" class="link-button"
                    on:click=move |_| rows.update(|rows| rows.retain(|r| r.key != row.key))>
                    {tr!(i18n, contacts.remove, n = n())}
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

    #[test]
    fn drafts_keep_each_row_as_three_fields() {
        let rows = [
            RowDraft {
                name: "Ana María".into(),
                phone: "55 1234&5678".into(),
                relation: Some(Relation::Mother),
            },
            RowDraft::default(),
        ];
        assert!(!rows[0].is_empty() && rows[1].is_empty());
        assert_eq!(
            encode_rows(&rows),
            "name=Ana+Mar%C3%ADa&phone=55+1234%265678&relate=mother&name=&phone=&relate="
        );
    }
}
