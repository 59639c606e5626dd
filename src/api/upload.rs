//! #7 with progress. `fetch` can't report how much of a request body has
//! gone, so photos go through `XMLHttpRequest`, whose `upload` object does;
//! the reply is read as any other (`decode::upload`, Q4).

use super::transport::{self, is_login_url, Received};
use cashgo_core::endpoints::{self, ACCEPT, AJAX};
use cashgo_core::{decode, ApiError, UploadedFile};
use js_sys::Promise;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

/// An upload under way, to cancel.
#[derive(Clone)]
pub struct Sending {
    xhr: Option<XmlHttpRequest>,
    cancelled: Rc<Cell<bool>>,
}

impl Sending {
    /// Stops it: nothing more is sent, and its result is to be ignored.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(xhr) = &self.xhr {
            let _ = xhr.abort();
        }
    }
}

/// Starts uploading `photo` as `file_name`; `progress` hears the percentage
/// sent. Returns the handle to cancel it and the stored file's address.
pub fn send_photo(
    photo: Blob,
    file_name: String,
    progress: impl Fn(u32) + 'static,
) -> (
    Sending,
    impl Future<Output = Result<UploadedFile, ApiError>>,
) {
    let xhr = XmlHttpRequest::new().ok();
    let cancelled = Rc::new(Cell::new(false));
    let handle = Sending {
        xhr: xhr.clone(),
        cancelled: Rc::clone(&cancelled),
    };
    let done = async move {
        let xhr = xhr.ok_or_else(|| ApiError::Unexpected("no XMLHttpRequest".to_owned()))?;
        if !transport::online() {
            return Err(ApiError::Offline);
        }
        let url = super::url(endpoints::UPLOAD).await;
        if cancelled.get() {
            return Err(ApiError::Cancelled);
        }
        let received = exchange(&xhr, &url, &photo, &file_name, progress).await;
        // An aborted exchange reads as a cut connection: it was the borrower.
        if cancelled.get() {
            return Err(ApiError::Cancelled);
        }
        let received = received?;
        let origin = crate::url::origin(super::config().await.api_base()).unwrap_or_default();
        // Uploads are open to anyone: only an expired session is news.
        let answer = decode::upload(&received.reply(), &origin);
        super::heard(answer.as_ref().map(|_| None));
        answer
    };
    (handle, done)
}

/// Sends the multipart body and waits for the end of the exchange.
async fn exchange(
    xhr: &XmlHttpRequest,
    url: &str,
    photo: &Blob,
    file_name: &str,
    progress: impl Fn(u32) + 'static,
) -> Result<Received, ApiError> {
    let failed = |e: JsValue| ApiError::Unexpected(format!("cannot send the upload: {e:?}"));
    let form = transport::upload_form(photo, file_name)?;
    xhr.open_with_async("POST", url, true).map_err(failed)?;
    xhr.set_with_credentials(true);
    // As `transport::send`: JSON, and ThinkPHP's AJAX answers.
    xhr.set_request_header(ACCEPT.0, ACCEPT.1).map_err(failed)?;
    xhr.set_request_header(AJAX.0, AJAX.1).map_err(failed)?;
    xhr.set_timeout(endpoints::UPLOAD_TIMEOUT_MS.unsigned_abs());
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let timed_out = Rc::clone(&timed_out);
        Closure::<dyn FnMut()>::new(move || timed_out.set(true))
    };
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            // At most 100 by construction; the cast can't truncate.
            progress((e.loaded() / e.total() * 100.0).clamp(0.0, 100.0).round() as u32);
        }
    });
    let upload = xhr.upload().ok();
    if let Some(upload) = &upload {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    xhr.set_ontimeout(Some(on_timeout.as_ref().unchecked_ref()));
    // `loadend` follows every ending: done, failed, timed out, aborted.
    let mut settle = None;
    let ended = Promise::new(&mut |resolve, _reject| settle = Some(resolve));
    let on_end = Closure::<dyn FnMut()>::new(move || {
        if let Some(settle) = &settle {
            let _ = settle.call0(&JsValue::NULL);
        }
    });
    xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    let sent = xhr.send_with_opt_form_data(Some(&form));
    if sent.is_ok() {
        let _ = JsFuture::from(ended).await;
    }
    // The handlers go with their closures.
    xhr.set_onloadend(None);
    xhr.set_ontimeout(None);
    if let Some(upload) = &upload {
        upload.set_onprogress(None);
    }
    sent.map_err(|_| ApiError::Offline)?;
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return Err(if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Offline
        });
    }
    let final_url = xhr.response_url();
    Ok(Received {
        status,
        redirected_to_login: final_url != url && is_login_url(&final_url),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
    })
}
