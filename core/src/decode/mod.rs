//! Pure decoding: a reply's status, redirect and body in, a domain value or
//! an [`ApiError`] out. No I/O, so every quirk is tested natively.

use crate::day::Day;
use crate::error::ApiError;
use crate::json::{self, Raw};
use crate::lang::Lang;
use crate::money::Money;
use crate::types::{
    Bill, BillId, CurrentLoan, DelayDetail, Expiry, Home, Languages, LoanDetail, LoanStatus, Offer,
    Order, OrderNo, PayType, PaymentRef, SafeUrl, Support, Target, UploadedFile,
};
use crate::wire::{self, Envelope, Field, FromObject};

/// What came back from the server, as the decoders need it.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    /// The HTTP status of the final response.
    pub http_status: u16,
    /// The request was redirected to a login page (Q10).
    pub redirected_to_login: bool,
    /// The body text.
    pub body: &'a str,
}

impl<'a> Reply<'a> {
    /// A reply with no redirect.
    pub fn new(http_status: u16, body: &'a str) -> Self {
        Self {
            http_status,
            redirected_to_login: false,
            body,
        }
    }
}

/// What a success looks like in an envelope.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Success {
    /// Envelope 1/2: `status == 200`.
    Status200,
    /// Envelope 3 (ThinkPHP): `status == 1`; envelope 1 also accepted.
    Status1Or200,
}

fn unexpected(reply: &Reply<'_>, detail: impl std::fmt::Display) -> ApiError {
    ApiError::Unexpected(format!("HTTP {}: {detail}", reply.http_status))
}

/// Session signals and JSON-ness, before any envelope rule (Q10).
fn parse<'a>(reply: &Reply<'a>) -> Result<Envelope<'a>, ApiError> {
    if reply.redirected_to_login || matches!(reply.http_status, 401 | 403) {
        return Err(ApiError::SessionExpired);
    }
    // PHP files saved with a byte-order mark emit it before the JSON.
    let body = reply.body.trim_start_matches('\u{feff}').trim();
    if body.is_empty() {
        return Err(unexpected(reply, "empty body"));
    }
    if !body.starts_with('{') {
        return Err(unexpected(reply, format!("not JSON: {}", wire::clip(body))));
    }
    let document = json::parse(body).map_err(|e| unexpected(reply, format!("bad JSON: {e}")))?;
    let envelope: Envelope<'_> = wire::object(Some(document))
        .map_err(|e| unexpected(reply, format!("bad JSON: {e}")))?
        .unwrap_or_default();
    if wire::int(envelope.status) == Some(-100) {
        return Err(ApiError::SessionExpired);
    }
    Ok(envelope)
}

/// The user-facing message of a failed envelope, else an unexpected error.
fn failure(reply: &Reply<'_>, message: Option<String>, status: Field<'_>) -> ApiError {
    match message {
        Some(message) => ApiError::Server(message),
        None => unexpected(
            reply,
            format!(
                "status {} without a message",
                status.map_or("(none)", |s| s.get())
            ),
        ),
    }
}

fn open<'a>(reply: &Reply<'a>, success: Success) -> Result<Envelope<'a>, ApiError> {
    check(reply, parse(reply)?, success)
}

/// Applies the envelope's success rule.
fn check<'a>(
    reply: &Reply<'_>,
    envelope: Envelope<'a>,
    success: Success,
) -> Result<Envelope<'a>, ApiError> {
    let Some(status) = wire::int(envelope.status) else {
        return Err(unexpected(reply, "no readable status"));
    };
    let ok = match success {
        Success::Status200 => status == 200,
        Success::Status1Or200 => matches!(status, 1 | 200),
    };
    if ok {
        return Ok(envelope);
    }
    if status == 1 {
        // A ThinkPHP success where a value was expected: no value to show.
        return Err(unexpected(reply, "status 1 where 200 was expected"));
    }
    let message = wire::non_empty(envelope.message)
        .or_else(|| wire::non_empty(envelope.info))
        .or_else(|| wire::non_empty(envelope.msg));
    Err(failure(reply, message, envelope.status))
}

fn object<'a, T: FromObject<'a>>(
    reply: &Reply<'_>,
    field: Field<'a>,
    name: &str,
) -> Result<Option<T>, ApiError> {
    wire::object(field).map_err(|e| unexpected(reply, format!("{name}: {e}")))
}

fn required<T>(reply: &Reply<'_>, value: Option<T>, name: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| unexpected(reply, format!("missing or unreadable {name}")))
}

/// Missing, `null` or `""` is zero; anything else must be an amount.
fn money_or_zero(reply: &Reply<'_>, field: Field<'_>, name: &str) -> Result<Money, ApiError> {
    if wire::is_blank(field) {
        return Ok(Money::ZERO);
    }
    required(reply, wire::money(field), name)
}

fn status(reply: &Reply<'_>, field: Field<'_>, name: &str) -> Result<LoanStatus, ApiError> {
    required(reply, wire::int(field), name).map(LoanStatus::from_code)
}

fn order_no(reply: &Reply<'_>, field: Field<'_>, name: &str) -> Result<OrderNo, ApiError> {
    required(
        reply,
        wire::non_empty(field).and_then(|t| OrderNo::new(&t)),
        name,
    )
}

fn bill_id(field: Field<'_>) -> Option<BillId> {
    wire::non_empty(field).and_then(|t| BillId::new(&t))
}

/// An acknowledgement, envelope 1 or 3 (#12 and ThinkPHP's `success()`):
/// the server's message, possibly empty.
pub fn ack(reply: &Reply<'_>) -> Result<String, ApiError> {
    let envelope = open(reply, Success::Status1Or200)?;
    Ok(wire::non_empty(envelope.message)
        .or_else(|| wire::non_empty(envelope.info))
        .unwrap_or_default())
}

/// #3: the offer (logged out, or logged in without a bill) or the current loan.
pub fn home(reply: &Reply<'_>, utc_offset_minutes: i32) -> Result<Home, ApiError> {
    let envelope = open(reply, Success::Status200)?;
    let data: wire::HomeData<'_> = required(reply, object(reply, envelope.data, "data")?, "data")?;
    let loan_status = wire::int(data.status);
    let bill: Option<wire::BillData<'_>> = object(reply, data.bill, "bill")?;
    let bill = match (loan_status, bill) {
        (Some(-100), _) | (_, None) => return offer(reply, &data).map(Home::Offer),
        (_, Some(bill)) => bill,
    };
    let offset = utc_offset_minutes;
    Ok(Home::Loan(CurrentLoan {
        status: status(reply, data.status, "status")?,
        confirmed: wire::int(data.confirm).is_some_and(|c| c != 0),
        order: order_no(reply, bill.oid, "bill.oid")?,
        bill_id: required(
            reply,
            bill_id(bill.id).or_else(|| bill_id(data.bill_id)),
            "bill.id",
        )?,
        money: required(
            reply,
            wire::money(data.money).or_else(|| wire::money(bill.money)),
            "money",
        )?,
        repay_money: wire::money(data.repay_money),
        due: wire::day(data.repayment_time, offset)
            .or_else(|| wire::day(bill.repayment_time, offset)),
        loan_days: wire::count(data.loan_time),
        service_fee: wire::money(data.service_fee),
        has_overdue: wire::boolean(data.has_overdue).unwrap_or(false),
        delay_days: wire::count(bill.delay_day),
        next_due: wire::day(data.next_repay_day, offset),
        delay_fee: wire::money(data.delay_fee),
        quota: wire::money(data.quota),
        available: wire::money(data.doquota),
        next_loan: wire::money(data.next_loan),
        next_loan_days: wire::count(data.next_loan_period),
        approval_rate: wire::rate(data.approval_rate),
    }))
}

fn offer(reply: &Reply<'_>, data: &wire::HomeData<'_>) -> Result<Offer, ApiError> {
    Ok(Offer {
        quota: required(reply, wire::money(data.quota), "quota")?,
        loan_days: wire::count(data.default_loan_time),
        term_days: wire::array(data.default_deadline)
            .into_iter()
            .filter_map(|raw| wire::count(Some(raw)))
            .collect(),
        loan_rate: wire::rate(data.default_loan_interest),
        repay_rate: wire::rate(data.default_repay_interest),
    })
}

fn bill(reply: &Reply<'_>, field: Field<'_>, offset: i32) -> Result<Bill, ApiError> {
    let b: wire::BillData<'_> = required(reply, object(reply, field, "bill")?, "bill")?;
    Ok(Bill {
        id: required(reply, bill_id(b.id), "bill.id")?,
        order: order_no(reply, b.oid, "bill.oid")?,
        status: status(reply, b.status, "bill.status")?,
        money: money_or_zero(reply, b.money, "bill.money")?,
        interest: money_or_zero(reply, b.interest, "bill.interest")?,
        repay_interest: money_or_zero(reply, b.repay_interest, "bill.repay_interest")?,
        overdue: money_or_zero(reply, b.overdue, "bill.overdue")?,
        repaid: money_or_zero(reply, b.repaid_money, "bill.repaid_money")?,
        delay_unpaid: money_or_zero(reply, b.delay_unpaid, "bill.delay_unpaid")?,
        delay_days: wire::count(b.delay_day).unwrap_or(0),
        delay_count: wire::count(b.delay_num).unwrap_or(0),
        due: wire::day(b.repayment_time, offset),
        utr: wire::non_empty(b.utr),
        utr_image: wire::non_empty(b.utr_image),
        repay_image: wire::non_empty(b.repay_image),
    })
}

/// The parts #13 and #14 share.
struct Detail<'a> {
    data: wire::DetailData<'a>,
    order: OrderNo,
    bill: Bill,
    need_repay: Money,
    due: Option<Day>,
}

fn detail<'a>(reply: &Reply<'a>, offset: i32) -> Result<Detail<'a>, ApiError> {
    let envelope = open(reply, Success::Status200)?;
    let data: wire::DetailData<'a> =
        required(reply, object(reply, envelope.data, "data")?, "data")?;
    let bill = bill(reply, data.bill, offset)?;
    let order = match wire::non_empty(data.oid).and_then(|t| OrderNo::new(&t)) {
        Some(order) => order,
        None => bill.order.clone(),
    };
    // The server's own day string wins over a timestamp (Q5).
    let due = wire::day(data.need_repayment_day, offset)
        .or_else(|| wire::day(data.need_repayment_time, offset))
        .or(bill.due);
    Ok(Detail {
        need_repay: required(reply, wire::money(data.need_repay_money), "needRepayMoney")?,
        data,
        order,
        bill,
        due,
    })
}

/// #13: the repayment page.
pub fn loan_detail(reply: &Reply<'_>, utc_offset_minutes: i32) -> Result<LoanDetail, ApiError> {
    let d = detail(reply, utc_offset_minutes)?;
    Ok(LoanDetail {
        order: d.order,
        bill: d.bill,
        need_repay: d.need_repay,
        due: d.due,
    })
}

/// #14: the extension page.
pub fn delay_detail(reply: &Reply<'_>, utc_offset_minutes: i32) -> Result<DelayDetail, ApiError> {
    let d = detail(reply, utc_offset_minutes)?;
    let offset = utc_offset_minutes;
    Ok(DelayDetail {
        delay_fee: required(reply, wire::money(d.data.delay_fee), "delayFee")?,
        overdue_fee: wire::money(d.data.overdue_fee).filter(|m| !m.is_zero()),
        next_due: wire::day(d.data.next_repay_day, offset)
            .or_else(|| wire::day(d.data.next_repay_datetime, offset)),
        order: d.order,
        bill: d.bill,
        need_repay: d.need_repay,
        due: d.due,
    })
}

/// #4: the loan history. `data.orders` (or `data` itself) as a list; none
/// when the server sends an empty or missing list.
pub fn orders(reply: &Reply<'_>, utc_offset_minutes: i32) -> Result<Vec<Order>, ApiError> {
    let envelope = open(reply, Success::Status200)?;
    let rows = match envelope.data.map(|d| d.get().trim_start()) {
        Some(text) if text.starts_with('[') => wire::array(envelope.data),
        _ => {
            let data: Option<wire::OrdersData<'_>> = object(reply, envelope.data, "data")?;
            wire::array(data.and_then(|d| d.orders))
        }
    };
    rows.into_iter()
        .map(|raw| order(reply, raw, utc_offset_minutes))
        .collect()
}

fn order(reply: &Reply<'_>, raw: Raw<'_>, offset: i32) -> Result<Order, ApiError> {
    let o: wire::OrderData<'_> = required(reply, object(reply, Some(raw), "order")?, "order")?;
    Ok(Order {
        order: order_no(reply, o.oid, "order oid")?,
        id: wire::non_empty(o.id).unwrap_or_default(),
        status: status(reply, o.status, "order status")?,
        money: required(reply, wire::money(o.money), "order money")?,
        interest: wire::money(o.interest),
        repay_money: wire::money(o.repay_money),
        overdue_fee: wire::money(o.over_fee),
        due: wire::day(o.repayment_time, offset),
        term_days: wire::count(o.time),
        started: wire::day(o.start_time, offset),
    })
}

/// #7: envelope 1 with a backslashed URL, or envelope 3 with a relative path
/// (Q4). `api_origin` is `scheme://host[:port]` of the API.
pub fn upload(reply: &Reply<'_>, api_origin: &str) -> Result<UploadedFile, ApiError> {
    let envelope = open(reply, Success::Status1Or200)?;
    let url = if wire::int(envelope.status) == Some(1) {
        let path = required(reply, wire::non_empty(envelope.info), "info")?.replace('\\', "/");
        if is_absolute(&path) {
            path
        } else {
            let path = path.trim_start_matches('/');
            let path = path.strip_prefix("Public/Upload/").unwrap_or(path);
            format!("{}/Public/Upload/{path}", api_origin.trim_end_matches('/'))
        }
    } else {
        required(reply, wire::non_empty(envelope.data), "data")?.replace('\\', "/")
    };
    // It goes back to the API and may be shown: only an http(s) address (Q12).
    let url = SafeUrl::image(&url).ok_or_else(|| unexpected(reply, "upload address refused"))?;
    Ok(UploadedFile { url })
}

/// Pure Rust, not the browser's parser: the decoders run in native tests
/// and the fuzzer.
fn is_absolute(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// #11: customer service contacts.
pub fn support(reply: &Reply<'_>) -> Result<Support, ApiError> {
    let envelope = open(reply, Success::Status200)?;
    let data: Option<wire::SupportData<'_>> = object(reply, envelope.data, "data")?;
    Ok(data.map_or_else(Support::default, |d| Support {
        phone: wire::non_empty(d.phone_number),
        whatsapp: wire::non_empty(d.whatapp).or_else(|| wire::non_empty(d.whatsapp)),
    }))
}

/// #15 (envelope 2): the server's default language, when the app has it,
/// and `target` (issue 16: `"app"` when the native app navigates itself);
/// the list offered is not used.
pub fn languages(reply: &Reply<'_>) -> Result<Languages, ApiError> {
    let mut envelope = open(reply, Success::Status200)?;
    // Tolerate the list arriving inside `data`, envelope-1 style.
    if envelope.languages.is_none() {
        if let Some(inner) = object::<Envelope<'_>>(reply, envelope.data, "data")? {
            envelope = inner;
        }
    }
    Ok(Languages {
        default: wire::text(envelope.default)
            .as_deref()
            .and_then(Lang::parse_name),
        // Unknown (or not text) is `None`: the app behaves as on the web.
        target: wire::text(envelope.target)
            .as_deref()
            .and_then(Target::parse),
    })
}

/// #16: the gateway URL to hand to #17.
pub fn pay_data(reply: &Reply<'_>) -> Result<String, ApiError> {
    let envelope = open(reply, Success::Status200)?;
    required(reply, wire::non_empty(envelope.data), "data")
}

/// #17: the gateway's reply, bare (`{code, msg, data}`) or wrapped in
/// envelope 1 as its `data`.
pub fn payment(reply: &Reply<'_>, method: PayType) -> Result<PaymentRef, ApiError> {
    let outer = parse(reply)?;
    let gateway = if outer.status.is_some() {
        let outer = check(reply, outer, Success::Status200)?;
        required(
            reply,
            object::<Envelope<'_>>(reply, outer.data, "data")?,
            "data",
        )?
    } else {
        outer
    };
    // Without a gateway `code`, `data` is taken as the payment itself.
    if gateway.code.is_some() && wire::int(gateway.code) != Some(200) {
        let message = wire::non_empty(gateway.msg).or_else(|| wire::non_empty(gateway.message));
        return Err(failure(reply, message, gateway.code));
    }
    let payload = gateway.data;
    let p: wire::PaymentData<'_> = required(reply, object(reply, payload, "payment")?, "payment")?;

    let url = |field: Field<'_>, accept: fn(&str) -> Option<SafeUrl>| {
        wire::text(field).and_then(|text| accept(&text))
    };
    let checkout = url(p.checkout, SafeUrl::link);
    let method_logo = url(p.image, SafeUrl::image);
    // A refused `origin_img` is no loss when `path` can stand in for it.
    let barcode_image = url(p.origin_img, SafeUrl::image).or_else(|| url(p.path, SafeUrl::image));
    let image_sent = !wire::is_blank(p.origin_img) || !wire::is_blank(p.path);
    let refused_urls = (image_sent && barcode_image.is_none())
        || (!wire::is_blank(p.image) && method_logo.is_none())
        || (!wire::is_blank(p.checkout) && checkout.is_none());

    Ok(PaymentRef {
        method,
        method_name: wire::non_empty(p.name).unwrap_or_default(),
        method_logo,
        amount: required(reply, wire::money(p.money), "money")?,
        reference: required(reply, wire::non_empty(p.reference), "reference")?,
        barcode: wire::non_empty(p.barcode),
        barcode_image,
        expires: wire::non_empty(p.expire).map(|text| Expiry::parse(&text)),
        checkout,
        refused_urls,
    })
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod quirks;
#[cfg(test)]
pub(crate) mod samples;
