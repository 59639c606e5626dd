//! The quirks around the samples: session and envelope rules, numbers as
//! strings and strings as numbers, nulls, unknown fields, huge values,
//! refused addresses.

use super::fuzz::decode_everything;
use super::samples::{cents, current_loan, day, fixture, ok, unexpected};
use super::{self as decode, Reply};
use crate::lang::Lang;
use crate::money::Money;
use crate::types::*;
use crate::ApiError;

// ---- Session and envelope rules -----------------------------------------

#[test]
fn session_expiry_signals() {
    let body = fixture!("loan_detail");
    for status in [401, 403] {
        assert_eq!(
            decode::loan_detail(&Reply::new(status, body), 0),
            Err(ApiError::SessionExpired)
        );
        assert_eq!(
            decode::ack(&Reply::new(status, "")),
            Err(ApiError::SessionExpired)
        );
    }
    let redirected = Reply {
        http_status: 200,
        redirected_to_login: true,
        body: "<html>login</html>",
    };
    assert_eq!(decode::home(&redirected, 0), Err(ApiError::SessionExpired));
    for body in [
        r#"{"status": -100, "message": "please log in"}"#,
        r#"{"status": "-100", "message": "please log in", "data": ""}"#,
        r#"{"status": -100}"#,
    ] {
        assert_eq!(decode::ack(&ok(body)), Err(ApiError::SessionExpired));
        assert_eq!(decode::home(&ok(body), 0), Err(ApiError::SessionExpired));
        assert_eq!(decode::orders(&ok(body), 0), Err(ApiError::SessionExpired));
        assert_eq!(
            decode::payment(&ok(body), PayType::Stp),
            Err(ApiError::SessionExpired)
        );
    }
    // /Repay/loans: a -100 inside `data` is the public offer, not an error.
    assert!(matches!(
        decode::home(&ok(fixture!("loans_offer")), 0),
        Ok(Home::Offer(_))
    ));
}

#[test]
fn server_messages_and_unexpected_replies() {
    let fail = r#"{"status": "500", "message": "Saldo insuficiente", "data": ""}"#;
    assert_eq!(
        decode::ack(&ok(fail)),
        Err(ApiError::Server("Saldo insuficiente".into()))
    );
    assert_eq!(
        decode::loan_detail(&ok(fail), 0),
        Err(ApiError::Server("Saldo insuficiente".into()))
    );
    assert_eq!(
        decode::ack(&ok(r#"{"status": 0, "message": 123}"#)),
        Err(ApiError::Server("123".into()))
    );
    assert!(unexpected(decode::ack(&ok(
        r#"{"status": 500, "message": ""}"#
    ))));
    assert!(unexpected(decode::ack(&ok(r#"{"status": 500}"#))));
    assert!(unexpected(decode::ack(&ok(r#"{"message": "no status"}"#))));
    // Envelope 3 failures carry the message in `info`.
    assert_eq!(
        decode::ack(&ok(r#"{"info":"Archivo muy grande","status":0,"url":""}"#)),
        Err(ApiError::Server("Archivo muy grande".into()))
    );
    assert_eq!(
        decode::upload(
            &ok(r#"{"info":"Tipo no permitido","status":0,"url":""}"#),
            ""
        ),
        Err(ApiError::Server("Tipo no permitido".into()))
    );
    // Envelope 3 success is no value where a value is expected.
    assert_eq!(
        decode::ack(&ok(r#"{"info":"x","status":1}"#)).as_deref(),
        Ok("x")
    );
    assert!(unexpected(decode::support(&ok(
        r#"{"info":"x","status":1}"#
    ))));
    // A JSON error from a 500 still shows the server's message.
    assert_eq!(
        decode::ack(&Reply::new(
            500,
            r#"{"status":500,"message":"Mantenimiento"}"#
        )),
        Err(ApiError::Server("Mantenimiento".into()))
    );

    let html = "<!DOCTYPE html><html><body>Login</body></html>";
    for reply in [
        Reply::new(200, html),
        Reply::new(502, "<html>Bad Gateway</html>"),
        Reply::new(500, ""),
        Reply::new(200, ""),
        Reply::new(200, "   \n"),
        Reply::new(200, r#"{"status": 200, "message": "trunc"#),
        Reply::new(200, "[]"),
        Reply::new(200, "null"),
        Reply::new(200, "200"),
        Reply::new(200, r#""status""#),
        Reply::new(404, "Not Found"),
    ] {
        let got = decode::ack(&reply);
        assert!(unexpected(got.clone()), "{reply:?} gave {got:?}");
        assert!(got.unwrap_err().may_have_arrived());
        assert!(unexpected(decode::home(&reply, 0)));
        assert!(unexpected(decode::payment(&reply, PayType::Stp)));
    }
}

#[test]
fn byte_order_mark_is_tolerated() {
    let body = format!("\u{feff}{}", fixture!("apply"));
    assert_eq!(decode::ack(&ok(&body)).as_deref(), Ok("apply successful"));
}

#[test]
fn lost_answers_may_have_arrived() {
    assert!(ApiError::Offline.may_have_arrived());
    assert!(ApiError::Timeout.may_have_arrived());
    assert!(ApiError::Unexpected("x".into()).may_have_arrived());
    // The server said no, or never heard it.
    assert!(!ApiError::SessionExpired.may_have_arrived());
    assert!(!ApiError::Server("x".into()).may_have_arrived());
    // Already the verdict of a check: not checked again.
    assert!(!ApiError::Unconfirmed.may_have_arrived());
    assert!(!ApiError::Cancelled.may_have_arrived());
    assert_eq!(ApiError::Server("Saldo".into()).to_string(), "Saldo");
}

// ---- Quirks: numbers as strings, nulls, unknown fields ------------------

#[test]
fn current_loan_with_strings_for_numbers_and_numbers_for_strings() {
    let body = r#"{"status":"200","message":"ok","data":{
        "status":"0","money":"5000.00","repay_money":"5200","repayment_time":"1665187200",
        "loan_time":7,"billId":37050,"confirm":"1","serviceFee":"1565.20",
        "bill":{"id":37050,"oid":"2022100806160549047940","delay_day":2,"repayment_time":1665187200},
        "hasOverdue":"0","nextRepayDay":"15-10-2022","delayFee":"848.40","doquota":0,
        "quota":5000,"next_loan":20000,"approval_rate":0.96,"next_loan_period":16}}"#;
    let loan = current_loan(body, 0);
    assert_eq!(loan.status, LoanStatus::Due);
    assert!(loan.confirmed);
    assert!(!loan.awaiting());
    let offered = CurrentLoan {
        confirmed: false,
        ..loan.clone()
    };
    assert!(offered.awaiting());
    assert_eq!(offered.badge().label, BadgeLabel::Awaiting);
    // The sample's figures (samples.rs) on purpose: the quirky body must read as the sample does.
    assert_eq!(loan.bill_id.as_str(), "37050");
    assert_eq!(loan.money, cents(500_000));
    assert_eq!(loan.repay_money, Some(cents(520_000)));
    assert_eq!(loan.due, day(2022, 10, 8));
    assert_eq!(loan.loan_days, Some(7));
    assert_eq!(loan.service_fee, Some(cents(156_520)));
    assert!(!loan.has_overdue);
    assert_eq!(loan.delay_days, Some(2));
    assert_eq!(loan.next_due, day(2022, 10, 15));
    assert_eq!(loan.delay_fee, Some(cents(84_840)));
    assert_eq!(loan.available, Some(Money::ZERO));
    assert_eq!(loan.quota, Some(cents(500_000)));
    assert_eq!(loan.next_loan, Some(cents(2_000_000)));
    assert_eq!(
        loan.approval_rate.map(|r| r.percent_text()).as_deref(),
        Some("96")
    );
    assert_eq!(loan.next_loan_days, Some(16));
}

#[test]
fn current_loan_with_the_least_and_with_nulls() {
    let minimal = r#"{"status":200,"data":{"status":4,"money":100,
        "bill":{"id":"1","oid":"A1"}}}"#;
    let loan = current_loan(minimal, 0);
    assert_eq!(loan.status, LoanStatus::Extended);
    assert_eq!(loan.order.as_str(), "A1");
    assert_eq!(loan.money, cents(10_000));
    assert_eq!((loan.due, loan.repay_money, loan.quota), (None, None, None));
    assert!(!loan.has_overdue && !loan.confirmed);

    let nulls = r#"{"status":200,"data":{"status":7,"money":null,"repay_money":null,
        "repayment_time":null,"loan_time":null,"billId":null,"confirm":null,"serviceFee":null,
        "bill":{"id":null,"oid":"A1","money":"10.5","repayment_time":"0"},"hasOverdue":null,
        "nextRepayDay":1685030400,"delayFee":"","doquota":null,"approval_rate":null},
        "message":null,"extra":{"deep":[1,{"x":[]}]}}"#;
    // Neither bill.id nor billId: the extension would have no target.
    assert!(unexpected(decode::home(&ok(nulls), 480)));
    let nulls = nulls.replace(r#""billId":null"#, r#""billId":"9""#);
    let loan = current_loan(&nulls, 480);
    assert_eq!(loan.status, LoanStatus::Unknown(7));
    assert_eq!(loan.status.as_str(), "in-process");
    assert_eq!(loan.bill_id.as_str(), "9");
    assert_eq!(loan.money, cents(1050), "falls back to bill.money");
    assert_eq!(loan.due, None, "a zero timestamp is no day");
    assert_eq!(
        loan.next_due,
        day(2023, 5, 26),
        "a timestamp for nextRepayDay"
    );
    assert_eq!(loan.delay_fee, None);
}

#[test]
fn logged_in_without_a_bill_is_the_offer() {
    for bill in [r#""bill": []"#, r#""bill": null"#, r#""x": 1"#] {
        let body = format!(r#"{{"status":200,"data":{{"status":2,"quota":"8000",{bill}}}}}"#);
        let home = decode::home(&ok(&body), 0).unwrap();
        assert!(matches!(home, Home::Offer(Offer { quota, .. }) if quota == cents(800_000)));
    }
    // A bill of the wrong type is a wrong shape.
    let body = r#"{"status":200,"data":{"status":1,"quota":"1","bill":"37050"}}"#;
    assert!(unexpected(decode::home(&ok(body), 0)));
}

#[test]
fn offer_quirks() {
    let body = r#"{"status":200,"data":{"status":"-100","quota":5000,"default_loan_time":"7",
        "default_deadline":[7,"10","x",null,-3,"15.00"],"default_loan_interest":0.043,
        "default_repay_interest":"7.2E-3"}}"#;
    let Ok(Home::Offer(offer)) = decode::home(&ok(body), 0) else {
        panic!("expected the offer")
    };
    assert_eq!(offer.quota, cents(500_000));
    assert_eq!(offer.loan_days, Some(7));
    assert_eq!(offer.term_days, vec![7, 10, 15]);
    assert_eq!(
        offer.loan_rate.map(|r| r.percent_text()).as_deref(),
        Some("4.3")
    );
    assert_eq!(
        offer.repay_rate.map(|r| r.percent_text()).as_deref(),
        Some("0.72")
    );
    let no_quota = r#"{"status":200,"data":{"status":-100}}"#;
    assert!(unexpected(decode::home(&ok(no_quota), 0)));
    assert!(unexpected(decode::home(
        &ok(r#"{"status":200,"data":""}"#),
        0
    )));
    assert!(unexpected(decode::home(&ok(r#"{"status":200}"#), 0)));
}

#[test]
fn detail_quirks() {
    // Numbers as strings, the timestamp alone, missing amounts.
    let body = r#"{"status":200,"data":{"needRepayMoney":"463336.00","needRepaymentTime":"1684425600",
        "bill":{"id":247598,"oid":2023051914035297833260,"status":1,"money":1955000,
        "repaid_money":null,"utr":"  UTR123 ","unknown":{"a":[1,2]}},
        "delayFee":"0","overdueFee":"0.00","nextRepayDatetime":"1685030400"}}"#;
    let d = decode::delay_detail(&ok(body), 480).unwrap();
    assert_eq!(
        d.order.as_str(),
        "2023051914035297833260",
        "falls back to bill.oid"
    );
    assert_eq!(d.need_repay, cents(46_333_600));
    assert_eq!(d.due, day(2023, 5, 19));
    assert_eq!(d.bill.money, cents(195_500_000));
    assert_eq!(d.bill.interest, Money::ZERO);
    assert_eq!(d.bill.repaid, Money::ZERO);
    assert_eq!(d.bill.utr.as_deref(), Some("UTR123"));
    assert_eq!(d.delay_fee, Money::ZERO);
    assert_eq!(d.overdue_fee, None, "zero is no overdue fee");
    assert_eq!(d.next_due, day(2023, 5, 26));
    assert_eq!(
        decode::delay_detail(&ok(body), -360).unwrap().due,
        day(2023, 5, 18)
    );

    // No day at all, and the bill's own timestamp as the last resort.
    let body = r#"{"status":200,"data":{"oid":"X1","needRepayMoney":1,
        "bill":{"id":"1","oid":"X1","status":"0","repayment_time":1665187200}}}"#;
    let d = decode::loan_detail(&ok(body), 0).unwrap();
    assert_eq!(d.due, day(2022, 10, 8));
    assert_eq!(d.bill.status, LoanStatus::Due);

    // What the page cannot do without.
    let cases = [
        r#"{"status":200,"data":{"oid":"X1","bill":{"id":"1","oid":"X1","status":0}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":"abc","bill":{"id":"1","oid":"X1","status":0}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":{"oid":"X1","status":0}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":{"id":"1","oid":"X/1","status":0}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":{"id":"1","oid":"X1"}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":{"id":"1","oid":"X1","status":0,"money":"1,000"}}}"#,
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":[1]}}"#,
        r#"{"status":200,"data":[]}"#,
    ];
    for body in cases {
        assert!(unexpected(decode::loan_detail(&ok(body), 0)), "{body}");
    }
    // #14 needs its fee.
    let body =
        r#"{"status":200,"data":{"needRepayMoney":1,"bill":{"id":"1","oid":"X1","status":0}}}"#;
    assert!(decode::loan_detail(&ok(body), 0).is_ok());
    assert!(unexpected(decode::delay_detail(&ok(body), 0)));
}

#[test]
fn huge_numbers_do_not_panic() {
    let big = "9".repeat(400);
    let body = format!(
        r#"{{"status":200,"data":{{"needRepayMoney":{big},"bill":{{"id":"1","oid":"X1","status":0}}}}}}"#
    );
    assert!(unexpected(decode::loan_detail(&ok(&body), 0)));
    let body = format!(
        r#"{{"status":200,"data":{{"needRepayMoney":1,"needRepaymentTime":{big},"nextRepayDay":"{big}",
        "delayFee":"1e308","overdueFee":-{big},
        "bill":{{"id":"1","oid":"X1","status":{big},"delay_day":{big},"repayment_time":"-{big}"}}}}}}"#
    );
    assert!(
        unexpected(decode::delay_detail(&ok(&body), 0)),
        "delayFee unreadable"
    );
    let body = body.replace(r#""delayFee":"1e308""#, r#""delayFee":"1""#);
    // status too big for i64: the bill status is unreadable.
    assert!(unexpected(decode::delay_detail(&ok(&body), 0)));
    let body = body.replace(&format!(r#""status":{big}"#), r#""status":99999999999"#);
    let d = decode::delay_detail(&ok(&body), i32::MAX).unwrap();
    assert_eq!(d.bill.status, LoanStatus::Unknown(99_999_999_999));
    assert_eq!((d.due, d.next_due, d.overdue_fee), (None, None, None));
    assert_eq!(d.bill.delay_days, 0);
    let status = format!(r#"{{"status":{big},"message":"x"}}"#);
    assert!(unexpected(decode::ack(&ok(&status))));
    // Deep nesting: no stack overflow, and never mistaken for a value.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let body = format!(r#"{{"status":200,"data":{deep}}}"#);
    decode_everything(&ok(&body));
    assert_eq!(decode::ack(&ok(&body)).as_deref(), Ok(""));
    assert_no_loan_in(&body);
    assert!(unexpected(decode::orders(&ok(&body), 0)));
    let deep = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    let body = format!(r#"{{"status":200,"data":{deep}}}"#);
    decode_everything(&ok(&body));
    assert_no_loan_in(&body);
    // An object without `orders`, as `"data":{}`: no loans.
    assert_eq!(decode::orders(&ok(&body), 0), Ok(vec![]));
    let body = format!(r#"{{"status":200,"data":{{"bill":{deep}}}}}"#);
    decode_everything(&ok(&body));
    assert_no_loan_in(&body);
    // No envelope at all: every decoder says so.
    decode_everything(&ok(&deep));
    assert!(unexpected(decode::ack(&ok(&deep))));
    assert!(unexpected(decode::orders(&ok(&deep), 0)));
    assert!(unexpected(decode::languages(&ok(&deep))));
    assert!(unexpected(decode::support(&ok(&deep))));
    assert_no_loan_in(&deep);
}

/// None of the decoders that read a loan or a payment accepts `body`.
fn assert_no_loan_in(body: &str) {
    let reply = ok(body);
    let clip = body.get(..60).unwrap_or(body);
    assert!(unexpected(decode::home(&reply, 0)), "home: {clip}");
    assert!(
        unexpected(decode::loan_detail(&reply, 0)),
        "loan_detail: {clip}"
    );
    assert!(
        unexpected(decode::delay_detail(&reply, 0)),
        "delay_detail: {clip}"
    );
    assert!(
        unexpected(decode::payment(&reply, PayType::Stp)),
        "payment: {clip}"
    );
    assert!(unexpected(decode::pay_data(&reply)), "pay_data: {clip}");
}

#[test]
fn orders_quirks() {
    for body in [
        r#"{"status":200,"data":{"orders":[]}}"#,
        r#"{"status":200,"data":{}}"#,
        r#"{"status":200,"data":[]}"#,
        r#"{"status":200,"data":null}"#,
        r#"{"status":200}"#,
    ] {
        assert_eq!(decode::orders(&ok(body), 0), Ok(vec![]), "{body}");
    }
    let body = r#"{"status":200,"data":[{"id":1,"oid":"A","money":"10","status":"2",
        "time":7,"start_time":null,"repayment_time":"1665187200","overFee":null}]}"#;
    let orders = decode::orders(&ok(body), 0).unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].status, LoanStatus::Repaid);
    assert_eq!(orders[0].id, "1");
    assert_eq!(orders[0].started, None);
    assert_eq!(orders[0].overdue_fee, None);
    assert_eq!(orders[0].due, day(2022, 10, 8));
    let missing_oid = r#"{"status":200,"data":{"orders":[{"id":"1","money":"10","status":1}]}}"#;
    assert!(unexpected(decode::orders(&ok(missing_oid), 0)));
    let not_object = r#"{"status":200,"data":{"orders":["x"]}}"#;
    assert!(unexpected(decode::orders(&ok(not_object), 0)));
}

#[test]
fn upload_quirks() {
    let cases = [
        (
            r#"{"info":"/20240302/x.png","status":"1"}"#,
            "https://api.example/Public/Upload/20240302/x.png",
        ),
        (
            r#"{"info":"Public/Upload/20240302/x.png","status":1}"#,
            "https://api.example/Public/Upload/20240302/x.png",
        ),
        (
            r#"{"info":"20240302\\x.png","status":1}"#,
            "https://api.example/Public/Upload/20240302/x.png",
        ),
        (
            r#"{"info":"https://cdn.example/x.png","status":1}"#,
            "https://cdn.example/x.png",
        ),
        (
            r#"{"status":"200","data":"https:\\\\cdn.example\\x.png"}"#,
            "https://cdn.example/x.png",
        ),
    ];
    for (body, want) in cases {
        assert_eq!(
            decode::upload(&ok(body), "https://api.example/")
                .map(|f| f.url.as_str().to_owned())
                .as_deref(),
            Ok(want),
            "{body}"
        );
    }
    assert!(unexpected(decode::upload(
        &ok(r#"{"status":200,"data":""}"#),
        ""
    )));
    assert!(unexpected(decode::upload(
        &ok(r#"{"status":1,"info":""}"#),
        ""
    )));
    // Addresses that are not http(s) with a plain host are refused, not passed on.
    for data in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x.png",
        "https://evil.example\t/x.png",
        "https://user:pw@evil.example/x.png",
        "ftp://files.example/x.png",
    ] {
        let body = serde_json::json!({ "status": 200, "data": data }).to_string();
        assert!(
            unexpected(decode::upload(&ok(&body), "https://api.example")),
            "{data}"
        );
    }
}

#[test]
fn language_defaults() {
    // Names and codes are read by lang::parse_name (tested there).
    let default = |body: &str| decode::languages(&ok(body)).map(|l| l.default);
    let body =
        r#"{"status":"200","languages":["English","Hindi","en","Español"],"default":"Hindi"}"#;
    assert_eq!(default(body), Ok(None));
    let body = r#"{"status":"200","languages":["English"],"default":"ESPAÑOL"}"#;
    assert_eq!(default(body), Ok(Some(Lang::Es)));
    let wrapped =
        r#"{"status":200,"data":{"languages":["Spanish"],"default":"Spanish","target":"app"}}"#;
    assert_eq!(default(wrapped), Ok(Some(Lang::Es)));
    assert_eq!(default(r#"{"status":200}"#), Ok(None));
}

#[test]
fn target_web_or_app() {
    let target = |body: &str| decode::languages(&ok(body)).map(|l| l.target);
    assert_eq!(target(fixture!("languages")), Ok(Some(Target::Web)));
    let app = r#"{"status":200,"languages":["Spanish"],"default":"Spanish","target":" APP "}"#;
    assert_eq!(target(app), Ok(Some(Target::App)));
    let web = r#"{"status":"200","languages":[],"target":"Web"}"#;
    assert_eq!(target(web), Ok(Some(Target::Web)));
    // Inside `data`, envelope-1 style, as the list may be.
    let wrapped = r#"{"status":200,"data":{"languages":[],"target":"app"}}"#;
    assert_eq!(target(wrapped), Ok(Some(Target::App)));
    for unknown in [
        r#"{"status":200}"#,
        r#"{"status":200,"languages":[]}"#,
        r#"{"status":200,"target":"native"}"#,
        r#"{"status":200,"target":""}"#,
        r#"{"status":200,"target":1}"#,
        r#"{"status":200,"target":null}"#,
        r#"{"status":200,"target":["app"]}"#,
        r#"{"status":200,"target":{"app":true}}"#,
    ] {
        assert_eq!(target(unknown), Ok(None), "{unknown}");
    }
    // The same field twice makes the reply unreadable, as every field.
    assert!(unexpected(decode::languages(&ok(
        r#"{"status":200,"target":"app","target":"web"}"#
    ))));
    assert!(unexpected(decode::languages(&ok("<html>"))));
    assert_eq!(
        decode::languages(&ok(r#"{"status":-100}"#)),
        Err(ApiError::SessionExpired)
    );
}

// A table like lang.rs's `server_names` on purpose: each reads the server's words on its own.
#[test]
fn target_words() {
    for (text, expected) in [
        ("web", Some(Target::Web)),
        ("APP", Some(Target::App)),
        ("\tapp\n", Some(Target::App)),
        ("apps", None),
        ("", None),
        ("h5", None),
        ("аpp", None), // a Cyrillic а
    ] {
        assert_eq!(Target::parse(text), expected, "{text:?}");
    }
}

#[test]
fn support_quirks() {
    let body = r#"{"status":200,"data":{"phone_number":5512345678,"whatsapp":"+52 55"}}"#;
    let s = decode::support(&ok(body)).unwrap();
    assert_eq!(s.phone.as_deref(), Some("5512345678"));
    assert_eq!(s.whatsapp.as_deref(), Some("+52 55"));
    let empty = r#"{"status":200,"data":{"phone_number":"","whatapp":null}}"#;
    assert_eq!(decode::support(&ok(empty)), Ok(Support::default()));
    assert_eq!(
        decode::support(&ok(r#"{"status":200,"data":""}"#)),
        Ok(Support::default())
    );
}

#[test]
fn payment_failures() {
    assert_eq!(
        decode::payment(
            &ok(r#"{"code":500,"msg":"Canal no disponible"}"#),
            PayType::Stp
        ),
        Err(ApiError::Server("Canal no disponible".into()))
    );
    assert_eq!(
        decode::payment(
            &ok(r#"{"status":200,"data":{"code":"400","msg":"Monto inválido","data":null}}"#),
            PayType::Paycash
        ),
        Err(ApiError::Server("Monto inválido".into()))
    );
    assert_eq!(
        decode::payment(
            &ok(r#"{"status":0,"message":"Orden pagada"}"#),
            PayType::Stp
        ),
        Err(ApiError::Server("Orden pagada".into()))
    );
    assert!(unexpected(decode::payment(
        &ok(r#"{"code":500}"#),
        PayType::Stp
    )));
    assert!(unexpected(decode::payment(
        &ok(r#"{"code":200,"data":{}}"#),
        PayType::Stp
    )));
    assert!(unexpected(decode::payment(
        &ok(r#"{"code":200,"data":{"reference":"1"}}"#),
        PayType::Stp
    )));
    assert_eq!(
        decode::pay_data(&ok(r#"{"status":200,"data":""}"#)).ok(),
        None
    );
}

fn payment_with(fields: &str) -> PaymentRef {
    let body = format!(
        r#"{{"code":200,"msg":"ok","data":{{"reference":472445424642024082500100005438,"money":100,{fields}}}}}"#
    );
    decode::payment(&ok(&body), PayType::Paycash).unwrap()
}

#[test]
fn payment_urls_are_checked() {
    let p = payment_with(r#""checkout":"javascript:alert(1)","path":null"#);
    assert_eq!(
        p.reference, "472445424642024082500100005438",
        "a number kept as its text"
    );
    assert_eq!(p.amount, cents(10_000));
    assert_eq!(p.checkout, None);
    assert!(p.refused_urls);

    let p = payment_with(r#""checkout":"http://pay.example/x""#);
    assert_eq!(p.checkout, None, "checkout must be https");
    assert!(p.refused_urls);

    let p = payment_with(
        r#""origin_img":"data:image/png;base64,AAAA","path":"https://a.example/b.png""#,
    );
    assert_eq!(
        p.barcode_image.as_ref().map(SafeUrl::as_str),
        Some("https://a.example/b.png")
    );
    assert!(!p.refused_urls, "path stood in for the refused origin_img");

    let p = payment_with(r#""origin_img":"//evil.example/x.png","path":"javascript:x""#);
    assert_eq!(p.barcode_image, None);
    assert!(p.refused_urls);

    let p = payment_with(r#""image":" https://a.example/logo.png""#);
    assert_eq!(p.method_logo, None);
    assert!(p.refused_urls);

    let p = payment_with(r#""checkout":"","origin_img":"","image":null,"expire":"pronto""#);
    assert!(!p.refused_urls, "empty is absent, not refused");
    assert_eq!(
        (p.checkout, p.barcode_image, p.method_logo),
        (None, None, None)
    );
    assert_eq!(p.expires, Some(Expiry::AsSent("pronto".into())));
    let p = payment_with(r#""expire":"""#);
    assert_eq!(p.expires, None, "empty is absent");
    assert_eq!(p.method_name, "");
}

#[test]
fn payment_wrapped_without_gateway_code() {
    let body = r#"{"status":200,"data":{"data":{"reference":"R1","money":"5.5"}}}"#;
    let p = decode::payment(&ok(body), PayType::Stp).unwrap();
    assert_eq!((p.reference.as_str(), p.amount), ("R1", cents(550)));
}
