//! Loans: #3 current loan, #4 history, #5 extend, #6 re-loan, #9 confirm,
//! #12 repayment proof, #13 repayment page, #14 extension page.

use super::{Answer, LoggedOut, Session, SignedIn};
use crate::obj;
use crate::params::Params;
use crate::seed;
use crate::state::{Account, AppState, Loan, Shared, DELAY_DAYS};
use crate::time;
use crate::wire::loan_status::{EXTENDED, NOT_LOGGED_IN, OVERDUE, REPAID};
use crate::wire::{
    err, err_without_data, money_number, money_short, money_string, number_string, order_not_found,
    thinkphp_reply, OrderedJson,
};
use axum::extract::State;

fn default_deadline() -> OrderedJson {
    OrderedJson::Arr(
        ["7", "10", "15", "20"]
            .into_iter()
            .map(OrderedJson::from)
            .collect(),
    )
}

fn delay_flag(loan: &Loan) -> &'static str {
    if loan.is_extended() {
        "1"
    } else {
        "0"
    }
}

fn delay_day(loan: &Loan) -> OrderedJson {
    number_string(loan.delay_num * DELAY_DAYS)
}

/// #3's short bill (sample fields, plus a few extras).
fn bill_short(loan: &Loan, offset: i32) -> OrderedJson {
    obj! {
        "id" => loan.bill_id.to_string(),
        "toid" => loan.toid.to_string(),
        "oid" => &loan.oid,
        "delay" => delay_flag(loan),
        "delay_day" => delay_day(loan),
        "repay_interest" => money_string(loan.repay_interest),
        // Q1: a string here, a number in `data.repayment_time`.
        "repayment_time" => number_string(time::midnight(loan.due_day, offset)),
        "add_time" => number_string(loan.add_time),
        "money" => money_string(loan.money),
        "billnum" => "1",
        "interest" => money_string(loan.interest),
    }
}

/// #13/#14's full bill: every field as a string (Q1), `null`s included (Q3).
fn bill_full(loan: &Loan, uid: u64, offset: i32) -> OrderedJson {
    let delay_rate = if loan.is_extended() && loan.money > 0 {
        let r = loan.interest * 100_000_000 / loan.money;
        format!("{}.{:08}", r / 100_000_000, r % 100_000_000)
    } else {
        "0.00000000".to_string()
    };
    obj! {
        "id" => loan.bill_id.to_string(),
        "uid" => uid.to_string(),
        "toid" => loan.toid.to_string(),
        "oid" => &loan.oid,
        "billnum" => "1",
        "money" => money_string(loan.money),
        "interest" => money_string(loan.interest),
        "overdue" => money_string(loan.overdue),
        "delay" => delay_flag(loan),
        "delay_day" => delay_day(loan),
        "delay_rate" => delay_rate,
        "delay_num" => number_string(loan.delay_num),
        "delay_unpaid" => money_string(loan.delay_unpaid),
        "repay_interest" => money_string(loan.repay_interest),
        "repaid_money" => money_string(loan.repaid),
        "repayment_time" => number_string(time::midnight(loan.due_day, offset)),
        "utr" => loan.utr.clone(),
        "utr_image" => loan.utr_image.clone(),
        "repay_image" => loan.repay_image.clone(),
        "status" => number_string(i64::from(loan.status)),
        "add_time" => number_string(loan.add_time),
        "repay_time" => number_string(loan.repay_time),
        "overdue_settime" => number_string(loan.overdue_settime),
        "overdue_smsstatus" => "0",
        "overdue_xq" => OrderedJson::Null,
    }
}

/// #3's answer to a visitor without a session: the public offer.
pub fn public_offer() -> OrderedJson {
    obj! {
        "status" => 200,
        "data" => obj! {
            "status" => NOT_LOGGED_IN, // Q7: the public offer instead of a loan
            "quota" => "5000",
            "default_loan_time" => 7,
            "default_deadline" => default_deadline(),
            "default_loan_interest" => "0.043",
            "default_repay_interest" => "0.0072",
        },
        "message" => "If the user is not logged in, the default quota will be displayed",
    }
}

/// #3 `GET /Repay/loans`: the public offer when logged out, else the loan.
pub async fn loans(State(app): State<Shared>, session: Session) -> Answer {
    let world = session.lock_or(LoggedOut::PublicOffer)?;
    let account = world.account();
    let loan = &account.loan;
    let offset = app.offset();
    // Q1: money as numbers here, as strings in the bill.
    let mut data = obj! {
        "money" => money_number(loan.money),
        "repay_money" => money_number(loan.repay_money()),
        "addtime" => number_string(loan.add_time),
        "repayment_time" => time::midnight(loan.due_day, offset),
        "loan_time" => number_string(loan.loan_time),
        "billId" => loan.bill_id.to_string(),
        "confirm" => loan.confirm,
        "serviceFee" => money_number(loan.interest),
        "bill" => bill_short(loan, offset),
        "hasOverdue" => loan.status == OVERDUE || loan.overdue > 0,
    };
    // Q3: documented for #3 but only sent once the loan is extended.
    if loan.is_extended() {
        data.set("nextRepayDay", time::dmy(loan.due_day));
        data.set("delayFee", money_number(loan.delay_fee()));
    }
    for (k, v) in [
        ("doquota", OrderedJson::from("0.00")),
        ("commission", OrderedJson::from(0)),
        ("quota", money_string(loan.money)),
        ("default_loan_time", OrderedJson::from(7)),
        ("default_deadline", default_deadline()),
        ("default_loan_interest", OrderedJson::from("0.043")),
        ("default_repay_interest", OrderedJson::from("0.0072")),
        ("next_loan", OrderedJson::from(&account.next_loan)),
        ("approval_rate", OrderedJson::from(&account.approval_rate)),
        (
            "next_loan_period",
            OrderedJson::from(&account.next_loan_period),
        ),
        ("is_vip", OrderedJson::from(0)),
        ("status", OrderedJson::from(loan.status)),
    ] {
        data.set(k, v);
    }
    Ok(obj! { "status" => 200, "data" => data, "message" => "Successfully" })
}

fn order_item(account: &Account, loan: &Loan, offset: i32) -> OrderedJson {
    obj! {
        "id" => loan.toid.to_string(),
        "oid" => &loan.oid,
        "time" => number_string(loan.loan_time),
        "interest" => money_string(loan.interest),
        "reply_rate" => "0.00720000",
        "start_time" => number_string(time::midnight(loan.start_day, offset)),
        "addtime" => number_string(loan.add_time),
        "money" => money_short(loan.money),
        "delay" => delay_flag(loan),
        "status" => loan.status,
        "repay_interest" => money_number(loan.repay_interest),
        "repay_money" => money_number(loan.repay_money()),
        "repayment_time" => time::midnight(loan.due_day, offset),
        "overFee" => money_number(loan.overdue),
        "next_loan" => &account.next_loan,
        "approval_rate" => &account.approval_rate,
        "next_loan_period" => &account.next_loan_period,
        "remark" => OrderedJson::Null,
    }
}

/// #4 `POST /Repay/orders`: the session's orders, newest first.
pub async fn orders(State(app): State<Shared>, session: Session) -> Answer {
    let world = session.lock_or(LoggedOut::Unauthorized)?;
    let account = world.account();
    let orders: Vec<OrderedJson> = account
        .loans()
        .map(|loan| order_item(account, loan, app.offset()))
        .collect();
    Ok(obj! {
        "status" => 200,
        "data" => obj! { "orders" => orders },
        "message" => "Successfully",
    })
}

/// The common part of #13 and #14.
fn detail(app: &AppState, world: &SignedIn, params: &Params, delay: bool) -> OrderedJson {
    let account = world.account();
    let Some(oid) = params.nonblank("oid") else {
        return err_without_data(400, "Missing order number");
    };
    let Some(loan) = account.loan_by_oid(oid) else {
        return order_not_found();
    };
    let offset = app.offset();
    let mut data = obj! {
        "bill" => bill_full(loan, account.uid, offset),
        "oid" => &loan.oid,
        "needRepayMoney" => money_number(loan.need_repay()),
        "needRepaymentTime" => time::midnight(loan.due_day, offset),
        "needRepaymentDay" => time::dmy(loan.due_day),
    };
    if delay {
        let next = loan.due_day + DELAY_DAYS;
        data.set("delayFee", money_number(loan.delay_fee()));
        data.set("nextRepayDatetime", time::midnight(next, offset));
        data.set("overdueFee", money_number(loan.overdue));
        data.set("nextRepayDay", time::dmy(next));
    }
    obj! { "status" => 200, "data" => data, "message" => "Successfully" }
}

/// #13 `POST /Repay/loanDetail` (`oid` = order number).
pub async fn loan_detail(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    Ok(detail(&app, &session.lock()?, &params, false))
}

/// #14 `POST /Repay/loanDelay` (`oid` = order number).
pub async fn loan_delay(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    Ok(detail(&app, &session.lock()?, &params, true))
}

/// #5 `POST /Repay/ajaxDelay` (`oid` = bill id, Q6).
pub async fn ajax_delay(session: Session, params: Params) -> Answer {
    let mut world = session.lock()?;
    let Some(bill_id) = params.nonblank("oid") else {
        return Ok(err(400, "Please select a bill"));
    };
    let account = world.account_mut();
    let loan = std::iter::once(&mut account.loan)
        .chain(account.history.iter_mut())
        // Q6: the bill id, not the order number the other endpoints take.
        .find(|l| l.bill_id.to_string() == bill_id);
    let Some(loan) = loan else {
        return Ok(err(404, "Unknown bill"));
    };
    if loan.status == REPAID {
        return Ok(err(400, "This loan has been repaid and cannot be extended"));
    }
    if loan.delay_unpaid > 0 {
        return Ok(err(400, "Please pay the pending extension fee first"));
    }
    loan.due_day += DELAY_DAYS;
    loan.status = EXTENDED;
    loan.delay_num += 1;
    loan.delay_unpaid = loan.delay_fee();
    Ok(obj! { "status" => 200, "data" => "", "message" => "Deferred success" })
}

/// #6 `GET|POST /Loan/reLoan`: a new loan once the current one is repaid.
pub async fn reloan(State(app): State<Shared>, session: Session) -> Answer {
    let now = app.now();
    let mut world = session.lock()?;
    if world.account().loan.status != REPAID {
        return Ok(err(
            400,
            "You have a loan in progress and cannot apply again",
        ));
    }
    world.new_loans += 1;
    let counter = world.new_loans;
    let account = world.account_mut();
    let loan = seed::reloan(account, counter, now, app.offset());
    let old = std::mem::replace(&mut account.loan, loan);
    account.history.insert(0, old);
    Ok(obj! { "status" => 200, "message" => "Successful", "data" => "" })
}

/// #9 `GET /Index/ajaxApply`: confirm a loan awaiting confirmation.
pub async fn apply(session: Session) -> Answer {
    let mut world = session.lock()?;
    let loan = &mut world.account_mut().loan;
    if loan.confirm != 0 {
        return Ok(err_without_data(
            400,
            "There is no loan application awaiting confirmation",
        ));
    }
    loan.confirm = 1;
    Ok(obj! { "status" => 200, "message" => "apply successful" })
}

/// #12 `POST /Repay/repayProof` (`oid`, optional `utr`, `utr_image`,
/// `repay_image`). Envelope 3.
pub async fn repay_proof(State(app): State<Shared>, session: Session, params: Params) -> Answer {
    let now = app.now();
    let mut world = session.lock()?;
    // Envelope 3 here, but envelope 1 for an unknown order, as in PHP.
    let Some(oid) = params.nonblank("oid") else {
        return Ok(thinkphp_reply(0, "Please select an order"));
    };
    let username = world.account().username.clone();
    let Some(loan) = world.account_mut().loan_by_oid_mut(oid) else {
        return Ok(order_not_found());
    };
    let field = |name: &str| params.nonblank(name).map(str::to_string);
    let (utr, utr_image, repay_image) = (field("utr"), field("utr_image"), field("repay_image"));
    if utr.is_some() {
        loan.utr.clone_from(&utr);
    }
    if utr_image.is_some() {
        loan.utr_image.clone_from(&utr_image);
    }
    if repay_image.is_some() {
        loan.repay_image.clone_from(&repay_image);
    }
    world.proofs.push(serde_json::json!({
        "username": username,
        "oid": oid,
        "utr": utr,
        "utr_image": utr_image,
        "repay_image": repay_image,
        "at": now,
    }));
    Ok(thinkphp_reply(1, "Successful"))
}
