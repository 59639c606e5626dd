use crate::i18n::*;
use crate::lang;
use leptos::prelude::*;

/// Spanish / English toggle, on every page. The choice is remembered and
/// replaces any `?lang=` in the address so a reload keeps it.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |locale: Locale| {
        i18n.set_locale(locale);
        lang::save(locale);
        replace_lang_in_url(locale);
    };
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
        <div class="lang-switch" role="group" aria-label=move || t_string!(i18n, lang.label)>
            {option(Locale::es, td_string!(Locale::es, lang.es))}
            {option(Locale::en, td_string!(Locale::en, lang.en))}
        </div>
    }
}

fn replace_lang_in_url(locale: Locale) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    if lang::query_param(&search, "lang").is_none() {
        return;
    }
    let rest: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.starts_with("lang=") && !pair.is_empty())
        .collect();
    let mut query = rest.join("&");
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str("lang=");
    query.push_str(lang::code(locale));
    let url = format!("{path}?{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
