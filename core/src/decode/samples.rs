//! Every sample of `api-original.txt` (punctuation corrected, values
//! unchanged, Q9), decoded field by field. The files in `fixtures/` are
//! also the seeds of the quirks (`quirks.rs`) and the fuzzer (`fuzz.rs`).

use super::{self as decode, Reply};
use crate::day::{Day, ServerDateTime};
use crate::lang::Lang;
use crate::money::{Money, MoneyFormat, Rate};
use crate::types::*;
use crate::ApiError;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name, ".json"))
    };
}
pub(super) use fixture;

pub(crate) const FIXTURES: &[&str] = &[
    fixture!("sign_in"),
    fixture!("log_out"),
    fixture!("loans_offer"),
    fixture!("loans_current"),
    fixture!("orders"),
    fixture!("ajax_delay"),
    fixture!("re_loan"),
    fixture!("upload_url"),
    fixture!("feedback"),
    fixture!("apply"),
    fixture!("contacts_push"),
    fixture!("support"),
    fixture!("upload_info"),
    fixture!("detail_combined"),
    fixture!("repay_proof"),
    fixture!("loan_detail"),
    fixture!("loan_delay"),
    fixture!("languages"),
    fixture!("pay_data"),
    fixture!("pay_stp"),
    fixture!("pay_paycash"),
];

pub(super) fn ok(body: &str) -> Reply<'_> {
    Reply::new(200, body)
}

pub(super) fn day(y: i32, m: u8, d: u8) -> Option<Day> {
    Day::from_ymd(y, m, d)
}

pub(super) fn cents(minor: i64) -> Money {
    Money::from_minor(minor)
}

pub(super) fn order_no(text: &str) -> OrderNo {
    OrderNo::new(text).unwrap()
}

pub(super) fn unexpected<T: std::fmt::Debug>(result: Result<T, ApiError>) -> bool {
    matches!(result, Err(ApiError::Unexpected(_)))
}

// ---- Samples ----------------------------------------------------------

#[test]
fn sample_acknowledgements() {
    let cases = [
        (fixture!("sign_in"), "login successful"),
        (fixture!("log_out"), "Logout successful"),
        (fixture!("ajax_delay"), "Deferred success"),
        (fixture!("re_loan"), "Successful"),
        (fixture!("feedback"), "Submit Successfully"),
        (fixture!("apply"), "apply successful"),
        (fixture!("contacts_push"), "Successful"),
    ];
    for (body, message) in cases {
        assert_eq!(decode::ack(&ok(body)).as_deref(), Ok(message));
    }
    assert_eq!(
        decode::ack(&ok(fixture!("repay_proof"))).as_deref(),
        Ok("Successful")
    );
}

#[test]
fn sample_offer() {
    let home = decode::home(&ok(fixture!("loans_offer")), 0).unwrap();
    let Home::Offer(offer) = home else {
        panic!("expected the offer, got {home:?}")
    };
    assert_eq!(offer.quota, cents(500_000));
    assert_eq!(offer.loan_days, Some(7));
    assert_eq!(offer.term_days, vec![7, 10, 15, 20]);
    assert_eq!(
        offer.loan_rate.as_ref().map(Rate::percent_text).as_deref(),
        Some("4.3")
    );
    assert_eq!(
        offer.repay_rate.as_ref().map(Rate::percent_text).as_deref(),
        Some("0.72")
    );
}

pub(super) fn current_loan(body: &str, offset: i32) -> CurrentLoan {
    match decode::home(&ok(body), offset).unwrap() {
        Home::Loan(loan) => loan,
        other => panic!("expected a loan, got {other:?}"),
    }
}

#[test]
fn sample_current_loan() {
    let loan = current_loan(fixture!("loans_current"), 0);
    assert_eq!(loan.status, LoanStatus::Overdue);
    assert!(!loan.confirmed);
    // Only a due loan waits for confirmation.
    assert!(!loan.awaiting());
    assert_eq!(loan.badge().class, "overdue");
    assert_eq!(loan.order, order_no("2022100806160549047940"));
    assert_eq!(loan.bill_id.as_str(), "37050");
    assert_eq!(loan.money, cents(500_000));
    assert_eq!(loan.repay_money, Some(cents(520_000)));
    assert_eq!(loan.due, day(2022, 10, 8));
    assert_eq!(loan.loan_days, Some(7));
    assert_eq!(loan.service_fee, Some(cents(156_520)));
    assert!(loan.has_overdue);
    assert_eq!(loan.delay_days, Some(0));
    assert_eq!(loan.next_due, None);
    assert_eq!(loan.delay_fee, None);
    assert_eq!(loan.quota, Some(cents(500_000)));
    assert_eq!(loan.available, Some(Money::ZERO));
    assert_eq!(loan.next_loan, Some(cents(2_000_000)));
    assert_eq!(loan.next_loan_days, Some(16));
    assert_eq!(
        loan.approval_rate.map(|r| r.percent_text()).as_deref(),
        Some("96")
    );
    // 1665187200 is 00:00 UTC: the same day at UTC+8, the day before in Mexico City.
    assert_eq!(
        current_loan(fixture!("loans_current"), 480).due,
        day(2022, 10, 8)
    );
    assert_eq!(
        current_loan(fixture!("loans_current"), -360).due,
        day(2022, 10, 7)
    );
}

#[test]
fn sample_orders() {
    let orders = decode::orders(&ok(fixture!("orders")), 0).unwrap();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(o.order, order_no("2022100806160549047940"));
    assert_eq!(o.id, "90870");
    assert_eq!(o.status, LoanStatus::Overdue);
    assert_eq!(o.money, cents(500_000));
    assert_eq!(o.interest, Some(cents(150_400)));
    assert_eq!(o.repay_money, Some(cents(545_200)));
    assert_eq!(o.overdue_fee, Some(cents(20_000)));
    assert_eq!(o.due, day(2022, 10, 8));
    assert_eq!(o.term_days, Some(7));
    assert_eq!(o.started, day(2022, 10, 1));
}

fn assert_sample_bill(bill: &Bill) {
    assert_eq!(bill.id.as_str(), "247598");
    assert_eq!(bill.order, order_no("2023051914035297833260"));
    assert_eq!(bill.status, LoanStatus::Overdue);
    assert_eq!(bill.money, cents(195_500_000));
    assert_eq!(bill.interest, cents(82_110_000));
    assert_eq!(bill.repay_interest, cents(10_000));
    assert_eq!(bill.overdue, cents(4_437_850_000));
    assert_eq!(bill.repaid, Money::ZERO);
    assert_eq!(bill.delay_unpaid, Money::ZERO);
    assert_eq!(bill.delay_days, 0);
    assert_eq!(bill.delay_count, 0);
    assert_eq!(bill.utr, None);
}

#[test]
fn sample_loan_detail() {
    let d = decode::loan_detail(&ok(fixture!("loan_detail")), 480).unwrap();
    assert_eq!(d.order, order_no("2023051914035297833260"));
    assert_eq!(d.need_repay, cents(4_633_360_000));
    assert_eq!(d.due, day(2023, 5, 19));
    assert_sample_bill(&d.bill);
    assert_eq!(d.bill.due, day(2023, 5, 19));
    assert_eq!(
        MoneyFormat::new(Default::default(), Lang::Es).format(d.need_repay),
        "$46,333,600.00"
    );
    // The server's day string wins whatever the configured offset (Q5).
    let utc = decode::loan_detail(&ok(fixture!("loan_detail")), 0).unwrap();
    assert_eq!(utc.due, day(2023, 5, 19));
    assert_eq!(utc.bill.due, day(2023, 5, 18));
}

#[test]
fn sample_delay_detail() {
    let d = decode::delay_detail(&ok(fixture!("loan_delay")), 480).unwrap();
    assert_eq!(d.order, order_no("2023051914035297833260"));
    assert_sample_bill(&d.bill);
    assert_eq!(d.need_repay, cents(4_564_935_000));
    assert_eq!(d.due, day(2023, 5, 19));
    assert_eq!(d.delay_fee, cents(82_110_000));
    assert_eq!(d.overdue_fee, Some(cents(4_437_850_000)));
    assert_eq!(d.next_due, day(2023, 5, 26));
}

#[test]
fn sample_combined_detail() {
    let body = fixture!("detail_combined");
    let d = decode::delay_detail(&ok(body), 480).unwrap();
    assert_eq!(d.order, order_no("2024020110593245854970"));
    assert_eq!(d.need_repay, cents(506_000));
    assert_eq!(d.due, day(2024, 2, 1));
    assert_eq!(d.delay_fee, cents(84_840));
    assert_eq!(d.overdue_fee, None);
    assert_eq!(d.next_due, day(2024, 2, 8));
    assert_eq!(d.bill.id.as_str(), "9564");
    assert_eq!(d.bill.money, cents(202_000));
    assert_eq!(d.bill.interest, cents(84_800));
    assert_eq!(d.bill.overdue, cents(303_000));
    assert_eq!(d.bill.repay_interest, cents(10_000));
    assert_eq!(d.bill.due, day(2024, 2, 1));
    let l = decode::loan_detail(&ok(body), 480).unwrap();
    assert_eq!((l.need_repay, l.due), (cents(506_000), day(2024, 2, 1)));
}

#[test]
fn sample_uploads() {
    // The document's sample keeps the placeholder host `{域名}` ("domain"):
    // as sent it is no address a browser could use, and is refused; with a
    // real host in its place it reads as the address.
    let sample = fixture!("upload_url");
    assert!(unexpected(decode::upload(
        &ok(sample),
        "https://ignored.example"
    )));
    let real = sample.replace("{域名}", "ccc.cashgox.top");
    let url = decode::upload(&ok(&real), "https://ignored.example").unwrap();
    assert_eq!(
        url.url.as_str(),
        "http://ccc.cashgox.top/Public/Upload/20221010/d78293370776098550cf050d59c2a2fb.jpg"
    );
    let info = decode::upload(&ok(fixture!("upload_info")), "https://ccc.cashgox.top").unwrap();
    assert_eq!(
        info.url.as_str(),
        "https://ccc.cashgox.top/Public/Upload/20240302/0346d3c44c8fd65464661bf53cef9bc4.png"
    );
}

#[test]
fn sample_support_and_languages() {
    let s = decode::support(&ok(fixture!("support"))).unwrap();
    assert_eq!(s.phone.as_deref(), Some("1231312312"));
    assert_eq!(s.whatsapp.as_deref(), Some("aaaaaaaaaassfa"));
    let languages = decode::languages(&ok(fixture!("languages"))).unwrap();
    assert_eq!(languages.default, Some(Lang::En));
    assert_eq!(languages.target, Some(crate::types::Target::Web));
}

#[test]
fn sample_payments() {
    assert_eq!(
        decode::pay_data(&ok(fixture!("pay_data"))).as_deref(),
        Ok("http://localhost")
    );

    let stp = decode::payment(&ok(fixture!("pay_stp")), PayType::Stp).unwrap();
    assert_eq!(stp.method, PayType::Stp);
    assert_eq!(stp.method_name, "stp");
    assert_eq!(
        stp.method_logo.as_ref().map(SafeUrl::as_str),
        Some("http://local.gfpay/assets/front/images/pst.png")
    );
    assert_eq!(stp.amount, cents(10_000));
    assert_eq!(stp.reference, "472445424642024082500100005438");
    assert_eq!(stp.barcode.as_deref(), Some("PB1825066649678647296"));
    assert_eq!(
        stp.barcode_image.as_ref().map(SafeUrl::as_str),
        Some("https://sipelatam.s3.us-west-2.amazonaws.com/prod/referencia/barCode/20240818/839cc2e12af54993964fde14296c7a14.png")
    );
    assert_eq!(
        stp.expires.as_ref().and_then(Expiry::at),
        ServerDateTime::parse("2024-08-19 15:06:09")
    );
    assert_eq!(stp.checkout, None);
    assert!(!stp.refused_urls);

    // Each sample's fields spelled out, alike the STP one's on purpose: each reply read alone.
    let cash = decode::payment(&ok(fixture!("pay_paycash")), PayType::Paycash).unwrap();
    assert_eq!(cash.method, PayType::Paycash);
    assert_eq!(cash.method_name, "Paycash");
    assert_eq!(cash.amount, cents(10_000));
    assert_eq!(cash.reference, "706180301567011837");
    assert_eq!(cash.barcode.as_deref(), Some("GV1825068937331875840"));
    assert_eq!(
        cash.barcode_image.as_ref().map(SafeUrl::as_str),
        Some("http://local.gfpay/assets/tmp/37.png")
    );
    assert_eq!(
        cash.checkout.as_ref().map(SafeUrl::as_str),
        Some("https://checkout-mx.eastpay.top?checkout=MjAyNDA4MTgxNTExNTcyNzUwNCZHVjE4MjUwNjg5MzczMzE4NzU4NDAmNzA2MTgwMzAxNTY3MDExODM3")
    );
    assert_eq!(
        cash.method_logo.as_ref().map(SafeUrl::as_str),
        Some("http://local.gfpay/assets/front/images/pay_cash.png")
    );
    assert_eq!(
        cash.expires.as_ref().and_then(Expiry::at),
        ServerDateTime::parse("2024-08-19 15:15:37")
    );
    assert!(!cash.refused_urls);
}
