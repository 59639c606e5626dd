use crate::api::ApiError;
use crate::components::Link;
use crate::i18n::*;
use crate::routes::AppRoute;
use crate::session::use_login_redirect;
use leptos::prelude::*;

/// The translated sentence for an error: what happened and what to do.
pub fn error_text(i18n: I18n, error: &ApiError) -> String {
    match error {
        ApiError::Offline => t_string!(i18n, errors.offline).to_owned(),
        ApiError::Timeout => t_string!(i18n, errors.timeout).to_owned(),
        ApiError::SessionExpired => t_string!(i18n, errors.session_expired).to_owned(),
        ApiError::Server(message) => t_string!(i18n, errors.server, message = message.clone()),
        ApiError::Unexpected(_) => t_string!(i18n, errors.unexpected).to_owned(),
        ApiError::Unconfirmed => t_string!(i18n, errors.unconfirmed).to_owned(),
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
        move || error_text(i18n, &error)
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p class="notice-title">{crate::tr!(i18n, errors.title)}</p>
            <p>{message}</p>
            <div class="actions">
                {retry.map(|retry| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>
                        {crate::tr!(i18n, errors.retry)}
                    </button>
                })}
                {(error == ApiError::SessionExpired).then(|| view! {
                    <Link to=AppRoute::Login { next: None, expired: false } class="button">
                        {crate::tr!(i18n, errors.login_again)}
                    </Link>
                })}
                {needs_support.then(|| view! {
                    <Link to=AppRoute::Support class="button button-secondary">
                        {crate::tr!(i18n, errors.contact_support)}
                    </Link>
                })}
            </div>
        </div>
    }
}
