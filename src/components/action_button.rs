use leptos::prelude::*;

/// A button for a request that must be sent once: taps while the request is
/// pending are ignored, and the label says what is happening. It stays
/// focusable (`aria-disabled`, not `disabled`) so keyboard and screen-reader
/// users keep their place.
#[component]
pub fn ActionButton(
    /// True while the request is under way.
    #[prop(into)]
    pending: Signal<bool>,
    /// Label when idle.
    #[prop(into)]
    label: ViewFn,
    /// Label while pending.
    #[prop(into)]
    busy_label: ViewFn,
    /// Called on a tap; without it the button submits its form.
    #[prop(optional, into)]
    on_press: Option<Callback<()>>,
    /// Secondary look instead of the primary one.
    #[prop(optional)]
    secondary: bool,
) -> impl IntoView {
    let class = if secondary {
        "button button-block"
    } else {
        "button button-primary button-block"
    };
    let kind = if on_press.is_some() {
        "button"
    } else {
        "submit"
    };
    view! {
        <button
            type=kind
            class=class
            aria-disabled=move || pending.get().to_string()
            aria-busy=move || pending.get().to_string()
            on:click=move |ev| {
                if pending.get_untracked() {
                    ev.prevent_default();
                    return;
                }
                if let Some(on_press) = on_press {
                    on_press.run(());
                }
            }
        >
            {move || if pending.get() { busy_label.run() } else { label.run() }}
        </button>
    }
}
