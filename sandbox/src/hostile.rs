//! Hostile strings (`/__sandbox/settings` `hostile=1`): every string the app
//! shows a borrower is replaced, in every JSON reply, by an entry of an XSS
//! and layout corpus, so tests can check that the app shows them as text
//! and never follows or runs them.
//!
//! Replaced: messages (`message`, `msg`, `info`), the payment method's
//! `name`, `reference`, `barcode`, the bill's `utr`, support `phone_number`
//! and `whatapp`, language names (`languages`, `default`) and the URLs
//! `checkout`, `path`, `origin_img`, `image` (those by the URL entries only).
//! Kept: ids and order numbers, amounts, days, timestamps, statuses, the
//! payment link of #16 and the upload replies' file addresses, so the app
//! can still navigate and compute.
//!
//! Text fields take the corpus's entries in turn, URL fields the URL
//! entries in turn; the turns continue from reply to reply (back to the
//! first entry on a reset), so reloading a page cycles through every kind. Within one reply, equal strings get equal
//! replacements (the `default` language stays one of `languages`).

use crate::state::Shared;
use crate::wire::{OrderedJson, Written};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Json, Response};
use std::collections::HashMap;

/// A right-to-left override before a reversed file name.
const RTL_OVERRIDE: &str = "\u{202E}gnp.exe";
const JS_URL: &str = "javascript:alert(1)";
const DATA_URL: &str = "data:text/html,<script>alert(1)</script>";
const PROTOCOL_RELATIVE_URL: &str = "//evil.example/x";
/// Length of the corpus's long string (no spaces).
pub const LONG_LEN: usize = 10 * 1024;

/// The whole corpus, text fields' order.
pub fn corpus() -> Vec<String> {
    vec![
        "<img src=x onerror=alert(1)>".to_string(),
        "<script>alert(1)</script>".to_string(),
        JS_URL.to_string(),
        DATA_URL.to_string(),
        PROTOCOL_RELATIVE_URL.to_string(),
        RTL_OVERRIDE.to_string(),
        "W".repeat(LONG_LEN),
    ]
}

/// The entries used for URL fields.
pub const URLS: [&str; 3] = [JS_URL, DATA_URL, PROTOCOL_RELATIVE_URL];

const TEXT_KEYS: [&str; 10] = [
    "message",
    "msg",
    "info",
    "name",
    "reference",
    "barcode",
    "utr",
    "phone_number",
    "whatapp",
    "default",
];
const URL_KEYS: [&str; 4] = ["checkout", "path", "origin_img", "image"];

/// Where the next text and URL fields start in the corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Turns {
    pub text: usize,
    pub url: usize,
}

struct Rewriter {
    corpus: Vec<String>,
    turns: Turns,
    /// `info` is a file path, not a message, in upload replies.
    upload: bool,
    seen: HashMap<(bool, String), String>,
}

impl Rewriter {
    fn replace(&mut self, s: &mut String, url: bool) {
        let key = (url, std::mem::take(s));
        if let Some(done) = self.seen.get(&key) {
            s.clone_from(done);
            return;
        }
        let new = if url {
            self.turns.url += 1;
            URLS[(self.turns.url - 1) % URLS.len()].to_string()
        } else {
            self.turns.text += 1;
            self.corpus[(self.turns.text - 1) % self.corpus.len()].clone()
        };
        s.clone_from(&new);
        self.seen.insert(key, new);
    }

    fn walk(&mut self, j: &mut OrderedJson) {
        match j {
            OrderedJson::Obj(fields) => {
                for (key, value) in fields.iter_mut() {
                    let key = key.as_str();
                    match value {
                        OrderedJson::Str(s) if URL_KEYS.contains(&key) => self.replace(s, true),
                        OrderedJson::Str(s)
                            if TEXT_KEYS.contains(&key) && !(self.upload && key == "info") =>
                        {
                            self.replace(s, false)
                        }
                        OrderedJson::Arr(items) if key == "languages" => {
                            for item in items.iter_mut() {
                                if let OrderedJson::Str(s) = item {
                                    self.replace(s, false);
                                }
                            }
                        }
                        other => self.walk(other),
                    }
                }
            }
            OrderedJson::Arr(items) => items.iter_mut().for_each(|item| self.walk(item)),
            _ => {}
        }
    }
}

/// Rewrite one reply; returns where the turns stand afterwards.
pub fn rewrite(j: &mut OrderedJson, path: &str, turns: Turns) -> Turns {
    let mut r = Rewriter {
        corpus: corpus(),
        turns,
        upload: path == "/Info/ajaxUpload",
        seen: HashMap::new(),
    };
    r.walk(j);
    r.turns
}

/// Middleware on the API: rewrite JSON replies while the switch is on.
pub async fn apply(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    if !app.world().knobs.hostile {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Some(Written(mut j)) = parts.extensions.remove::<Written>() else {
        return Response::from_parts(parts, body);
    };
    {
        let mut world = app.world();
        world.hostile_turns = rewrite(&mut j, &path, world.hostile_turns);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(j.text()))
}

/// `GET /__sandbox/hostile`: the corpus, as a JSON array.
pub async fn list() -> Response {
    Json(corpus()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::obj;

    #[test]
    fn turns_memo_and_kept_fields() {
        let mut j = obj! {
            "status" => 200,
            "message" => "ok",
            "data" => obj! {
                "oid" => "2026",
                "name" => "stp",
                "reference" => "123",
                "image" => "http://x/a.svg",
                "path" => "http://x/b.svg",
                "expire" => "2026-05-21 15:00:00",
                "money" => "5.00",
            },
        };
        let turns = rewrite(&mut j, "/Repay/payTransf", Turns::default());
        assert_eq!(turns, Turns { text: 3, url: 2 });
        let c = corpus();
        let v: serde_json::Value = serde_json::from_str(&j.text()).unwrap();
        assert_eq!(v["message"], c[0].as_str());
        assert_eq!(v["data"]["name"], c[1].as_str());
        assert_eq!(v["data"]["reference"], c[2].as_str());
        assert_eq!(v["data"]["image"], URLS[0]);
        assert_eq!(v["data"]["path"], URLS[1]);
        for (k, kept) in [
            ("oid", "2026"),
            ("expire", "2026-05-21 15:00:00"),
            ("money", "5.00"),
        ] {
            assert_eq!(v["data"][k], kept);
        }
        assert_eq!(v["status"], 200);

        let mut j = obj! {
            "status" => 200,
            "languages" => vec![OrderedJson::from("Spanish"), OrderedJson::from("English")],
            "default" => "English",
        };
        let turns = rewrite(&mut j, "/Index/languages", Turns { text: 6, url: 0 });
        assert_eq!(turns.text, 8);
        let v: serde_json::Value = serde_json::from_str(&j.text()).unwrap();
        assert_eq!(v["languages"][0].as_str().map(str::len), Some(LONG_LEN));
        assert_eq!(v["languages"][1], c[0].as_str());
        assert_eq!(v["default"], c[0].as_str());

        let mut j = obj! { "info" => "20260520/a.png", "status" => 1, "url" => "" };
        rewrite(&mut j, "/Info/ajaxUpload", Turns::default());
        assert_eq!(j.text(), r#"{"info":"20260520/a.png","status":1,"url":""}"#);
    }
}
