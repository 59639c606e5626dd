//! HTTP: gloo-net `fetch` with the session cookie, a timeout on every
//! request, and failures mapped to [`ApiError`]. Decoding lives elsewhere.

use crate::platform::Timer;
use cashgo_core::endpoints::{ACCEPT, AJAX, FORM_TYPE};
use cashgo_core::{ApiError, Reply};
use gloo_net::http::{Method, RequestBuilder};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{AbortController, FormData, RequestCache, RequestCredentials};

/// A request body.
pub(crate) enum Body {
    Empty,
    /// Already urlencoded.
    Form(String),
}

/// A response, read to the end.
pub(crate) struct Received {
    pub(crate) status: u16,
    pub(crate) redirected_to_login: bool,
    pub(crate) body: String,
}

impl Received {
    pub(crate) fn reply(&self) -> Reply<'_> {
        Reply {
            http_status: self.status,
            redirected_to_login: self.redirected_to_login,
            body: &self.body,
        }
    }

    /// The body of a 2xx reply.
    pub(crate) fn ok_text(self) -> Option<String> {
        (200..300).contains(&self.status).then_some(self.body)
    }
}

/// Aborts the request after a delay; clears itself and aborts whatever is
/// still in flight when dropped (e.g. the page that asked went away).
struct Timeout {
    controller: AbortController,
    fired: Rc<Cell<bool>>,
    _timer: Timer,
}

impl Timeout {
    /// `None` where no `AbortController` can be made: the request then has
    /// no timeout.
    fn start(ms: i32) -> Option<Timeout> {
        let controller = AbortController::new().ok()?;
        let fired = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let fired = Rc::clone(&fired);
            Timer::start(ms, move || {
                fired.set(true);
                abort(&controller);
            })
        };
        Some(Timeout {
            controller,
            fired,
            _timer: timer,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        abort(&self.controller);
    }
}

/// Aborts with an `Error` as the reason: gloo-net expects rejections to be
/// `Error` objects.
fn abort(controller: &AbortController) {
    controller.abort_with_reason(&js_sys::Error::new("timeout").into());
}

fn failed(timeout: Option<&Timeout>) -> ApiError {
    if timeout.is_some_and(|t| t.fired.get()) {
        ApiError::Timeout
    } else {
        // A network failure, whatever `navigator.onLine` says: the user is
        // told to check the connection.
        ApiError::Offline
    }
}

/// Sends a request to `url` with the browser's cookies and reads the reply.
pub(crate) async fn send(
    method: Method,
    url: &str,
    body: Body,
    timeout_ms: i32,
) -> Result<Received, ApiError> {
    // The page's first read may already be on its way (index.html).
    let text = match &body {
        Body::Empty => "",
        Body::Form(text) => text.as_str(),
    };
    if let Some(reply) = super::early::take(method.as_str(), url, text).await {
        return reply;
    }
    let timeout = Timeout::start(timeout_ms);
    let builder = RequestBuilder::new(url)
        .method(method)
        .credentials(RequestCredentials::Include)
        .cache(RequestCache::NoStore)
        .header(ACCEPT.0, ACCEPT.1)
        .header(AJAX.0, AJAX.1)
        .abort_signal(timeout.as_ref().map(|t| t.controller.signal()).as_ref());
    let request = match body {
        Body::Empty => builder.build(),
        Body::Form(text) => builder.header(FORM_TYPE.0, FORM_TYPE.1).body(text),
    }
    .map_err(|e| ApiError::Unexpected(format!("cannot build request: {e}")))?;
    let response = request.send().await.map_err(|_| failed(timeout.as_ref()))?;
    let status = response.status();
    let redirected_to_login = response.redirected() && is_login_url(&response.url());
    let body = response
        .text()
        .await
        .map_err(|_| failed(timeout.as_ref()))?;
    Ok(Received {
        status,
        redirected_to_login,
        body,
    })
}

/// False only when the browser knows it is offline (`navigator.onLine`):
/// a request then certainly never leaves.
pub(crate) fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Whether a response's final URL is a login page (Q10): its path names
/// one (not its host or query). No URL is none.
pub(crate) fn is_login_url(final_url: &str) -> bool {
    !final_url.is_empty()
        && crate::url::path(final_url)
            .is_some_and(|path| path.to_ascii_lowercase().contains("login"))
}

/// A multipart body for #7: `fileName=file` and `file=<binary>`.
pub(crate) fn upload_form(photo: &web_sys::Blob, file_name: &str) -> Result<FormData, ApiError> {
    let build = || -> Result<FormData, wasm_bindgen::JsValue> {
        let form = FormData::new()?;
        form.append_with_str("fileName", "file")?;
        form.append_with_blob_and_filename("file", photo, file_name)?;
        Ok(form)
    };
    build().map_err(|e| ApiError::Unexpected(format!("cannot build upload form: {e:?}")))
}
