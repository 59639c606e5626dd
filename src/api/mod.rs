//! The wire: the only module that knows the API (CONTRACT.md).
//!
//! One async function per endpoint, returning domain types. The layers:
//! `transport` sends (gloo-net, cookies, timeouts), [`decode`] turns a
//! reply into a value or an [`ApiError`] (pure, tested natively) using the
//! lenient field readers of `wire`, and [`types`] holds what views see.
//! The futures are not `Send`: use `LocalResource` and `Action::new_local`.

pub mod decode;
pub(crate) mod early;
pub mod form;
mod reconcile;
mod transport;
pub mod types;
mod upload;
mod wire;

#[cfg(test)]
mod tests;

pub use form::form_body;
pub use types::{
    Badge, BillId, Contact, CurrentLoan, DelayDetail, Home, LoanDetail, LoanStatus, Offer, Order,
    OrderNo, PayType, PaymentRef, SafeUrl, Support, UploadedFile,
};
pub use upload::{send_photo, Sending};

use crate::config;
use gloo_net::http::Method;
use transport::{Body, Received};

/// Everything that can go wrong talking to the API, one variant per thing a
/// user can be told.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: no network.
    #[error("no connection")]
    Offline,
    /// No answer in time.
    #[error("the server took too long to answer")]
    Timeout,
    /// The session is gone: log in again, then come back.
    #[error("session expired")]
    SessionExpired,
    /// The server's own message, meant for the user.
    #[error("{0}")]
    Server(String),
    /// A reply the app cannot read; the detail is for logs only.
    #[error("unexpected reply: {0}")]
    Unexpected(String),
    /// A write whose answer was lost (timeout, dropped connection,
    /// unreadable reply) and whose effect the API gives no way to check:
    /// it may have arrived. Sending it again may make a second record.
    #[error("the write may or may not have arrived")]
    Unconfirmed,
}

impl ApiError {
    /// Whether a write that failed this way may still have reached the
    /// server and taken effect: the request left, but no readable answer
    /// came back. A refusal, an expired session or a request that never left
    /// (the browser was offline) leave nothing done.
    pub fn may_have_arrived(&self) -> bool {
        matches!(
            self,
            ApiError::Offline | ApiError::Timeout | ApiError::Unexpected(_)
        )
    }
}

/// The first read of a page. Every page loads through this one function, so
/// the wasm holds one copy of the resource and future machinery instead of
/// one per page (README "Size and speed").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// #3, `/`.
    Home,
    /// #4, `/orders`.
    Orders,
    /// #13, `/repay/:oid`.
    Detail(OrderNo),
    /// #14, `/extend/:oid`.
    Delay(OrderNo),
    /// #11, `/support`.
    Support,
}

/// What a [`Read`] returns.
#[derive(Clone, Debug)]
pub enum Page {
    Home(Home),
    Orders(Vec<Order>),
    Detail(LoanDetail),
    Delay(DelayDetail),
    Support(Support),
}

/// Sends a page's first read.
pub async fn read(what: Read) -> Result<Page, ApiError> {
    match what {
        Read::Home => loans().await.map(Page::Home),
        Read::Orders => orders().await.map(Page::Orders),
        Read::Detail(order) => loan_detail(&order).await.map(Page::Detail),
        Read::Delay(order) => loan_delay(&order).await.map(Page::Delay),
        Read::Support => support().await.map(Page::Support),
    }
}

/// A change the borrower asks for. Every write goes through [`write`] and
/// one action shape (`components::write_action`), for the same reason as
/// [`Read`].
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
    /// #8; `attachments`: uploaded files' URLs, comma-separated.
    Feedback {
        comments: String,
        contact: String,
        attachments: Option<String>,
    },
    /// #10.
    Contacts(Vec<Contact>),
    /// #12; the images are uploaded files' URLs.
    Proof {
        order: OrderNo,
        utr: Option<String>,
        utr_image: Option<String>,
        repay_image: Option<String>,
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
    match send_write(what.clone()).await {
        Err(error) if error.may_have_arrived() => reconcile::reconcile(&what, error).await,
        other => other,
    }
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
        } => feedback(&comments, &contact, attachments.as_deref())
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
            utr_image.as_deref(),
            repay_image.as_deref(),
        )
        .await
        .map(|_| Done::Ok),
        Write::Payment(order, method) => payment(&order, method).await.map(Done::Payment),
    }
}

/// The address of an API path. Every request is built through here, so this
/// is where the first one waits for `config.json` (its `apiBase`, and the
/// server offset the decoders need after it).
async fn url(path: &str) -> String {
    config::ready().await;
    format!("{}{path}", config::api_base())
}

fn offset() -> i32 {
    config::get().server_utc_offset_minutes
}

async fn get(path: &str) -> Result<Received, ApiError> {
    transport::send(
        Method::GET,
        &url(path).await,
        Body::Empty,
        transport::TIMEOUT_MS,
    )
    .await
}

async fn post(path: &str, pairs: &[(&str, &str)]) -> Result<Received, ApiError> {
    let body = Body::Form(form_body(pairs));
    transport::send(Method::POST, &url(path).await, body, transport::TIMEOUT_MS).await
}

/// #1: starts a session (the cookie is set by the browser).
pub async fn sign_in(username: &str, password: &str) -> Result<(), ApiError> {
    let reply = post(
        "/Index/ajaxSignIn",
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
    let reply = get("/Index/ajaxLogOut").await?;
    match decode::ack(&reply.reply()) {
        Ok(_) | Err(ApiError::SessionExpired) => Ok(()),
        Err(e) => Err(e),
    }
}

/// #3: the public offer, or the current loan.
pub async fn loans() -> Result<Home, ApiError> {
    let reply = get("/Repay/loans").await?;
    decode::home(&reply.reply(), offset())
}

/// #4: the loan history. Sends no credentials, only the cookie (Q8).
pub async fn orders() -> Result<Vec<Order>, ApiError> {
    let reply = post("/Repay/orders", &[]).await?;
    decode::orders(&reply.reply(), offset())
}

/// #5: extends the loan of this bill (`oid` = bill id, Q6). Returns the
/// server's message.
pub async fn extend(bill: &BillId) -> Result<String, ApiError> {
    let reply = post("/Repay/ajaxDelay", &[("oid", bill.as_str())]).await?;
    decode::ack(&reply.reply())
}

/// #6: applies again after repaying.
pub async fn re_loan() -> Result<String, ApiError> {
    let reply = post("/Loan/reLoan", &[]).await?;
    decode::ack(&reply.reply())
}

/// #8: sends feedback; `attachments` is an uploaded file's URL.
pub async fn feedback(
    comments: &str,
    contact: &str,
    attachments: Option<&str>,
) -> Result<String, ApiError> {
    let mut pairs = vec![("comments", comments), ("contact", contact)];
    if let Some(attachments) = attachments {
        pairs.push(("attachments", attachments));
    }
    let reply = post("/Feedback/ajaxCreate", &pairs).await?;
    decode::ack(&reply.reply())
}

/// #9: confirms the loan application.
pub async fn apply() -> Result<String, ApiError> {
    let reply = get("/Index/ajaxApply").await?;
    decode::ack(&reply.reply())
}

/// #10: saves emergency contacts / references.
pub async fn push_contacts(contacts: &[Contact]) -> Result<String, ApiError> {
    let body = Body::Form(form::contacts_body(contacts));
    let reply = transport::send(
        Method::POST,
        &url("/Contact/ajaxPush").await,
        body,
        transport::TIMEOUT_MS,
    )
    .await?;
    decode::ack(&reply.reply())
}

/// #11: customer service phone and WhatsApp.
pub async fn support() -> Result<Support, ApiError> {
    let reply = get("/Index/contact").await?;
    decode::support(&reply.reply())
}

/// #12: proof of a repayment; the images are uploaded files' URLs.
pub async fn repay_proof(
    order: &OrderNo,
    utr: Option<&str>,
    utr_image: Option<&str>,
    repay_image: Option<&str>,
) -> Result<String, ApiError> {
    let mut pairs = vec![("oid", order.as_str())];
    for (name, value) in [
        ("utr", utr),
        ("utr_image", utr_image),
        ("repay_image", repay_image),
    ] {
        if let Some(value) = value {
            pairs.push((name, value));
        }
    }
    let reply = post("/Repay/repayProof", &pairs).await?;
    decode::ack(&reply.reply())
}

/// #13: the repayment page.
pub async fn loan_detail(order: &OrderNo) -> Result<LoanDetail, ApiError> {
    let reply = post("/Repay/loanDetail", &[("oid", order.as_str())]).await?;
    decode::loan_detail(&reply.reply(), offset())
}

/// #14: the extension page.
pub async fn loan_delay(order: &OrderNo) -> Result<DelayDetail, ApiError> {
    let reply = post("/Repay/loanDelay", &[("oid", order.as_str())]).await?;
    decode::delay_detail(&reply.reply(), offset())
}

/// #15: the server's default language, when the app has it.
/// Asked only at start-up when nothing else decides the language, so it
/// gets the short start-up timeout.
pub async fn languages() -> Result<Option<crate::i18n::Locale>, ApiError> {
    let reply = transport::send(
        Method::GET,
        &url("/Index/languages").await,
        Body::Empty,
        transport::START_TIMEOUT_MS,
    )
    .await?;
    decode::languages(&reply.reply())
}

/// #16: the payment-gateway URL for an order (input to [`pay_transfer`]).
pub async fn pay_data(order: &OrderNo) -> Result<String, ApiError> {
    let reply = post("/Repay/payData", &[("oid", order.as_str())]).await?;
    decode::pay_data(&reply.reply())
}

/// #17: a payment reference from the gateway, through the API.
pub async fn pay_transfer(method: PayType, gateway_url: &str) -> Result<PaymentRef, ApiError> {
    let code = method.code().to_string();
    let reply = post(
        "/Repay/payTransf",
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
