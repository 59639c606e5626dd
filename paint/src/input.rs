//! What `index.html`'s script hands over, and the decisions the app would
//! take from the same facts: the route, the language, the configuration, and
//! whether the early read is the request the app will take.

use crate::catalog::{Catalog, EN, ES};
use cashgo_core::config::Config;
use cashgo_core::lang::{resolve_local, LangInputs};
use cashgo_core::{browser, decode, endpoints, form, Reply};
use cashgo_core::{BadgeLabel, CurrentLoan, Day, DelayDetail, Home, Lang, LoanDetail};
use cashgo_core::{LoanStatus, Money, MoneyFormat, OrderNo};
/// The page as the browser has it when the early read has settled:
/// `index.html`'s script sends these fields in this order, each as text,
/// separated by NUL (a field holding a NUL is never sent: nothing is painted).
pub struct Input<'a> {
    /// `location.pathname`.
    pub path: &'a str,
    /// The path of `document.baseURI` (`/`, or `/h5/` under a sub-path).
    pub base: &'a str,
    /// `?lang=` of the address (empty: none).
    pub lang: &'a str,
    /// The saved choice, `localStorage["cashgo.lang"]` (empty: none).
    pub saved: &'a str,
    /// `navigator.languages`, separated by U+0001.
    pub device: Vec<String>,
    /// `navigator.userAgent`.
    pub ua: &'a str,
    /// `Math.floor(Date.now() / 1000)`, as the app's clock reads it.
    pub now: &'a str,
    /// The early `config.json` request's outcome.
    pub config: Early<'a>,
    /// The early read: method, URL, body.
    pub read: [&'a str; 3],
    /// Its outcome.
    pub reply: Early<'a>,
}

/// An early request's outcome (`index.html`'s `{s, r, u, b}` or `{e}`).
pub struct Early<'a> {
    /// The HTTP status; empty when the request failed (`e`).
    pub status: &'a str,
    /// `"1"` when redirected.
    pub redirected: &'a str,
    pub body: &'a str,
}

impl<'a> Input<'a> {
    /// Reads the script's text: exactly 15 fields.
    pub fn parse(text: &'a str) -> Option<Input<'a>> {
        let fields: Vec<&str> = text.split('\0').collect();
        let &[path, base, lang, saved, device, ua, now, config_status, config_body, m, u, b, status, redirected, body] =
            fields.as_slice()
        else {
            return None;
        };
        Some(Input {
            path,
            base,
            lang,
            saved,
            device: device
                .split('\u{1}')
                .filter(|tag| !tag.is_empty())
                .map(str::to_owned)
                .collect(),
            ua,
            now,
            config: Early {
                status: config_status,
                redirected: "",
                body: config_body,
            },
            read: [m, u, b],
            reply: Early {
                status,
                redirected,
                body,
            },
        })
    }
}

impl Early<'_> {
    /// The HTTP status of a reply, `None` for a request that failed.
    fn status(&self) -> Option<u16> {
        self.status.parse().ok()
    }

    /// The body of a 2xx reply, as the app reads `config.json`
    /// (`Received::ok_text`).
    fn ok_text(&self) -> Option<&str> {
        let status = self.status()?;
        (200..300).contains(&status).then_some(self.body)
    }

    /// A page's reply, only when it is plainly one the decoders may show:
    /// 2xx and not redirected. The app would decode a few more (a JSON body
    /// on an error status); the painter leaves those to it.
    fn page_reply(&self) -> Option<Reply<'_>> {
        if self.redirected != "0" {
            return None;
        }
        Some(Reply::new(self.status()?, self.ok_text()?))
    }
}

/// A page the painter knows, from the address (`AppRoute::parse` for the
/// three pages `index.html` reads early).
enum Route {
    Home,
    Repay(OrderNo),
    Extend(OrderNo),
}

impl Route {
    /// The route of `path` under the deployment's `base` (`/`, `/h5/`), as
    /// the app strips its sub-path (`routes::strip_base`) and parses it.
    fn parse(path: &str, base: &str) -> Option<Route> {
        let base = base.trim_end_matches('/');
        let path = match path.strip_prefix(base) {
            _ if base.is_empty() => path,
            Some("") => "/",
            Some(rest) if rest.starts_with('/') => rest,
            _ => path,
        };
        if path == "/" {
            return Some(Route::Home);
        }
        let (page, oid) = path.strip_prefix('/')?.split_once('/')?;
        let oid = OrderNo::new(oid)?;
        match page {
            "repay" => Some(Route::Repay(oid)),
            "extend" => Some(Route::Extend(oid)),
            _ => None,
        }
    }

    /// The request the app sends for this page's first read (`api::read`
    /// through `transport::send`): method, URL, body.
    fn request(&self, config: &Config) -> (&'static str, String, String) {
        let url = |path: &str| format!("{}{path}", config.api_base());
        let oid = |oid: &OrderNo| form::form_body(&[(endpoints::ORDER_FIELD, oid.as_str())]);
        match self {
            Route::Home => ("GET", url(endpoints::LOANS), String::new()),
            Route::Repay(o) => ("POST", url(endpoints::LOAN_DETAIL), oid(o)),
            Route::Extend(o) => ("POST", url(endpoints::LOAN_DELAY), oid(o)),
        }
    }
}

/// What to paint, and everything it is written with.
pub struct Page {
    pub lang: Lang,
    /// The sub-path for links (`""` or `"/h5"`).
    pub base: String,
    /// Inside a native app's WebView (the calendar is a link there).
    pub webview: bool,
    /// Today in the server's zone.
    pub today: Day,
    pub money: MoneyFormat,
    pub what: What,
}

/// The page and its data.
pub enum What {
    /// `/repay/:oid`: the order number from the address, and the reply.
    Repay(OrderNo, LoanDetail),
    Extend(OrderNo, DelayDetail),
    /// `/` logged in.
    Home(CurrentLoan),
}

impl Input<'_> {
    /// The page to paint, if the app is going to draw exactly this from the
    /// same early reply; `None` whenever anything is unexpected or unsure.
    pub fn page(&self) -> Option<Page> {
        // `config.json` as the app reads it: a failed or non-2xx request, or
        // a broken file, means the defaults.
        let config = self
            .config
            .ok_text()
            .map(Config::from_json)
            .unwrap_or_default();
        // The language as `boot::start` decides it; one only the server's
        // default could decide is not painted.
        let lang = resolve_local(&LangInputs {
            url: Some(self.lang).filter(|l| !l.is_empty()),
            saved: Some(self.saved).filter(|s| !s.is_empty()),
            device: &self.device,
            config_default: config.default_locale,
        })?;
        let route = Route::parse(self.path, self.base)?;
        // The app takes the early read only when it is the very request it
        // would send (`api::early::take`); otherwise it asks again, and
        // might see something else.
        let (method, url, body) = route.request(&config);
        if self.read != [method, url.as_str(), body.as_str()] {
            return None;
        }
        let reply = self.reply.page_reply()?;
        let offset = config.server_utc_offset_minutes;
        let what = match route {
            Route::Repay(oid) => {
                let detail = decode::loan_detail(&reply, offset).ok()?;
                known(detail.bill.status)?;
                What::Repay(oid, detail)
            }
            Route::Extend(oid) => {
                let detail = decode::delay_detail(&reply, offset).ok()?;
                known(detail.bill.status)?;
                What::Extend(oid, detail)
            }
            Route::Home => match decode::home(&reply, offset).ok()? {
                // Logged out (or no loan): the offer is not painted.
                Home::Offer(_) => return None,
                Home::Loan(loan) => {
                    known(loan.status)?;
                    What::Home(loan)
                }
            },
        };
        let now: i64 = self.now.parse().ok()?;
        Some(Page {
            lang,
            base: self.base.trim_end_matches('/').to_owned(),
            webview: browser::classify(self.ua) == browser::Browser::WebView,
            today: Day::from_unix(now, offset),
            money: MoneyFormat::new(config.currency, lang),
            what,
        })
    }
}

/// The statuses painted: the four the app has words and colours for. An
/// unknown code (the app's neutral "in process") is left to the app.
fn known(status: LoanStatus) -> Option<()> {
    matches!(
        status,
        LoanStatus::Due | LoanStatus::Overdue | LoanStatus::Repaid | LoanStatus::Extended
    )
    .then_some(())
}

impl Page {
    /// The catalog of the page's language.
    pub fn cat(&self) -> &'static Catalog {
        match self.lang {
            Lang::Es => &ES,
            Lang::En => &EN,
        }
    }

    /// An amount, as `components/amount.rs` writes it.
    pub fn money(&self, amount: Money) -> String {
        self.money.format(amount)
    }

    /// A day, as `format::day` writes it: the catalog's pattern and month name.
    pub fn day(&self, day: Day) -> String {
        let cat = self.cat();
        let months = [
            cat.datetime_january,
            cat.datetime_february,
            cat.datetime_march,
            cat.datetime_april,
            cat.datetime_may,
            cat.datetime_june,
            cat.datetime_july,
            cat.datetime_august,
            cat.datetime_september,
            cat.datetime_october,
            cat.datetime_november,
            cat.datetime_december,
        ];
        let month = months
            .get(usize::from(day.month()).wrapping_sub(1))
            .copied()
            .unwrap_or_default();
        crate::catalog::fill(
            cat.datetime_day,
            &[
                ("day", &day.day().to_string()),
                ("month", month),
                ("year", &day.year().to_string()),
            ],
        )
    }

    /// A badge's words (the catalog entry `status.…` it names).
    pub fn badge_label(&self, label: BadgeLabel) -> &'static str {
        let cat = self.cat();
        match label {
            BadgeLabel::Due => cat.status_due,
            BadgeLabel::Overdue => cat.status_overdue,
            BadgeLabel::Repaid => cat.status_repaid,
            BadgeLabel::Extended => cat.status_extended,
            BadgeLabel::InProcess => cat.status_in_process,
            BadgeLabel::Awaiting => cat.status_awaiting,
        }
    }
}
