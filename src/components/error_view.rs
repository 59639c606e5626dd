use crate::components::Link;
use crate::i18n::*;
use crate::routes::AppRoute;
use crate::session::use_login_redirect;
use cashgo_core::ApiError;
use leptos::prelude::*;

/// The translated sentence for an error: what happened and what to do.
pub fn error_text(locale: Locale, error: &ApiError) -> String {
    match error {
        ApiError::Offline => tr!(in locale, errors.offline).to_owned(),
        ApiError::Timeout => tr!(in locale, errors.timeout).to_owned(),
        ApiError::SessionExpired => tr!(in locale, errors.session_expired).to_owned(),
        ApiError::Server(message) => tr!(in locale, errors.server, message = message.clone()),
        ApiError::Unexpected(_) => tr!(in locale, errors.unexpected).to_owned(),
        ApiError::Unconfirmed => tr!(in locale, errors.unconfirmed).to_owned(),
        ApiError::Cancelled => tr!(in locale, errors.cancelled).to_owned(),
    }
}

/// Shows a failed load or action in place, with the way out: retry, log in
/// again (automatically, coming back here), or contact support.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: ApiError,
    /// Offered as a "Try again" button when the error may pass.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if error == ApiError::SessionExpired {
        let to_login = use_login_redirect();
        // After this render: navigating while rendering would fight the router.
        request_animation_frame(to_login);
    }
    if let ApiError::Unexpected(detail) = &error {
        leptos::logging::warn!("unexpected API reply: {detail}");
    }
    // A read may be retried after any answer but an expired session (a busy
    // server's own message included).
    let retry = retry.filter(|_| error != ApiError::SessionExpired);
    let needs_support = matches!(error, ApiError::Unexpected(_) | ApiError::Unconfirmed);
    let message = {
        let error = error.clone();
        move || error_text(i18n.get_locale(), &error)
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p class="notice-title">{tr!(i18n, errors.title)}</p>
            <p>{message}</p>
            <div class="actions">
                {retry.map(|retry| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>
                        {tr!(i18n, errors.retry)}
                    </button>
                })}
                {(error == ApiError::SessionExpired).then(|| view! {
                    <Link to=AppRoute::Login { next: None, expired: false } class="button">
                        {tr!(i18n, errors.login_again)}
                    </Link>
                })}
                {needs_support.then(|| view! {
                    <Link to=AppRoute::Support class="button button-secondary">
                        {tr!(i18n, errors.contact_support)}
                    </Link>
                })}
            </div>
        </div>
    }
}
