//! App-wide state shared through context: the deployment's sub-path and
//! whether the borrower is logged in.
//!
//! The session learns from the API's answers only, through the hook the
//! shell installs ([`crate::api::on_session`]); what else depends on it
//! (drafts) listens here ([`Session::listen`]).

use crate::api::SessionNews;
use crate::routes::{strip_base, AppRoute};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// What the header and the pages need to know about the session.
#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until an API answer tells; `Some(false)` after logout/expiry.
    pub logged_in: RwSignal<Option<bool>>,
    /// The router base (e.g. `"/h5"`, or `""` at the root).
    pub base: StoredValue<String>,
    /// Who hears the news after the session itself.
    listeners: StoredValue<Vec<fn(&SessionNews)>>,
}

impl Session {
    /// The session of the app, shared with every page.
    pub fn provide(base: String) -> Self {
        let session = Self {
            logged_in: RwSignal::new(None),
            base: StoredValue::new(base),
            listeners: StoredValue::new(Vec::new()),
        };
        provide_context(session);
        session
    }

    /// What an API answer said about the session (the shell's hook).
    pub fn hear(self, news: SessionNews) {
        let known = !matches!(news, SessionNews::Closed | SessionNews::LoggedOut);
        if self.logged_in.try_get_untracked() != Some(Some(known)) {
            self.logged_in.try_set(Some(known));
        }
        // Taken out first: a listener may read the session.
        for listener in self.listeners.try_get_value().unwrap_or_default() {
            listener(&news);
        }
    }

    /// Calls `listener` with each piece of news, after the session has
    /// taken it in.
    pub fn listen(self, listener: fn(&SessionNews)) {
        self.listeners.update_value(|l| l.push(listener));
    }
}

/// The session installed at the root.
/// A component outside it is a bug that must show at once (a silent
/// default would drop the `/h5` base from every link).
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Returns a function that sends the borrower to the login page and back to
/// the current page (path and query) afterwards.
pub fn use_login_redirect() -> impl Fn() + Clone {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    move || {
        session.logged_in.set(Some(false));
        crate::bridge::send("sessionExpired", &[]);
        let path = location.pathname.get_untracked();
        let path = strip_base(&session.base.get_value(), &path);
        // The router gives the query without its `?`.
        let search = location.search.get_untracked();
        let search = search.trim_start_matches('?');
        let here = if search.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{search}")
        };
        // Inside an app that navigates itself, its own login (issue 16).
        let login = AppRoute::Login {
            next: Some(here),
            expired: true,
        };
        crate::bridge::go(login, true, navigate.clone());
    }
}

/// Navigates to a route of the app (or hands it to the native app,
/// `bridge::go`).
pub fn use_go() -> impl Fn(AppRoute) + Clone {
    let navigate = use_navigate();
    move |route: AppRoute| crate::bridge::go(route, false, navigate.clone())
}
