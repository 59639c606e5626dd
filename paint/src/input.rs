//! What `index.html`'s script hands over, and the decisions the app would
//! take from the same facts: the route, the language, the configuration, and
//! whether the early read is the request the app will take.

use serde::Deserialize;

/// The page as the browser has it when the early read has settled.
#[derive(Deserialize)]
pub struct Input {
    /// `location.pathname`.
    pub path: String,
    /// The path of `document.baseURI` (`/`, or `/h5/` under a sub-path).
    pub base: String,
    /// `?lang=` of the address.
    pub lang: Option<String>,
    /// The saved choice (`localStorage["cashgo.lang"]`).
    pub saved: Option<String>,
    /// `navigator.languages`.
    #[serde(default)]
    pub device: Vec<String>,
    /// `navigator.userAgent`.
    #[serde(default)]
    pub ua: String,
    /// `Date.now()`: milliseconds since the Unix epoch.
    pub now: f64,
    /// The early `config.json` request's outcome.
    pub config: Option<Early>,
    /// The early read: method, URL, body.
    pub read: Request,
    /// Its outcome.
    pub reply: Option<Early>,
}

/// An early request's outcome (`index.html`): `{s, r, u, b}` or `{e}`.
#[derive(Deserialize)]
pub struct Early {
    /// HTTP status.
    pub s: Option<f64>,
    /// Redirected.
    pub r: Option<bool>,
    /// Body.
    pub b: Option<String>,
    /// `"timeout"` or `"offline"`.
    pub e: Option<String>,
}

/// The early read as `index.html` sent it.
#[derive(Deserialize)]
pub struct Request {
    pub m: String,
    pub u: String,
    pub b: String,
}

impl Early {
    /// The body of a 2xx reply that was not redirected; `None` for anything
    /// else (a failure, an error status, a redirect).
    fn ok_body(&self) -> Option<&str> {
        if self.e.is_some() || self.r != Some(false) {
            return None;
        }
        let status = self.s?;
        (200.0..300.0)
            .contains(&status)
            .then(|| self.b.as_deref().unwrap_or(""))
    }
}

/// What to paint (filled in with the domain crate).
pub struct Page;

impl Input {
    /// The page to paint, if the app would draw exactly this.
    pub fn page(&self) -> Option<Page> {
        let _ = (&self.config, &self.reply, &self.read, self.now);
        let _ = self.reply.as_ref().and_then(Early::ok_body);
        None
    }
}
