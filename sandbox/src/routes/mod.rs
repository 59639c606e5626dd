//! The API endpoints, grouped as the original document groups them.

pub mod auth;
pub mod gateway;
pub mod gateway_images;
pub mod info;
pub mod loans;
pub mod pay;
pub mod sandbox;

use crate::obj;
use crate::state::{Account, Shared, World};
use crate::wire::{need_login, OrderedJson, Reply};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::convert::Infallible;
use std::ops::{Deref, DerefMut};
use std::sync::MutexGuard;

pub const SESSION_COOKIE: &str = "PHPSESSID";

/// The `PHPSESSID` cookie of a request, if any.
pub fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_string())
}

/// How an endpoint answers a visitor without a session (Q10): most with
/// the `-100` envelope, a few otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoggedOut {
    /// `{"status":-100,"message":"Please log in first","data":""}`.
    NeedLogin,
    /// #7: HTTP 403 `{"status":403,"message":"Please log in first"}`.
    Forbidden,
    /// #4: HTTP 401 `{"status":401,"message":"Unauthorized"}`.
    Unauthorized,
    /// #10: a PHP redirect to the HTML login page.
    LoginPage,
    /// #3: the public offer instead of a loan.
    PublicOffer,
}

impl IntoResponse for LoggedOut {
    fn into_response(self) -> Response {
        match self {
            LoggedOut::NeedLogin => need_login().into_response(),
            LoggedOut::Forbidden => Reply(
                StatusCode::FORBIDDEN,
                obj! { "status" => 403, "message" => "Please log in first" },
            )
            .into_response(),
            LoggedOut::Unauthorized => Reply(
                StatusCode::UNAUTHORIZED,
                obj! { "status" => 401, "message" => "Unauthorized" },
            )
            .into_response(),
            LoggedOut::LoginPage => Redirect::to("/Index/login").into_response(),
            LoggedOut::PublicOffer => loans::public_offer().into_response(),
        }
    }
}

/// What an endpoint that needs a session answers: its reply, or how it
/// says "log in first".
pub type Answer = Result<OrderedJson, LoggedOut>;

/// A request's session, for the endpoints that need a signed-in borrower:
/// `session.lock()?` locks the world and finds the session's account, or
/// answers [`LoggedOut::NeedLogin`] (`lock_or` names another answer).
///
/// The session is looked up under the same lock the handler then works
/// with (not when the request arrives), so a sign-out or a reset that lands
/// while a body is read is answered as logged out, and a handler never acts
/// for a session that is gone.
pub struct Session {
    app: Shared,
    id: Option<String>,
}

impl FromRequestParts<Shared> for Session {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &Shared) -> Result<Self, Infallible> {
        Ok(Session {
            app: app.clone(),
            id: session_id(&parts.headers),
        })
    }
}

impl Session {
    /// The world, locked, with the session's account; `-100` when the
    /// request has no session or an unknown one.
    pub fn lock(&self) -> Result<SignedIn<'_>, LoggedOut> {
        self.lock_or(LoggedOut::NeedLogin)
    }

    /// [`Session::lock`], answering `logged_out` instead of `-100`.
    pub fn lock_or(&self, logged_out: LoggedOut) -> Result<SignedIn<'_>, LoggedOut> {
        let world = self.app.world();
        let user = self
            .id
            .as_ref()
            .and_then(|id| world.sessions.get(id).copied());
        match user {
            Some(user) => Ok(SignedIn { world, user }),
            None => Err(logged_out),
        }
    }

    /// The session id the request carries, known to the sandbox or not.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// The locked world (it derefs to [`World`]) and the signed-in account.
pub struct SignedIn<'a> {
    world: MutexGuard<'a, World>,
    user: usize,
}

impl SignedIn<'_> {
    pub fn account(&self) -> &Account {
        &self.world.accounts[self.user]
    }

    pub fn account_mut(&mut self) -> &mut Account {
        &mut self.world.accounts[self.user]
    }
}

impl Deref for SignedIn<'_> {
    type Target = World;

    fn deref(&self) -> &World {
        &self.world
    }
}

impl DerefMut for SignedIn<'_> {
    fn deref_mut(&mut self) -> &mut World {
        &mut self.world
    }
}
