use crate::i18n::*;
use crate::lang;
use leptos::prelude::*;

/// Spanish / English toggle, on every page. The choice is remembered and
/// replaces any `?lang=` in the address so a reload keeps it.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |locale: Locale| i18n.choose(locale);
    let option = move |locale: Locale, label: &'static str| {
        let pressed = move || i18n.get_locale() == locale;
        view! {
            <button
                type="button"
                class="lang-option"
                lang=lang::code(locale)
                aria-pressed=move || pressed().to_string()
                on:click=move |_| choose(locale)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr!(i18n, lang.label)>
            {option(Locale::es, tr!(in Locale::es, lang.es))}
            {option(Locale::en, tr!(in Locale::en, lang.en))}
        </div>
    }
}
