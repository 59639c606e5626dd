use crate::api::Write;
use crate::components::{write_action, ActionButton, ErrorView};
use crate::i18n::*;
use crate::routes::safe_next;
use crate::validate;
use cashgo_core::ApiError;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[derive(Clone, Copy, PartialEq, Eq)]
enum PhoneProblem {
    Missing,
    Invalid,
}

/// `/login`: phone number and password; back to `?next=` afterwards.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let show_password = RwSignal::new(false);
    let phone_problem = RwSignal::new(None::<PhoneProblem>);
    let password_missing = RwSignal::new(false);
    let expired = move || query.read().get("expired").is_some();

    let sign_in = write_action(move |done| {
        if done.is_ok() {
            // Read by the browser's parser: decoded once, however the page was reached.
            let next = crate::url::query_param("next").unwrap_or_default();
            let target = safe_next(&next).unwrap_or("/");
            navigate(
                target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sign_in.pending().get_untracked() {
            return;
        }
        let user = validate::phone(&phone.get_untracked());
        phone_problem.set(match (&user, phone.get_untracked().trim().is_empty()) {
            (Some(_), _) => None,
            (None, true) => Some(PhoneProblem::Missing),
            (None, false) => Some(PhoneProblem::Invalid),
        });
        let pass = password.get_untracked();
        password_missing.set(pass.is_empty());
        if let (Some(user), false) = (user, pass.is_empty()) {
            sign_in.dispatch(Write::SignIn {
                username: user,
                password: pass,
            });
        }
    };

    let failure = move || match sign_in.value().get() {
        Some(Err(ApiError::Server(message))) => {
            Some(view! { <p class="field-error form-error" role="alert">{message}</p> }.into_any())
        }
        Some(Err(error)) => Some(view! { <ErrorView error=error /> }.into_any()),
        _ => None,
    };

    view! {
        <section class="page page-narrow">
            <h1>{tr!(i18n, login.title)}</h1>
            <Show when=expired>
                <p class="notice notice-info" role="status">{tr!(i18n, login.expired_notice)}</p>
            </Show>
            <p>{tr!(i18n, login.intro)}</p>
            <form class="form" on:submit=submit novalidate=true>
                <div class="field">
                    <label for="login-phone">{tr!(i18n, login.phone)}</label>
                    <input
                        id="login-phone"
                        name="username"
                        type="tel"
                        inputmode="tel"
                        autocomplete="username"
                        aria-describedby="login-phone-hint login-phone-error"
                        aria-invalid=move || phone_problem.get().is_some().to_string()
                        prop:value=phone
                        on:input=move |ev| phone.set(event_target_value(&ev))
                    />
                    <p id="login-phone-hint" class="field-hint">{tr!(i18n, login.phone_hint)}</p>
                    <p id="login-phone-error" class="field-error" aria-live="polite">
                        {move || {
                            let locale = i18n.get_locale();
                            match phone_problem.get() {
                                Some(PhoneProblem::Missing) => tr!(in locale, login.phone_required),
                                Some(PhoneProblem::Invalid) => tr!(in locale, login.phone_invalid),
                                None => "",
                            }
                        }}
                    </p>
                </div>
                <div class="field">
                    <label for="login-password">{tr!(i18n, login.password)}</label>
                    <input
                        id="login-password"
                        name="password"
                        type=move || if show_password.get() { "text" } else { "password" }
                        autocomplete="current-password"
                        aria-describedby="login-password-error"
                        aria-invalid=move || password_missing.get().to_string()
                        prop:value=password
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                    <p id="login-password-error" class="field-error" aria-live="polite">
                        {move || if password_missing.get() { tr!(in i18n.get_locale(), login.password_required) } else { "" }}
                    </p>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=show_password
                            on:change=move |ev| show_password.set(event_target_checked(&ev))
                        />
                        {tr!(i18n, login.show_password)}
                    </label>
                </div>
                {failure}
                <ActionButton
                    pending=sign_in.pending()
                    label=move || tr!(i18n, login.submit)
                    busy_label=move || tr!(i18n, login.submitting)
                />
            </form>
        </section>
    }
}
