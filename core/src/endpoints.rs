//! The API's paths, and how every request is sent (CONTRACT.md). The app's
//! transport uses these, and so does `index.html`'s early read, which a
//! test keeps in step with them (`src/early_script.rs` in the app).

/// #1.
pub const SIGN_IN: &str = "/Index/ajaxSignIn";
/// #2.
pub const LOG_OUT: &str = "/Index/ajaxLogOut";
/// #3: the offer or the current loan (the home page's read).
pub const LOANS: &str = "/Repay/loans";
/// #4.
pub const ORDERS: &str = "/Repay/orders";
/// #5.
pub const EXTEND: &str = "/Repay/ajaxDelay";
/// #6.
pub const RE_LOAN: &str = "/Loan/reLoan";
/// #7.
pub const UPLOAD: &str = "/Info/ajaxUpload";
/// #8.
pub const FEEDBACK: &str = "/Feedback/ajaxCreate";
/// #9.
pub const APPLY: &str = "/Index/ajaxApply";
/// #10.
pub const CONTACTS: &str = "/Contact/ajaxPush";
/// #11.
pub const SUPPORT: &str = "/Index/contact";
/// #12.
pub const REPAY_PROOF: &str = "/Repay/repayProof";
/// #13: the repayment page's read (`oid=…`).
pub const LOAN_DETAIL: &str = "/Repay/loanDetail";
/// #14: the extension page's read (`oid=…`).
pub const LOAN_DELAY: &str = "/Repay/loanDelay";
/// #15.
pub const LANGUAGES: &str = "/Index/languages";
/// #16.
pub const PAY_DATA: &str = "/Repay/payData";
/// #17.
pub const PAY_TRANSFER: &str = "/Repay/payTransf";

/// The name of the order number in the reads and writes that take one.
pub const ORDER_FIELD: &str = "oid";

/// Sent with every request: JSON, please.
pub const ACCEPT: (&str, &str) = ("Accept", "application/json");
/// Sent with every request: ThinkPHP answers `success()`/`error()` with
/// JSON only for AJAX requests; otherwise it sends an HTML redirect page.
pub const AJAX: (&str, &str) = ("X-Requested-With", "XMLHttpRequest");
/// The type of every request body (PHP reads `$_POST`).
pub const FORM_TYPE: (&str, &str) = (
    "Content-Type",
    "application/x-www-form-urlencoded; charset=UTF-8",
);

/// Ordinary requests.
pub const TIMEOUT_MS: i32 = 30_000;
/// Uploads (a phone photo on a slow link).
pub const UPLOAD_TIMEOUT_MS: i32 = 120_000;
/// What start-up may wait for (`config.json`, `/Index/languages`): both
/// optional, so not worth holding the page for.
pub const START_TIMEOUT_MS: i32 = 5_000;
