//! Start-up: panic screen, runtime config, language, mount.

use crate::i18n::Locale;
use crate::{config, lang};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// The language on screen, for the crash screen (which can't use context).
    static SHOWN: Cell<Locale> = const { Cell::new(Locale::es) };
}

/// Keeps [`SHOWN`] in step with the language on screen.
pub fn follow_locale(i18n: I18nContext<Locale>) {
    Effect::new(move |_| SHOWN.with(|s| s.set(i18n.get_locale())));
}

/// Boots the app: installs the crash screen, loads `config.json`, decides the
/// language and mounts.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
    wasm_bindgen_futures::spawn_local(async {
        let base = router_base();
        config::set(load_config(&base).await);
        let device = lang::device_languages();
        let url = lang::url_lang();
        let saved = lang::saved();
        let config_default = config::get().default_locale;
        let local = lang::resolve_local(&lang::LangInputs {
            url: url.as_deref(),
            saved: saved.as_deref(),
            device: &device,
            config_default: config_default.as_deref(),
        });
        let server_default = match local {
            Some(_) => None,
            None => crate::api::languages().await.ok().and_then(|l| l.default),
        };
        let locale = lang::resolve_with_server(local, server_default.as_deref());
        if url.as_deref().and_then(lang::parse).is_some() {
            // A link that names a language is a choice: keep it for next time.
            lang::save(locale);
        }
        SHOWN.with(|s| s.set(locale));
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(move || {
            view! { <crate::App locale=locale base=base.clone() /> }
        });
    });
}

/// The sub-path the app is served under, from Trunk's `<base href>`
/// (`""` at the origin root, `"/h5"` under `/h5/`).
fn router_base() -> String {
    let Some(base) = document().query_selector("base[href]").ok().flatten() else {
        return String::new();
    };
    let href = base.get_attribute("href").unwrap_or_default();
    let path = match href.find("://") {
        // An absolute URL: keep only its path.
        Some(i) => href[i + 3..]
            .find('/')
            .map(|p| &href[i + 3 + p..])
            .unwrap_or("/"),
        None => href.as_str(),
    };
    path.trim_end_matches('/').to_owned()
}

/// `config.json` beside `index.html`; missing or broken means defaults.
async fn load_config(base: &str) -> config::Config {
    let url = format!("{base}/config.json");
    let text = async {
        let response = gloo_net::http::Request::get(&url).send().await.ok()?;
        if !response.ok() {
            return None;
        }
        response.text().await.ok()
    };
    match text.await {
        Some(text) => config::Config::from_json(&text),
        None => config::Config::default(),
    }
}

/// Replaces the page with a translated "reload" screen. Built with plain DOM
/// calls: after a panic the reactive system can't be trusted.
fn show_crash_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let locale = SHOWN.with(Cell::get);
    let (title, text, reload) = match locale {
        Locale::es => (
            crate::i18n::td_string!(Locale::es, panic.title),
            crate::i18n::td_string!(Locale::es, panic.body),
            crate::i18n::td_string!(Locale::es, panic.reload),
        ),
        Locale::en => (
            crate::i18n::td_string!(Locale::en, panic.title),
            crate::i18n::td_string!(Locale::en, panic.body),
            crate::i18n::td_string!(Locale::en, panic.reload),
        ),
    };
    body.set_text_content(None);
    let build = || -> Option<()> {
        let main = document.create_element("main").ok()?;
        main.set_class_name("crash");
        main.set_attribute("role", "alert").ok()?;
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(title));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(text));
        let button = document.create_element("button").ok()?;
        button.set_class_name("button");
        button.set_attribute("type", "button").ok()?;
        let reload_page = Closure::<dyn Fn()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        button
            .add_event_listener_with_callback("click", reload_page.as_ref().unchecked_ref())
            .ok()?;
        // The screen lives until the page reloads: the handler must too.
        reload_page.forget();
        button.set_text_content(Some(reload));
        main.append_child(&h1).ok()?;
        main.append_child(&p).ok()?;
        main.append_child(&button).ok()?;
        body.append_child(&main).ok()?;
        Some(())
    };
    let _ = build();
}
