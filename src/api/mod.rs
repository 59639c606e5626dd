//! Talking to the API (CONTRACT.md): the only module that sends requests.
//!
//! One async function per endpoint, returning domain types. The layers:
//! `transport` sends (gloo-net, cookies, timeouts), and the `cashgo-core`
//! crate (`core/`) turns a reply into a value or an [`ApiError`] (pure,
//! tested natively): its `decode` knows the wire, its `types` are what
//! views see. The futures are not `Send`: use `LocalResource` and
//! `Action::new_local`.

mod early;
mod reconcile;
mod transport;
mod upload;

pub use upload::{send_photo, Sending};

use crate::config::{self, Config};
use crate::platform::Unloaded;
use cashgo_core::endpoints as api_path;
use cashgo_core::form::{self, form_body};
use cashgo_core::{
    decode, ApiError, Attachments, BillId, Contact, DelayDetail, Home, Languages, LoanDetail,
    Order, OrderNo, PayType, PaymentRef, SafeUrl, Support,
};
use gloo_net::http::Method;
use leptos::wasm_split::wasm_split;
use std::cell::{OnceCell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use transport::{Body, Received};

/// What an answer said about the session. Requests tell it to the one
/// hook the shell installs ([`on_session`]); nothing else learns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionNews {
    /// An answer only a session gets.
    Open,
    /// No session: the public offer, or a session that expired.
    Closed,
    /// Signed in with this username.
    SignedIn(String),
    /// Logged out: the session is forgotten here whatever the server said.
    LoggedOut,
}

/// Hears what answers say about the session.
type SessionHook = Rc<dyn Fn(SessionNews)>;

thread_local! {
    /// Where [`SessionNews`] goes: the shell's hook.
    static SESSION_HOOK: RefCell<Option<SessionHook>> = const { RefCell::new(None) };
}

/// Installs the hook that hears what answers say about the session (the
/// shell does, once; a later call replaces it).
pub fn on_session(hook: impl Fn(SessionNews) + 'static) {
    SESSION_HOOK.with_borrow_mut(|h| *h = Some(Rc::new(hook)));
}

fn tell(news: SessionNews) {
    // Taken out first: the hook may start requests of its own.
    if let Some(hook) = SESSION_HOOK.with_borrow(Option::clone) {
        hook(news);
    }
}

/// What a write or a read meant beyond the session, for whoever outside
/// the API follows what the borrower did (issue 16: the native app's
/// bridge, the payment references kept for offline). Told to the one
/// hook the shell installs ([`on_outcome`]).
#[derive(Clone, Copy, Debug)]
pub enum Outcome<'a> {
    /// A write that succeeded, and what it returned.
    Wrote(&'a Write, &'a Done),
    /// The extension page's read (its new due day).
    Delay(&'a DelayDetail),
}

thread_local! {
    /// Where [`Outcome`]s go: the shell's hook.
    static OUTCOME_HOOK: std::cell::Cell<Option<fn(Outcome<'_>)>> =
        const { std::cell::Cell::new(None) };
}

/// Installs the hook that hears each [`Outcome`] (the shell does, once).
pub fn on_outcome(hook: fn(Outcome<'_>)) {
    OUTCOME_HOOK.set(Some(hook));
}

fn outcome(what: Outcome<'_>) {
    if let Some(hook) = OUTCOME_HOOK.get() {
        hook(what);
    }
}

/// Tells what a reply said about the session: an expired one is closed;
/// an answer, its own news (if any).
fn heard(reply: Result<Option<SessionNews>, &ApiError>) {
    match reply {
        Ok(Some(news)) => tell(news),
        Err(ApiError::SessionExpired) => tell(SessionNews::Closed),
        Ok(None) | Err(_) => {}
    }
}

/// A change the borrower asks for. Every write goes through [`write`] and
/// one action shape (`components::write_action`), so the wasm holds one
/// copy of the action and future machinery instead of one per button
/// (README "Size and speed").
#[derive(Clone, Debug)]
pub enum Write {
    /// #1.
    SignIn { username: String, password: String },
    /// #2.
    LogOut,
    /// #5, for this bill (`bill`, Q6) of this order (`order`, read again
    /// to see whether an extension whose answer was lost went through).
    Extend { bill: BillId, order: OrderNo },
    /// #6.
    ReLoan,
    /// #9.
    Apply,
    /// #8.
    Feedback {
        comments: String,
        contact: String,
        attachments: Attachments,
    },
    /// #10.
    Contacts(Vec<Contact>),
    /// #12; the images are uploaded files.
    Proof {
        order: OrderNo,
        utr: Option<String>,
        utr_image: Option<SafeUrl>,
        repay_image: Option<SafeUrl>,
    },
    /// #16 then #17: a fresh payment reference.
    Payment(OrderNo, PayType),
}

/// What a [`Write`] returns.
#[derive(Clone, Debug)]
pub enum Done {
    /// Done (the server's message, if any, is not shown).
    Ok,
    Payment(PaymentRef),
}

/// Sends a write, once. When its answer is lost (see
/// [`ApiError::may_have_arrived`]) it is not sent again: the state it
/// changes is read back to tell what happened ([`reconcile`]).
pub async fn write(what: Write) -> Result<Done, ApiError> {
    if !transport::online() {
        // Certainly not sent: the borrower can simply try again.
        return Err(ApiError::Offline);
    }
    let result = match writes(what.clone()).await {
        Ok(sent) => sent.await,
        // The writes' chunk did not arrive: nothing was sent.
        Err(Unloaded) => Err(ApiError::Offline),
    };
    match (&what, &result) {
        (Write::LogOut, _) => tell(SessionNews::LoggedOut),
        (Write::SignIn { username, .. }, Ok(_)) => tell(SessionNews::SignedIn(username.clone())),
        (_, Err(ApiError::SessionExpired)) => tell(SessionNews::Closed),
        // Feedback may be accepted without a session.
        (Write::Feedback { .. }, _) | (_, Err(_)) => {}
        (_, Ok(_)) => tell(SessionNews::Open),
    }
    if let Ok(done) = &result {
        outcome(Outcome::Wrote(&what, done));
    }
    result
}

/// A write on its way.
type Writing = Pin<Box<dyn Future<Output = Result<Done, ApiError>>>>;

/// Sending, decoding and reading back every write live in a chunk of their
/// own (README "Size and speed"): the reminders' page sends none, and its
/// first load should not carry them. A page with a form fetches the chunk
/// when it is drawn ([`preload_writes`]); the header's "log out" when tapped.
#[wasm_split(writes, wasm_split_path = ::leptos::wasm_split, fallible, preload(writes_chunk))]
fn writes(what: Write) -> Result<Writing, Unloaded> {
    Ok(Box::pin(async move {
        match send_write(what.clone()).await {
            Err(error) if error.may_have_arrived() => reconcile::reconcile(&what, error).await,
            other => other,
        }
    }))
}

/// Starts fetching the writes' chunk (a page with a form, as it is drawn),
/// so that a tap does not wait for it. A failure is left to the write.
pub fn preload_writes() {
    leptos::task::spawn_local(async {
        let _ = writes_chunk().await;
    });
}

async fn send_write(what: Write) -> Result<Done, ApiError> {
    match what {
        Write::SignIn { username, password } => {
            sign_in(&username, &password).await.map(|()| Done::Ok)
        }
        Write::LogOut => log_out().await.map(|()| Done::Ok),
        Write::Extend { bill, .. } => extend(&bill).await.map(|_| Done::Ok),
        Write::ReLoan => re_loan().await.map(|_| Done::Ok),
        Write::Apply => apply().await.map(|_| Done::Ok),
        Write::Feedback {
            comments,
            contact,
            attachments,
        } => feedback(&comments, &contact, &attachments)
            .await
            .map(|_| Done::Ok),
        Write::Contacts(contacts) => push_contacts(&contacts).await.map(|_| Done::Ok),
        Write::Proof {
            order,
            utr,
            utr_image,
            repay_image,
        } => repay_proof(
            &order,
            utr.as_deref(),
            utr_image.as_ref(),
            repay_image.as_ref(),
        )
        .await
        .map(|_| Done::Ok),
        Write::Payment(order, method) => payment(&order, method).await.map(Done::Payment),
    }
}

thread_local! {
    /// `config.json` once read: what [`config`] answers after the first time.
    static CONFIG: OnceCell<Rc<Config>> = const { OnceCell::new() };
}

/// The deployment's configuration (`config.json`), read once: from the
/// request `index.html` started, or a request of our own if the page didn't
/// start one. Never fails and never waits longer than the file's timeout: a
/// missing, slow or broken file means the defaults. Every request waits
/// for it (its `apiBase`); nothing else does.
pub async fn config() -> Rc<Config> {
    if let Some(config) = CONFIG.with(|c| c.get().cloned()) {
        return config;
    }
    let text = match early::config().await {
        Some(text) => text,
        None => early::fetch_config(&format!("{}/config.json", crate::routes::router_base())).await,
    };
    let config = Rc::new(text.as_deref().map(Config::from_json).unwrap_or_default());
    // Another caller may have finished first; both read the same file.
    CONFIG.with(|c| Rc::clone(c.get_or_init(|| config)))
}

/// What views need of `config.json` ([`config::Formats`]). Read after the
/// file: every figure on screen came in a reply, and every request waits
/// for the file first (the defaults before that).
pub fn formats() -> config::Formats {
    CONFIG.with(|c| c.get().map(|c| config::Formats::of(c)).unwrap_or_default())
}

/// The address of an API path. Every request is built through here, so this
/// is where the first one waits for `config.json`.
async fn url(path: &str) -> String {
    format!("{}{path}", config().await.api_base())
}

/// The server's offset from UTC, which the decoders need to read its
/// timestamps (Q5): from `config.json`, which the request awaited.
fn offset() -> i32 {
    CONFIG.with(|c| c.get().map_or(0, |c| c.server_utc_offset_minutes))
}

async fn get(path: &str) -> Result<Received, ApiError> {
    transport::send(
        Method::GET,
        &url(path).await,
        Body::Empty,
        api_path::TIMEOUT_MS,
    )
    .await
}

async fn post(path: &str, pairs: &[(&str, &str)]) -> Result<Received, ApiError> {
    let body = Body::Form(form_body(pairs));
    transport::send(Method::POST, &url(path).await, body, api_path::TIMEOUT_MS).await
}

/// A form POST about one loan: its order number, nothing else.
async fn post_order(path: &str, order: &OrderNo) -> Result<Received, ApiError> {
    post(path, &[(api_path::ORDER_FIELD, order.as_str())]).await
}

/// #1: starts a session (the cookie is set by the browser).
pub async fn sign_in(username: &str, password: &str) -> Result<(), ApiError> {
    let reply = post(
        api_path::SIGN_IN,
        &[("username", username), ("password", password)],
    )
    .await?;
    match decode::ack(&reply.reply()) {
        // There is no session to lose yet: a 401/403 (or a login redirect)
        // here is a refusal to read, not "log in again".
        Err(ApiError::SessionExpired) => Err(ApiError::Unexpected(
            "sign-in answered as if the session had expired".to_owned(),
        )),
        other => other.map(drop),
    }
}

/// #2: ends the session. An already expired session counts as logged out.
pub async fn log_out() -> Result<(), ApiError> {
    let reply = get(api_path::LOG_OUT).await?;
    match decode::ack(&reply.reply()) {
        Ok(_) | Err(ApiError::SessionExpired) => Ok(()),
        Err(e) => Err(e),
    }
}

/// #3: the public offer, or the current loan.
pub async fn loans() -> Result<Home, ApiError> {
    let reply = get(api_path::LOANS).await?;
    let home = decode::home(&reply.reply(), offset());
    heard(home.as_ref().map(|home| {
        Some(match home {
            Home::Offer(_) => SessionNews::Closed,
            Home::Loan(_) => SessionNews::Open,
        })
    }));
    home
}

/// #4: the loan history. Sends no credentials, only the cookie (Q8).
pub async fn orders() -> Result<Vec<Order>, ApiError> {
    let reply = post(api_path::ORDERS, &[]).await?;
    let answer = decode::orders(&reply.reply(), offset());
    heard(answer.as_ref().map(|_| Some(SessionNews::Open)));
    answer
}

/// #5: extends the loan of this bill (`oid` = bill id, Q6). Returns the
/// server's message.
pub async fn extend(bill: &BillId) -> Result<String, ApiError> {
    let reply = post(api_path::EXTEND, &[(api_path::ORDER_FIELD, bill.as_str())]).await?;
    decode::ack(&reply.reply())
}

/// #6: applies again after repaying.
pub async fn re_loan() -> Result<String, ApiError> {
    let reply = post(api_path::RE_LOAN, &[]).await?;
    decode::ack(&reply.reply())
}

/// #8: sends feedback, with the photos uploaded for it.
pub async fn feedback(
    comments: &str,
    contact: &str,
    attachments: &Attachments,
) -> Result<String, ApiError> {
    let mut pairs = vec![("comments", comments), ("contact", contact)];
    if let Some(attachments) = attachments.field() {
        pairs.push(("attachments", attachments));
    }
    let reply = post(api_path::FEEDBACK, &pairs).await?;
    decode::ack(&reply.reply())
}

/// #9: confirms the loan application.
pub async fn apply() -> Result<String, ApiError> {
    let reply = get(api_path::APPLY).await?;
    decode::ack(&reply.reply())
}

/// #10: saves emergency contacts / references.
pub async fn push_contacts(contacts: &[Contact]) -> Result<String, ApiError> {
    let body = Body::Form(form::contacts_body(contacts));
    let reply = transport::send(
        Method::POST,
        &url(api_path::CONTACTS).await,
        body,
        api_path::TIMEOUT_MS,
    )
    .await?;
    decode::ack(&reply.reply())
}

/// #11: customer service phone and WhatsApp.
pub async fn support() -> Result<Support, ApiError> {
    let reply = get(api_path::SUPPORT).await?;
    // Public: an answer proves nothing.
    let answer = decode::support(&reply.reply());
    heard(answer.as_ref().map(|_| None));
    answer
}

/// #12: proof of a repayment; the images are uploaded files' URLs.
pub async fn repay_proof(
    order: &OrderNo,
    utr: Option<&str>,
    utr_image: Option<&SafeUrl>,
    repay_image: Option<&SafeUrl>,
) -> Result<String, ApiError> {
    let mut pairs = vec![(api_path::ORDER_FIELD, order.as_str())];
    for (name, value) in [
        ("utr", utr),
        ("utr_image", utr_image.map(SafeUrl::as_str)),
        ("repay_image", repay_image.map(SafeUrl::as_str)),
    ] {
        if let Some(value) = value {
            pairs.push((name, value));
        }
    }
    let reply = post(api_path::REPAY_PROOF, &pairs).await?;
    decode::ack(&reply.reply())
}

/// #13: the repayment page.
pub async fn loan_detail(order: &OrderNo) -> Result<LoanDetail, ApiError> {
    let reply = post_order(api_path::LOAN_DETAIL, order).await?;
    let answer = decode::loan_detail(&reply.reply(), offset());
    heard(answer.as_ref().map(|_| Some(SessionNews::Open)));
    answer
}

/// #14: the extension page (its new due day goes to the outcome hook, for
/// the bridge's `extended`).
pub async fn loan_delay(order: &OrderNo) -> Result<DelayDetail, ApiError> {
    let answer = read_delay(order).await;
    if let Ok(detail) = &answer {
        outcome(Outcome::Delay(detail));
    }
    answer
}

/// #14 as such: also the read-back of an extension whose answer was lost
/// (`reconcile`), which must not report its new due day: once the extension
/// took effect, that is the due day of a further one.
pub(crate) async fn read_delay(order: &OrderNo) -> Result<DelayDetail, ApiError> {
    let reply = post_order(api_path::LOAN_DELAY, order).await?;
    let answer = decode::delay_detail(&reply.reply(), offset());
    heard(answer.as_ref().map(|_| Some(SessionNews::Open)));
    answer
}

/// #15: the server's default language, when the app has it, and `target`.
/// Asked at start-up only when nothing else decides the language, and
/// inside a native app's WebView that provides a bridge (`bridge.rs`), so
/// it gets the short start-up timeout.
pub async fn languages() -> Result<Languages, ApiError> {
    let reply = transport::send(
        Method::GET,
        &url(api_path::LANGUAGES).await,
        Body::Empty,
        api_path::START_TIMEOUT_MS,
    )
    .await?;
    decode::languages(&reply.reply())
}

/// #16: the payment-gateway URL for an order (input to [`pay_transfer`]).
pub async fn pay_data(order: &OrderNo) -> Result<String, ApiError> {
    let reply = post_order(api_path::PAY_DATA, order).await?;
    decode::pay_data(&reply.reply())
}

/// #17: a payment reference from the gateway, through the API.
pub async fn pay_transfer(method: PayType, gateway_url: &str) -> Result<PaymentRef, ApiError> {
    let code = method.code().to_string();
    let reply = post(
        api_path::PAY_TRANSFER,
        &[("paytype", code.as_str()), ("url", gateway_url)],
    )
    .await?;
    decode::payment(&reply.reply(), method)
}

/// #16 then #17: a fresh payment reference for an order.
pub async fn payment(order: &OrderNo, method: PayType) -> Result<PaymentRef, ApiError> {
    let gateway_url = pay_data(order).await?;
    pay_transfer(method, &gateway_url).await
}
