//! "Add the due day to my calendar": an `.ics` file where the browser can
//! download one, Google Calendar's event template where it can't.

use crate::config::Formats;
use crate::format;
use crate::i18n::*;
use crate::ics::DueEvent;
use crate::platform::Timer;
use cashgo_core::Money;
use cashgo_core::{Day, OrderNo};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The button (or, in a WebView, the link).
#[component]
pub fn AddToCalendar(
    /// The order number, for the event's identity and text.
    oid: OrderNo,
    /// The due day as the server sent it (Q5).
    due: Day,
    /// The amount to repay, as the page shows it.
    amount: Money,
) -> impl IntoView {
    let i18n = use_i18n();
    let formats = crate::api::formats();
    let event = move |locale: Locale| due_event(&oid, due, amount, formats, locale);
    if crate::platform::in_webview() {
        // A WebView has no downloads (and no popups): a same-page link to
        // Google Calendar's "new event" page, which works there and which
        // the native app may hand to the calendar app.
        let href = move || event(i18n.get_locale()).google_calendar_url();
        view! {
            <div class="field">
                <a class="button button-secondary" href=href aria-describedby="calendar-hint">
                    {tr!(i18n, repay.calendar)}
                </a>
                <p id="calendar-hint" class="field-hint">{tr!(i18n, repay.calendar_hint)}</p>
            </div>
        }
        .into_any()
    } else {
        let download = move |_| {
            let event = event(i18n.get_locale_untracked());
            let name = format!("cashgo-{}.ics", event.day.iso());
            if save_file(&name, &event.ics()).is_none() {
                // The download could not even start: the same-page link.
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_href(&event.google_calendar_url());
                }
            }
        };
        view! {
            <button type="button" class="button button-secondary" on:click=download>
                {tr!(i18n, repay.calendar)}
            </button>
        }
        .into_any()
    }
}

/// The event in `locale`, with the page's address in its details.
fn due_event(oid: &OrderNo, due: Day, amount: Money, formats: Formats, locale: Locale) -> DueEvent {
    let amount = format::money(amount, formats, locale);
    let oid = oid.to_string();
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let description = tr!(in locale,
        repay.calendar_description,
        oid = &oid,
        amount = &amount
    )
    .to_string();
    DueEvent {
        uid: format!("{oid}@cashgo"),
        day: due,
        summary: tr!(in locale, repay.calendar_summary, amount = &amount).to_string(),
        description: format!("{description}\n{here}"),
        alarm: tr!(in locale, repay.calendar_alarm, amount = &amount).to_string(),
        now_unix: crate::clock::now_unix(),
    }
}

/// Downloads `body` as the file `name` through a Blob and an `<a download>`.
///
/// Navigating to (or downloading) a `blob:` address is not governed by the
/// page's CSP, so the policy needs no change.
fn save_file(name: &str, body: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    // Attached while clicked: Firefox ignores a click on a detached link.
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // The browser reads the blob after the click returns; free it later,
    // even if the borrower has left the page by then.
    Timer::start(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .detach();
    Some(())
}
