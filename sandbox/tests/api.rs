//! The 17 endpoints (in process, through the router): happy paths, errors, quirks.

mod common;

use common::*;
use serde_json::{json, Value};

const O1: &str = "2026112014035297833261";
const O2: &str = "2026112014035297833262";
const O3: &str = "2026112014035297833263";
const O4: &str = "2026112014035297833264";

#[test]
fn public_endpoints() {
    let s = start();
    let mut c = s.client();
    for method in ["GET", "POST"] {
        let r = c.request(method, "/Index/languages", None, b"");
        assert_eq!(
            r.json(),
            json!({"status":200,"languages":["Spanish","English"],"default":"English","target":"web"})
        );
        let r = c.request(method, "/Index/contact", None, b"");
        assert_eq!(
            r.json(),
            json!({"status":200,"message":"successful","data":{"phone_number":"5580001234","whatapp":"5215580001234"}})
        );
    }
    let r = c.get("/Repay/loans");
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(
        r.json(),
        json!({"status":200,"data":{"status":-100,"quota":"5000","default_loan_time":7,
            "default_deadline":["7","10","15","20"],"default_loan_interest":"0.043",
            "default_repay_interest":"0.0072"},
            "message":"If the user is not logged in, the default quota will be displayed"})
    );
}

#[test]
fn sign_in_errors_and_cookie() {
    let s = start();
    let mut c = s.client();
    let r = c.post_form("/Index/ajaxSignIn", &[("username", "5512345001")]);
    assert_eq!(
        r.json(),
        json!({"status":400,"message":"Please enter your phone number and password"})
    );
    let r = c.post_form(
        "/Index/ajaxSignIn",
        &[("username", "5512345001"), ("password", "wrong")],
    );
    assert_eq!(
        r.json(),
        json!({"status":400,"message":"Incorrect username or password","data":""})
    );
    assert!(r.header("set-cookie").is_none());
    // JSON bodies are not understood, as with PHP's $_POST.
    let r = c.request(
        "POST",
        "/Index/ajaxSignIn",
        Some("application/json"),
        br#"{"username":"5512345001","password":"demo1234"}"#,
    );
    assert_eq!(
        r.json()["message"],
        "Please enter your phone number and password"
    );
    let r = c.post_form(
        "/Index/ajaxSignIn",
        &[("username", "5512345001"), ("password", PASSWORD)],
    );
    assert_eq!(
        r.json(),
        json!({"status":200,"message":"login successful","data":"/Repay/index.shtml"})
    );
    let cookie = r.header("set-cookie").unwrap();
    let sid = cookie
        .strip_prefix("PHPSESSID=")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    assert_eq!(sid.len(), 26);
    assert!(sid.chars().all(|ch| ch.is_ascii_alphanumeric()));
    assert!(cookie.ends_with("; Path=/; HttpOnly; SameSite=Lax"));
    assert_eq!(c.get("/Repay/loans").json()["data"]["status"], 0);
    // Log out: the sample reply, the session is gone.
    let r = c.get("/Index/ajaxLogOut");
    assert_eq!(
        r.json(),
        json!({"status":200,"message":"Logout successful"})
    );
    assert!(c.cookie.is_none());
    c.cookie = Some(sid.to_string());
    assert_eq!(c.get("/Repay/loans").json()["data"]["status"], -100);
}

#[test]
fn logged_out_answers() {
    let s = start();
    let mut c = s.client();
    let minus_100 = json!({"status":-100,"message":"Please log in first","data":""});
    for (method, path) in [
        ("POST", "/Repay/loanDetail"),
        ("POST", "/Repay/loanDelay"),
        ("POST", "/Repay/ajaxDelay"),
        ("POST", "/Repay/repayProof"),
        ("POST", "/Repay/payData"),
        ("POST", "/Repay/payTransf"),
        ("GET", "/Loan/reLoan"),
        ("POST", "/Loan/reLoan"),
        ("GET", "/Index/ajaxApply"),
        ("POST", "/Feedback/ajaxCreate"),
    ] {
        let r = c.request(method, path, None, b"");
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.json(), minus_100, "{path}");
    }
    let r = c.post("/Repay/orders");
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), json!({"status":401,"message":"Unauthorized"}));
    let r = c.post_form("/Contact/ajaxPush", &[("contacts[0][name]", "a")]);
    assert!(r.status == 302 || r.status == 303, "{}", r.status);
    assert_eq!(r.header("location"), Some("/Index/login"));
    let r = c.get("/Index/login");
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("<form"));
    let r = c.post_multipart("/Info/ajaxUpload", &[field("fileName", "file")]);
    assert_eq!(r.status, 403);
    // A made-up session id is no session.
    c.cookie = Some("abcdefghijklmnopqrstuv0123".into());
    assert_eq!(c.post("/Repay/loanDetail").json(), minus_100);
}

#[test]
fn current_loan_shapes() {
    let s = start();
    // Due in 5 days: numbers as in sample #3, no extension fields.
    let mut c = s.login("5512345001");
    let r = c.get("/Repay/loans");
    let t = r.text();
    assert!(t.contains(r#""money":5000,"repay_money":6504,"#), "{t}");
    assert!(t.contains(r#""serviceFee":1504,"#), "{t}");
    assert!(t.contains(r#""confirm":1,"#), "{t}");
    let v = r.json();
    let d = &v["data"];
    assert_eq!(v["status"], 200);
    assert_eq!(v["message"], "Successfully");
    assert_eq!(d["status"], 0);
    assert_eq!(d["billId"], "37051");
    assert_eq!(d["loan_time"], "7");
    assert_eq!(d["repayment_time"], midnight(5));
    assert!(d["addtime"].is_string());
    assert_eq!(d["bill"]["money"], "5000.00");
    assert_eq!(d["bill"]["repay_interest"], "252.00");
    assert_eq!(d["bill"]["oid"], O1);
    assert_eq!(d["bill"]["id"], "37051");
    assert_eq!(d["bill"]["repayment_time"], midnight(5).to_string());
    assert_eq!(d["hasOverdue"], false);
    assert!(d.get("nextRepayDay").is_none() && d.get("delayFee").is_none());
    assert_eq!(d["default_deadline"], json!(["7", "10", "15", "20"]));

    let d = &s.login("5512345002").get("/Repay/loans").json()["data"];
    assert_eq!(d["status"], 1);
    assert_eq!(d["hasOverdue"], true);
    assert_eq!(d["repayment_time"], midnight(-3));

    let d = &s.login("5512345003").get("/Repay/loans").json()["data"];
    assert_eq!(d["status"], 2);
    assert_eq!(
        (&d["next_loan"], &d["next_loan_period"], &d["approval_rate"]),
        (&json!("20000"), &json!("16"), &json!("0.96"))
    );

    let r = s.login("5512345004").get("/Repay/loans");
    assert!(r.text().contains(r#""delayFee":848.4"#), "{}", r.text());
    let d = &r.json()["data"];
    assert_eq!(d["status"], 4);
    assert_eq!(d["bill"]["delay"], "1");
    assert_eq!(d["bill"]["delay_day"], "7");
    assert_eq!(d["nextRepayDay"], day(9));
    assert_eq!(d["repayment_time"], midnight(9));

    assert_eq!(
        s.login("5512345005").get("/Repay/loans").json()["data"]["status"],
        3
    );
    let d = &s.login("5512345006").get("/Repay/loans").json()["data"];
    assert_eq!(
        (d["status"].as_i64(), d["confirm"].as_i64()),
        (Some(0), Some(0))
    );
}

#[test]
fn orders_history() {
    let s = start();
    let mut c = s.login("5512345003");
    let v = c.post("/Repay/orders").json();
    let orders = v["data"]["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 4);
    assert_eq!(orders[0]["oid"], O3);
    assert_eq!(orders[0]["id"], "90873");
    assert_eq!(orders[0]["money"], "5000");
    assert_eq!(orders[0]["interest"], "1504.00");
    assert_eq!(orders[0]["repay_interest"], 252);
    assert_eq!(orders[0]["status"], 2);
    assert_eq!(orders[0]["reply_rate"], "0.00720000");
    let due: Vec<i64> = orders
        .iter()
        .map(|o| o["repayment_time"].as_i64().unwrap())
        .collect();
    assert!(due.windows(2).all(|w| w[0] > w[1]), "newest first: {due:?}");
    for o in orders {
        assert_eq!(o["oid"].as_str().unwrap().len(), 22);
        assert!(o["start_time"].is_string() && o["addtime"].is_string());
    }
    let v = s.login("5512345002").post("/Repay/orders").json();
    let o = &v["data"]["orders"][0];
    assert_eq!(o["overFee"].to_string(), "3030.5");
    assert_eq!(o["status"], 1);
}

#[test]
fn loan_detail_and_delay_pages() {
    let s = start();
    let mut c = s.login("5512345002");
    let r = c.post_form("/Repay/loanDetail", &[("oid", O2)]);
    assert!(
        r.text().contains(r#""needRepayMoney":8233.7,"#),
        "{}",
        r.text()
    );
    let v = r.json();
    let d = &v["data"];
    assert_eq!(d["oid"], O2);
    assert_eq!(d["needRepaymentTime"], midnight(-3));
    assert_eq!(d["needRepaymentDay"], day(-3));
    assert_eq!(d["bill"]["status"], "1");
    assert_eq!(d["bill"]["overdue"], "3030.50");
    assert_eq!(d["bill"]["money"], "4000.00");
    assert_eq!(d["bill"]["interest"], "1203.20");
    assert!(d["bill"]["utr"].is_null() && d["bill"]["overdue_xq"].is_null());
    assert!(d.get("delayFee").is_none());

    let d = c.post_form("/Repay/loanDelay", &[("oid", O2)]).json()["data"].clone();
    assert_eq!(d["delayFee"].to_string(), "1203.2");
    assert_eq!(d["overdueFee"].to_string(), "3030.5");
    assert_eq!(d["needRepayMoney"].to_string(), "8233.7");
    assert_eq!(d["nextRepayDay"], day(4));
    assert_eq!(d["nextRepayDatetime"], midnight(4));

    let d = s
        .login("5512345001")
        .post_form("/Repay/loanDelay", &[("oid", O1)])
        .json()["data"]
        .clone();
    assert_eq!(d["overdueFee"], 0);
    assert_eq!(d["delayFee"], 1504);
    assert_eq!(d["nextRepayDay"], day(12));

    let not_found = json!({"status":404,"message":"Order not found"});
    for oid in [O1, "37052", "123"] {
        for path in ["/Repay/loanDetail", "/Repay/loanDelay", "/Repay/payData"] {
            assert_eq!(
                c.post_form(path, &[("oid", oid)]).json(),
                not_found,
                "{path} {oid}"
            );
        }
    }
    assert_eq!(c.post("/Repay/loanDetail").json()["status"], 400);
    // A past order of one's own is found.
    let old = c.post("/Repay/orders").json()["data"]["orders"][1]["oid"].clone();
    let r = c.post_form("/Repay/loanDetail", &[("oid", old.as_str().unwrap())]);
    assert_eq!(r.json()["data"]["bill"]["status"], "2");
}

#[test]
fn extension_flow() {
    let s = start();
    let mut c = s.login("5512345001");
    assert_eq!(c.post("/Repay/ajaxDelay").json()["status"], 400);
    // Q6: the order number is not a bill id.
    let r = c.post_form("/Repay/ajaxDelay", &[("oid", O1)]);
    assert_eq!(
        r.json(),
        json!({"status":404,"message":"Unknown bill","data":""})
    );
    // Someone else's bill.
    assert_eq!(
        c.post_form("/Repay/ajaxDelay", &[("oid", "37052")]).json()["status"],
        404
    );
    let r = c.post_form("/Repay/ajaxDelay", &[("oid", "37051")]);
    assert_eq!(
        r.text(),
        r#"{"status":200,"data":"","message":"Deferred success"}"#
    );
    let r = c.post_form("/Repay/ajaxDelay", &[("oid", "37051")]);
    assert_eq!(
        r.json(),
        json!({"status":400,"message":"Please pay the pending extension fee first","data":""})
    );
    let d = c.post_form("/Repay/loanDetail", &[("oid", O1)]).json()["data"].clone();
    assert_eq!(d["bill"]["status"], "4");
    assert_eq!(d["bill"]["delay"], "1");
    assert_eq!(d["bill"]["delay_num"], "1");
    assert_eq!(d["bill"]["delay_unpaid"], "1504.00");
    assert_eq!(d["needRepayMoney"], 8008);
    assert_eq!(d["needRepaymentDay"], day(12));
    let d = c.get("/Repay/loans").json()["data"].clone();
    assert_eq!(d["status"], 4);
    assert_eq!(d["nextRepayDay"], day(12));
    assert_eq!(d["delayFee"], 1504);
    // The payment is now for the extension fee.
    let url = c.post_form("/Repay/payData", &[("oid", O1)]).json()["data"].clone();
    let r = c.post_form(
        "/Repay/payTransf",
        &[("paytype", "1"), ("url", url.as_str().unwrap())],
    );
    assert_eq!(r.json()["data"]["money"], "1504.00");

    let mut c = s.login("5512345003");
    let r = c.post_form("/Repay/ajaxDelay", &[("oid", "37053")]);
    assert_eq!(
        r.json(),
        json!({"status":400,"message":"This loan has been repaid and cannot be extended","data":""})
    );
    // The overdue loan can be extended: 3 days late + 7 = due in 4 days.
    let mut c = s.login("5512345002");
    assert_eq!(
        c.post_form("/Repay/ajaxDelay", &[("oid", "37052")]).json()["status"],
        200
    );
    assert_eq!(
        c.post_form("/Repay/loanDetail", &[("oid", O2)]).json()["data"]["needRepaymentDay"],
        day(4)
    );
}

#[test]
fn reloan_and_apply() {
    let s = start();
    let mut c = s.login("5512345001");
    let r = c.get("/Loan/reLoan");
    assert_eq!(r.json()["status"], 400);
    assert_eq!(c.get("/Index/ajaxApply").json()["status"], 400);

    let mut c = s.login("5512345003");
    let r = c.post("/Loan/reLoan");
    assert_eq!(
        r.json(),
        json!({"status":200,"message":"Successful","data":""})
    );
    let d = c.get("/Repay/loans").json()["data"].clone();
    assert_eq!(d["status"], 0);
    assert_eq!(d["money"], 20000);
    assert_eq!(d["loan_time"], "16");
    assert_eq!(d["repayment_time"], midnight(16));
    assert_ne!(d["billId"], "37053");
    let oid = d["bill"]["oid"].as_str().unwrap().to_string();
    assert_eq!(oid.len(), 22);
    assert_ne!(oid, O3);
    let orders = c.post("/Repay/orders").json()["data"]["orders"].clone();
    assert_eq!(orders.as_array().unwrap().len(), 5);
    assert_eq!(orders[0]["oid"], oid.as_str());
    assert_eq!(orders[1]["oid"], O3);
    // Not again while the new one is unpaid.
    assert_eq!(c.get("/Loan/reLoan").json()["status"], 400);

    let mut c = s.login("5512345006");
    assert_eq!(
        c.get("/Index/ajaxApply").json(),
        json!({"status":200,"message":"apply successful"})
    );
    assert_eq!(c.get("/Repay/loans").json()["data"]["confirm"], 1);
    assert_eq!(c.get("/Index/ajaxApply").json()["status"], 400);
}

#[test]
fn uploads_alternate_and_are_served() {
    let s = start();
    let mut c = s.login("5512345001");
    let upload = |c: &mut Client, data: &[u8], name: &str, ct: &str| {
        c.post_multipart(
            "/Info/ajaxUpload",
            &[field("fileName", "file"), file("file", name, ct, data)],
        )
    };
    let r = upload(&mut c, PNG, "a.png", "image/png");
    let t = r.text();
    let prefix = format!(
        r#"{{"status":200,"message":"SUCCEED","data":"http:\\\\127.0.0.1:{}\\Public\\Upload\\20260520\\"#,
        s.port
    );
    assert!(t.starts_with(&prefix), "{t}");
    assert!(t.ends_with(r#".png"}"#), "{t}");
    let url = r.json()["data"].as_str().unwrap().replace('\\', "/");
    let path = url
        .split("127.0.0.1:")
        .nth(1)
        .unwrap()
        .split_once('/')
        .unwrap()
        .1;
    let got = c.get(&format!("/{path}"));
    assert_eq!(got.status, 200);
    assert_eq!(got.header("content-type"), Some("image/png"));
    assert_eq!(got.body, PNG);

    let r = upload(&mut c, JPEG, "b.jpg", "image/jpeg");
    let v = r.json();
    assert_eq!(
        (v["status"].as_i64(), v["url"].as_str()),
        (Some(1), Some(""))
    );
    let info = v["info"].as_str().unwrap();
    assert!(
        info.starts_with("20260520/") && info.ends_with(".jpg"),
        "{info}"
    );
    assert_eq!(info.len(), "20260520/".len() + 32 + 4);
    let got = c.get(&format!("/Public/Upload/{info}"));
    assert_eq!(got.header("content-type"), Some("image/jpeg"));
    assert_eq!(got.body, JPEG);
    // Third: envelope 1 again.
    assert_eq!(
        upload(&mut c, PNG, "c.png", "image/png").json()["status"],
        200
    );

    let choose = json!({"status":400,"message":"Please choose an image"});
    assert_eq!(
        c.post_multipart("/Info/ajaxUpload", &[field("fileName", "file")])
            .json(),
        choose
    );
    assert_eq!(
        upload(&mut c, b"hello, not an image", "x.png", "image/png").json(),
        choose
    );
    assert_eq!(upload(&mut c, b"", "x.png", "image/png").json(), choose);
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let r = upload(&mut c, &big, "big.png", "image/png");
    assert_eq!(r.json()["status"], 400);
    assert!(r.json()["message"].as_str().unwrap().contains("5 MB"));
    assert_eq!(c.get("/Public/Upload/20260520/nothing.png").status, 404);
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["uploads"].as_array().unwrap().len(), 3);
}

#[test]
fn feedback_validation() {
    let s = start();
    let mut c = s.login("5512345001");
    let post = |c: &mut Client, f: &[(&str, &str)]| c.post_form("/Feedback/ajaxCreate", f).json();
    assert_eq!(post(&mut c, &[("contact", "5512345678")])["status"], 400);
    assert_eq!(post(&mut c, &[("comments", "hola")])["status"], 400);
    assert_eq!(
        post(&mut c, &[("comments", "hola"), ("contact", "abc")])["status"],
        400
    );
    assert_eq!(
        post(&mut c, &[("comments", "hola"), ("contact", "123")])["status"],
        400
    );
    assert_eq!(
        post(
            &mut c,
            &[("comments", "hola"), ("contact", "+525512345678")]
        ),
        json!({"status":200,"data":"","message":"Submit Successfully"})
    );
    assert_eq!(
        post(
            &mut c,
            &[
                ("comments", "x"),
                ("contact", "ana@example.mx"),
                ("attachments", "20260520/a.png")
            ]
        )["status"],
        200
    );
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["feedback"][1]["attachments"], json!(["20260520/a.png"]));
    assert_eq!(st["feedback"][0]["contact"], "+525512345678");
}

#[test]
fn contacts_arrays() {
    let s = start();
    let mut c = s.login("5512345001");
    let r = c.post_form(
        "/Contact/ajaxPush",
        &[
            ("contacts[0][name]", "zhangsan"),
            ("contacts[0][phone]", "123455745"),
            ("contacts[0][relate]", "父母"),
            ("contacts[1][name]", "Ana"),
            ("contacts[1][phone]", "5599887766"),
        ],
    );
    assert_eq!(
        r.json(),
        json!({"status":200,"message":"Successful","data":""})
    );
    let st = c.get("/__sandbox/state").json();
    assert_eq!(
        st["contacts"][0]["contacts"],
        json!([{"name":"zhangsan","phone":"123455745","relate":"父母"},
               {"name":"Ana","phone":"5599887766","relate":""}])
    );
    assert_eq!(c.post("/Contact/ajaxPush").json()["status"], 400);
    let r = c.post_form("/Contact/ajaxPush", &[("contacts[0][name]", "Ana")]);
    assert_eq!(r.json()["status"], 400);
}

#[test]
fn repayment_proof() {
    let s = start();
    let mut c = s.login("5512345002");
    let r = c.post_form("/Repay/repayProof", &[("utr", "1")]);
    assert_eq!(
        r.json(),
        json!({"info":"Please select an order","status":0,"url":""})
    );
    let r = c.post_form("/Repay/repayProof", &[("oid", O1)]);
    assert_eq!(r.json(), json!({"status":404,"message":"Order not found"}));
    let r = c.post_form(
        "/Repay/repayProof",
        &[
            ("oid", O2),
            ("utr", "UTR123456"),
            ("repay_image", "20260520/x.png"),
        ],
    );
    assert_eq!(r.text(), r#"{"info":"Successful","status":1,"url":""}"#);
    let bill = c.post_form("/Repay/loanDetail", &[("oid", O2)]).json()["data"]["bill"].clone();
    assert_eq!(bill["utr"], "UTR123456");
    assert!(bill["utr_image"].is_null());
    assert_eq!(bill["repay_image"], "20260520/x.png");
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["proofs"][0]["oid"], O2);
}

#[test]
fn payments() {
    let s = start();
    let mut c = s.login("5512345001");
    let r = c.post_form("/Repay/payData", &[("oid", O1)]);
    let url = format!("{}/gateway/pay/{O1}", s.origin());
    assert_eq!(r.json(), json!({"status":200,"data":url}));

    // STP: the gateway's bare reply.
    let r = c.post_form("/Repay/payTransf", &[("paytype", "1"), ("url", &url)]);
    let v = r.json();
    assert_eq!(
        (v["code"].as_i64(), v["msg"].as_str()),
        (Some(200), Some("successful"))
    );
    assert!(v.get("status").is_none());
    let d = &v["data"];
    assert_eq!(d["money"], "6504.00");
    assert_eq!(d["name"], "stp");
    assert_eq!(d["reference"].as_str().unwrap().len(), 30);
    assert!(d["barcode"].as_str().unwrap().starts_with("PB"));
    // now + 1 day, server-local (UTC+8): 2026-05-21 15:00:00.
    assert_eq!(d["expire"], "2026-05-21 15:00:00");
    for key in ["path", "origin_img", "image"] {
        let u = d[key].as_str().unwrap();
        let path = u
            .strip_prefix(&s.origin())
            .unwrap_or_else(|| panic!("{key}: {u}"));
        let img = c.get(path);
        assert_eq!(img.status, 200, "{u}");
        assert_eq!(img.header("content-type"), Some("image/svg+xml"));
        assert!(img.text().starts_with("<svg"));
    }
    assert!(d["path"]
        .as_str()
        .unwrap()
        .ends_with(&format!("{}.svg", d["barcode"].as_str().unwrap())));

    // Paycash: wrapped in envelope 1, with a checkout link; a new reference.
    let r = c.post_form("/Repay/payTransf", &[("paytype", "2"), ("url", &url)]);
    let v = r.json();
    assert_eq!(
        (v["status"].as_i64(), v["message"].as_str()),
        (Some(200), Some("successful"))
    );
    assert_eq!(v["data"]["code"], 200);
    let d = &v["data"]["data"];
    assert_eq!(d["name"], "Paycash");
    assert_eq!(d["money"], "6504.00");
    assert_eq!(d["expire"], "2026-05-23 15:00:00");
    assert!(d["checkout"].as_str().unwrap().starts_with("https://"));
    assert_eq!(d["reference"].as_str().unwrap().len(), 18);
    assert!(d["barcode"].as_str().unwrap().starts_with("GV"));
    let r2 = c.post_form("/Repay/payTransf", &[("paytype", "2"), ("url", &url)]);
    assert_ne!(r2.json()["data"]["data"]["reference"], d["reference"]);

    // Errors.
    for fields in [
        vec![("paytype", "3"), ("url", url.as_str())],
        vec![("url", url.as_str())],
        vec![("paytype", "1")],
        vec![("paytype", "1"), ("url", "http://127.0.0.1/elsewhere")],
        vec![("paytype", "1"), ("url", "javascript:alert(1)")],
    ] {
        let v = c.post_form("/Repay/payTransf", &fields).json();
        assert_eq!(v["status"], 400, "{fields:?}");
        assert!(v["message"].is_string());
    }
    // Someone else's order.
    let other = format!("{}/gateway/pay/{O2}", s.origin());
    assert_eq!(
        c.post_form("/Repay/payTransf", &[("paytype", "1"), ("url", &other)])
            .json()["status"],
        400
    );
    // Nothing to pay on a repaid loan.
    let mut c3 = s.login("5512345003");
    let url3 = c3.post_form("/Repay/payData", &[("oid", O3)]).json()["data"].clone();
    let v = c3
        .post_form(
            "/Repay/payTransf",
            &[("paytype", "2"), ("url", url3.as_str().unwrap())],
        )
        .json();
    assert_eq!(v["status"], 400);
    // The gateway itself (no session) answers bare.
    let v = s
        .client()
        .post_form(&format!("/gateway/pay/{O4}"), &[("paytype", "2")])
        .json();
    assert_eq!(v["code"], 200);
    assert_eq!(v["data"]["money"], "2868.40");
    assert_eq!(s.client().get(&format!("/gateway/pay/{O4}")).status, 200);
    assert_eq!(s.client().get("/gateway/assets/nope.svg").status, 404);

    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["references"].as_array().unwrap().len(), 4);
}

// Tests end and start alike (the state read; a sandbox, a login) on purpose: each stands alone.
#[test]
fn sandbox_reset_clock_settings() {
    let s = start();
    let mut c = s.login("5512345001");
    assert_eq!(
        c.post_form("/Repay/ajaxDelay", &[("oid", "37051")]).json()["status"],
        200
    );
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["now"], NOW);
    assert_eq!(st["utcOffsetMinutes"], 480);
    let a1 = &st["accounts"][0];
    assert_eq!(a1["delay_unpaid"], 150_400);
    assert_eq!(a1["need_repay"], 800_800);
    assert_eq!(st["accounts"].as_array().unwrap().len(), 6);

    let r = c.post("/__sandbox/reset");
    assert_eq!(r.status, 200);
    // Sessions dropped, the extension undone.
    assert_eq!(c.get("/Repay/loans").json()["data"]["status"], -100);
    let st = c.get("/__sandbox/state").json();
    let a1 = &st["accounts"][0];
    assert_eq!(
        (
            a1["username"].as_str(),
            a1["order_number"].as_str(),
            a1["bill_id"].as_str()
        ),
        (Some("5512345001"), Some(O1), Some("37051"))
    );
    assert_eq!(a1["need_repay"], 650_400);
    assert_eq!(a1["due_day"], day(5));
    assert_eq!(a1["due_timestamp"], midnight(5));
    assert_eq!(a1["next_due_day"], day(12));

    // Clock.
    let later = NOW + 10 * 86_400;
    assert_eq!(
        c.post_form("/__sandbox/clock", &[("now", &later.to_string())])
            .status,
        200
    );
    assert_eq!(c.get("/__sandbox/state").json()["now"], later);
    assert_eq!(
        c.post_form("/__sandbox/clock", &[("now", "soon")]).status,
        400
    );
    // Reseeding now moves the due days with the clock.
    c.post("/__sandbox/reset");
    let st = c.get("/__sandbox/state").json();
    assert_eq!(st["accounts"][0]["due_day"], day(15));
    c.post_form("/__sandbox/clock", &[("now", &NOW.to_string())]);
    c.post("/__sandbox/reset");

    // Expired references, unsafe URLs.
    let r = c.post_form(
        "/__sandbox/settings",
        &[("reference_ttl_seconds", "-60"), ("unsafe_urls", "1")],
    );
    assert_eq!(r.json()["settings"]["unsafe_urls"], true);
    let mut c = s.login("5512345001");
    let url = format!("{}/gateway/pay/{O1}", s.origin());
    let d = c
        .post_form("/Repay/payTransf", &[("paytype", "2"), ("url", &url)])
        .json()["data"]["data"]
        .clone();
    assert_eq!(d["expire"], "2026-05-20 14:59:00");
    assert_eq!(d["checkout"], "javascript:alert(1)");
    assert_eq!(d["path"], "data:image/png;base64,AAAA");
    let d = c
        .post_form("/Repay/payTransf", &[("paytype", "1"), ("url", &url)])
        .json()["data"]
        .clone();
    assert_eq!(d["origin_img"], "data:image/png;base64,AAAA");
    assert_eq!(
        c.post_form("/__sandbox/settings", &[("delay_ms", "x")])
            .status,
        400
    );

    // Delay before API replies.
    c.post_form(
        "/__sandbox/settings",
        &[("delay_ms", "300"), ("unsafe_urls", "0")],
    );
    let t = std::time::Instant::now();
    c.get("/Index/languages");
    assert!(t.elapsed() >= std::time::Duration::from_millis(300));
    let t = std::time::Instant::now();
    c.get("/__sandbox/state");
    assert!(t.elapsed() < std::time::Duration::from_millis(300));
    // Reset restores the defaults.
    c.post("/__sandbox/reset");
    let v: Value = c.get("/__sandbox/settings").json();
    assert_eq!(
        v["settings"],
        json!({"reference_ttl_seconds":null,"unsafe_urls":false,"delay_ms":0,"hostile":false,"target":"web"})
    );
}

#[test]
fn languages_target_switch() {
    let s = start();
    let mut c = s.client();
    let target = |c: &mut Client| c.get("/Index/languages").json()["target"].clone();
    assert_eq!(target(&mut c), "web");
    // Query or form, GET or POST, like the other settings; shown in the reply.
    let r = c.get("/__sandbox/settings?target=app");
    assert_eq!(r.json()["settings"]["target"], "app");
    for method in ["GET", "POST"] {
        let r = c.request(method, "/Index/languages", None, b"");
        assert_eq!(
            r.json(),
            json!({"status":200,"languages":["Spanish","English"],"default":"English","target":"app"})
        );
    }
    // Other settings leave it alone.
    c.post_form("/__sandbox/settings", &[("hostile", "0")]);
    assert_eq!(target(&mut c), "app");
    c.post_form("/__sandbox/settings", &[("target", "web")]);
    assert_eq!(target(&mut c), "web");
    c.post_form("/__sandbox/settings", &[("target", "app")]);
    // Empty is the default; anything else is refused and changes nothing.
    c.post_form("/__sandbox/settings", &[("target", "")]);
    assert_eq!(target(&mut c), "web");
    c.post_form("/__sandbox/settings", &[("target", "app")]);
    let r = c.post_form("/__sandbox/settings", &[("target", "ios")]);
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["message"], "target must be web or app");
    assert_eq!(target(&mut c), "app");
    // A reset puts `web` back.
    c.post("/__sandbox/reset");
    assert_eq!(target(&mut c), "web");
}

#[test]
fn other_time_zone() {
    let s = start_with(cashgo_sandbox::Settings {
        now: Some(NOW),
        utc_offset_minutes: -360,
        ..Default::default()
    });
    // 07:00 UTC is 01:00 at UTC-6: still 20-05-2026 there.
    let st = s.client().get("/__sandbox/state").json();
    let a1 = &st["accounts"][0];
    assert_eq!(a1["due_day"], "25-05-2026");
    let ts = a1["due_timestamp"].as_i64().unwrap();
    assert_eq!(ts, cashgo_sandbox::time::midnight(today() + 5, -360));
    assert_eq!((ts - 6 * 3600) % 86_400, 0, "midnight at UTC-6");
}
