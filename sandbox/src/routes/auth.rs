//! #1 sign in, #2 log out, and the HTML login page PHP redirects to (Q10).

use super::{Session, SESSION_COOKIE};
use crate::params::Params;
use crate::state::{new_session_id, Shared};
use crate::wire::{err, err_without_data, ok};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// #1 `POST /Index/ajaxSignIn` (`username`, `password`).
pub async fn sign_in(State(app): State<Shared>, params: Params) -> Response {
    let (Some(username), Some(password)) =
        (params.nonblank("username"), params.nonblank("password"))
    else {
        // Q3: some errors come without `data`.
        return err_without_data(400, "Please enter your phone number and password")
            .into_response();
    };
    let mut world = app.world();
    let Some(index) = world
        .accounts
        .iter()
        .position(|a| a.username == username && a.password == password)
    else {
        return err(400, "Incorrect username or password").into_response();
    };
    world.session_counter += 1;
    let sid = new_session_id(world.session_counter);
    world.sessions.insert(sid.clone(), index);
    let mut res = ok("login successful", "/Repay/index.shtml").into_response();
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={sid}; Path=/; HttpOnly; SameSite=Lax"
    )) {
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    res
}

/// #2 `GET /Index/ajaxLogOut`.
pub async fn log_out(State(app): State<Shared>, session: Session) -> Response {
    if let Some(sid) = session.id() {
        app.world().sessions.remove(sid);
    }
    let mut res = crate::obj! { "status" => 200, "message" => "Logout successful" }.into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "PHPSESSID=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
        ),
    );
    res
}

/// `GET /Index/login`: the page a PHP redirect lands on (HTML, not JSON).
pub async fn login_page() -> Html<&'static str> {
    Html(LOGIN_PAGE)
}

/// `GET /Repay/index.shtml` (the sign-in reply's `data`): back to the app.
pub async fn after_login(State(app): State<Shared>, session: Session) -> Response {
    let to = if session.lock().is_ok() {
        app.settings.base.clone()
    } else {
        "/Index/login".to_string()
    };
    Redirect::to(&to).into_response()
}

/// The login page (also served by the `login-page` fault).
pub const LOGIN_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CashGo - Login</title></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto">
<h1>CashGo</h1>
<p>Your session has expired. Please log in.</p>
<form method="post" action="/Index/ajaxSignIn">
<p><label>Phone number<br><input name="username" inputmode="numeric"></label></p>
<p><label>Password<br><input name="password" type="password"></label></p>
<p><button type="submit">Log in</button></p>
</form>
</body>
</html>
"#;
