//! Start-up: panic screen, runtime config, language, mount.

use crate::i18n::{tr, Locale};
use crate::lang;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// The language on screen, for the crash screen (which can't use context).
    static SHOWN: Cell<Locale> = const { Cell::new(Locale::es) };
}

/// Keeps [`SHOWN`] and `<html lang>` in step with the language on screen.
pub fn follow_locale(i18n: crate::i18n::I18n) {
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        SHOWN.with(|s| s.set(locale));
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang::code(locale));
        }
    });
}

/// Boots the app: installs the crash screen, decides the language and
/// mounts. Nothing here waits for the network when the address, the saved
/// choice or the device decide the language (nearly always): `config.json`
/// is read by the first API call, and the server's language list is asked
/// only when nothing else decides.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
    let base = crate::routes::router_base();
    let url = lang::url_lang();
    let device = lang::device_languages();
    let saved = lang::saved();
    // A link that names a language is a choice: keep it for next time.
    let chosen = url.as_deref().and_then(lang::parse).is_some();
    let decide = move |config_default: Option<cashgo_core::Lang>| {
        lang::resolve_local(&lang::LangInputs {
            url: url.as_deref(),
            saved: saved.as_deref(),
            device: &device,
            config_default,
        })
    };
    // Without the operator's default first: it would mean waiting for config.json.
    match decide(None) {
        Some(locale) => mount(locale, base, chosen),
        None => wasm_bindgen_futures::spawn_local(async move {
            let config = crate::api::config().await;
            let local = decide(config.default_locale);
            let server_default = match local {
                Some(_) => None,
                None => crate::api::languages()
                    .await
                    .ok()
                    .and_then(|l| l.default)
                    .map(lang::from_lang),
            };
            let locale = lang::resolve_with_server(local, server_default);
            mount(locale, base, chosen);
        }),
    }
}

fn mount(locale: Locale, base: String, chosen: bool) {
    if chosen {
        lang::save(locale);
    }
    SHOWN.with(|s| s.set(locale));
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || {
        view! { <crate::App locale=locale base=base.clone() /> }
    });
}

/// Removes the first paint (`#paint`, index.html and `paint/`): called when
/// the app draws a page's data or its error, in the same task, so the swap
/// never shows a frame without either.
pub fn unpaint() {
    if let Some(paint) = document().get_element_by_id("paint") {
        paint.remove();
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
            tr!(in Locale::es, panic.title),
            tr!(in Locale::es, panic.body),
            tr!(in Locale::es, panic.reload),
        ),
        Locale::en => (
            tr!(in Locale::en, panic.title),
            tr!(in Locale::en, panic.body),
            tr!(in Locale::en, panic.reload),
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
