//! App-wide state shared through context: the deployment's sub-path and
//! whether the borrower is logged in.

use crate::api::{Done, Page, Read, Write};
use crate::routes::{strip_base, AppRoute};
use cashgo_core::{ApiError, Home};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// What the header and the pages need to know about the session.
#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until an API answer tells; `Some(false)` after logout/expiry.
    pub logged_in: RwSignal<Option<bool>>,
    /// The router base (e.g. `"/h5"`, or `""` at the root).
    pub base: StoredValue<String>,
}

impl Session {
    pub fn provide(base: String) -> Self {
        let session = Self {
            logged_in: RwSignal::new(None),
            base: StoredValue::new(base),
        };
        provide_context(session);
        session
    }

    /// What a page's first read says about the session, noted when its
    /// answer arrives (the one place reads learn it; pages don't write it).
    pub fn note_read(self, read: &Read, result: &Result<Page, ApiError>) {
        self.learn(match result {
            Ok(Page::Home(Home::Offer(_))) => Some(false),
            // Support is public: it proves nothing.
            Ok(_) => (*read != Read::Support).then_some(true),
            Err(ApiError::SessionExpired) => Some(false),
            Err(_) => None,
        });
    }

    /// What a write's answer says about the session.
    pub fn note_write(self, write: &Write, result: &Result<Done, ApiError>) {
        match (write, result) {
            // Drafts are the borrower's: gone with their session.
            (Write::LogOut, _) => crate::draft::clear_all(),
            (Write::SignIn { username, .. }, Ok(_)) => crate::draft::owned_by(username),
            _ => {}
        }
        self.learn(match (write, result) {
            // Forgotten here whatever the server said (the page says if it failed).
            (Write::LogOut, _) => Some(false),
            (_, Err(ApiError::SessionExpired)) => Some(false),
            // Feedback may be accepted without a session.
            (Write::Feedback { .. }, _) => None,
            (_, Ok(_)) => Some(true),
            (_, Err(_)) => None,
        });
    }

    fn learn(self, known: Option<bool>) {
        if let Some(known) = known {
            if self.logged_in.get_untracked() != Some(known) {
                self.logged_in.set(Some(known));
            }
        }
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
        let target = AppRoute::Login {
            next: Some(here),
            expired: true,
        }
        .path();
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
}

/// Navigates to a route of the app.
pub fn use_go() -> impl Fn(AppRoute) + Clone {
    let navigate = use_navigate();
    move |route: AppRoute| navigate(&route.path(), NavigateOptions::default())
}
