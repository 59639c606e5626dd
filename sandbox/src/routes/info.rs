//! #7 upload, #8 feedback, #10 contacts, #11 customer service, #15 languages,
//! and the uploaded files themselves.

use super::{Answer, LoggedOut, Session};
use crate::obj;
use crate::params::{BodyError, Params};
use crate::state::{Shared, Upload};
use crate::time;
use crate::wire::{err, err_without_data, ok, OrderedJson};
use crate::MAX_UPLOAD_BYTES;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Image kinds accepted, recognised by their first bytes.
fn sniff_image(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("gif", "image/gif"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else {
        None
    }
}

/// 64-bit FNV-1a.
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const CHOOSE_IMAGE: &str = "Please choose an image";
const TOO_LARGE: &str = "The image must not be larger than 5 MB";

/// #7 `POST /Info/ajaxUpload` (multipart `fileName=file`, `file=<binary>`).
/// Successful uploads alternate between the two reply shapes of Q4.
pub async fn upload(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let today = app.today();
    let mut world = session.lock_or(LoggedOut::Forbidden)?;
    match params.error {
        Some(BodyError::TooLarge) => return Ok(err_without_data(400, TOO_LARGE)),
        Some(BodyError::Malformed) => return Ok(err_without_data(400, CHOOSE_IMAGE)),
        None => {}
    }
    let field = params.nonblank("fileName").unwrap_or("file");
    let Some(file) = params.file(field).filter(|f| !f.bytes.is_empty()) else {
        return Ok(err_without_data(400, CHOOSE_IMAGE));
    };
    if file.bytes.len() > MAX_UPLOAD_BYTES {
        return Ok(err_without_data(400, TOO_LARGE));
    }
    let Some((ext, content_type)) = sniff_image(&file.bytes) else {
        return Ok(err_without_data(400, CHOOSE_IMAGE));
    };
    let n = world.uploads.len() as u64 + 1;
    let hex = format!("{:016x}{:016x}", fnv(n, &file.bytes), fnv(!n, &file.bytes));
    let day = time::ymd_compact(today);
    let name = format!("{hex}.{ext}");
    let rel = format!("{day}/{name}");
    let username = world.account().username.clone();
    world.uploads.push(Upload {
        n,
        rel: rel.clone(),
        content_type,
        file_name: file.file_name.clone(),
        bytes: file.bytes.to_vec(),
        username,
    });
    // Q4: odd uploads answer envelope 1 with a backslashed URL, even ones
    // envelope 3 with a relative path.
    Ok(if n % 2 == 1 {
        let host = app.origin.trim_start_matches("http://");
        ok(
            "SUCCEED",
            format!("http:\\\\{host}\\Public\\Upload\\{day}\\{name}"),
        )
    } else {
        obj! { "info" => rel, "status" => 1, "url" => "" }
    })
}

/// `GET /Public/Upload/YYYYMMDD/<name>`: an uploaded image.
pub async fn uploaded_file(
    State(app): State<Shared>,
    Path((day, file)): Path<(String, String)>,
) -> Response {
    let world = app.world();
    match world.upload(&format!("{day}/{file}")) {
        Some(upload) => (
            [
                (header::CONTENT_TYPE, upload.content_type),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            upload.bytes.clone(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

fn is_phone(s: &str) -> bool {
    let digits: String = s
        .strip_prefix('+')
        .unwrap_or(s)
        .chars()
        .filter(|c| *c != ' ' && *c != '-')
        .collect();
    (8..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

/// #8 `POST /Feedback/ajaxCreate` (`comments`, `contact`, `attachments`).
pub async fn feedback(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let now = app.now();
    let mut world = session.lock()?;
    let Some(comments) = params.nonblank("comments") else {
        return Ok(err(400, "Please describe your problem or suggestion"));
    };
    let Some(contact) = params.nonblank("contact") else {
        return Ok(err(400, "Please enter your phone number or e-mail"));
    };
    if !is_phone(contact) && !is_email(contact) {
        return Ok(err(400, "Please enter a valid phone number or e-mail"));
    }
    let attachments: Vec<&str> = params
        .fields
        .iter()
        .filter(|(k, v)| (k == "attachments" || k.starts_with("attachments[")) && !v.is_empty())
        .map(|(_, v)| v.as_str())
        .collect();
    let record = serde_json::json!({
        "username": world.account().username,
        "comments": comments,
        "contact": contact,
        "attachments": attachments,
        "at": now,
    });
    world.feedback.push(record);
    Ok(obj! { "status" => 200, "data" => "", "message" => "Submit Successfully" })
}

/// The contacts of #10's form, or the message refusing them. Read before
/// the world is locked (one pass over the fields, however many rows).
fn contact_rows(params: &Params) -> Result<Vec<serde_json::Value>, &'static str> {
    let mut list = Vec::new();
    for entry in params.array_of_maps("contacts") {
        let (mut name, mut phone, mut relate) = ("", "", "");
        for (k, v) in &entry {
            match k.as_str() {
                "name" => name = v.trim(),
                "phone" => phone = v.trim(),
                "relate" => relate = v.trim(),
                _ => {}
            }
        }
        if name.is_empty() && phone.is_empty() && relate.is_empty() {
            continue;
        }
        if name.is_empty() || phone.is_empty() {
            return Err("Every contact needs a name and a phone number");
        }
        if !phone.chars().any(|c| c.is_ascii_digit()) {
            return Err("Please enter a valid phone number");
        }
        list.push(serde_json::json!({ "name": name, "phone": phone, "relate": relate }));
    }
    if list.is_empty() {
        return Err("Please add at least one contact");
    }
    Ok(list)
}

/// #10 `POST /Contact/ajaxPush` (`contacts[i][name|phone|relate]`).
pub async fn contacts(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let now = app.now();
    let rows = contact_rows(&params);
    let mut world = session.lock_or(LoggedOut::LoginPage)?;
    let list = match rows {
        Ok(list) => list,
        Err(message) => return Ok(err(400, message)),
    };
    let record = serde_json::json!({
        "username": world.account().username,
        "contacts": list,
        "at": now,
    });
    world.contacts.push(record);
    Ok(ok("Successful", ""))
}

/// #11 `GET|POST /Index/contact` (public).
pub async fn service_contact() -> OrderedJson {
    ok(
        "successful",
        obj! { "phone_number" => "5580001234", "whatapp" => "5215580001234" },
    )
}

/// #15 `GET|POST /Index/languages` (public, envelope 2); `target` as set by
/// `/__sandbox/settings` (`web` unless `target=app`).
pub async fn languages(State(app): State<Shared>) -> OrderedJson {
    let target = app.world().knobs.target;
    obj! {
        "status" => 200,
        "languages" => vec![OrderedJson::from("Spanish"), OrderedJson::from("English")],
        "default" => "English",
        "target" => target.as_str(),
    }
}
