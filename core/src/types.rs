//! Domain types: what the views see of the API (never the wire shapes).

use crate::day::{Day, ServerDateTime};
use crate::money::{Money, Rate};

/// The 22-digit order number (`"2023051914035297833260"`): `oid` for
/// #12 #13 #14 #16, and part of routes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderNo(String);

impl OrderNo {
    /// Accepts what may safely come from a URL: 1–64 characters of
    /// `[0-9A-Za-z_-]`.
    pub fn new(text: &str) -> Option<OrderNo> {
        let ok = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        ok.then(|| OrderNo(text.to_owned()))
    }

    /// The order number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OrderNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A bill id (`bill.id`, `billId`): the `oid` of #5 extension only (Q6).
/// Deliberately not interchangeable with [`OrderNo`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BillId(String);

impl BillId {
    /// Wraps a bill id as sent by the server (non-empty).
    pub fn new(text: &str) -> Option<BillId> {
        let text = text.trim();
        (!text.is_empty() && text.len() <= 64).then(|| BillId(text.to_owned()))
    }

    /// The bill id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Loan status codes (Q7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoanStatus {
    /// `-100`: not logged in (#3 then carries the public offer).
    NotLoggedIn,
    /// `0`: unpaid, not yet due.
    Due,
    /// `1`: overdue.
    Overdue,
    /// `2`: repaid.
    Repaid,
    /// `4`: extended.
    Extended,
    /// Anything else: shown as a neutral "in process".
    Unknown(i64),
}

impl LoanStatus {
    /// The status for a server code.
    pub fn from_code(code: i64) -> LoanStatus {
        match code {
            -100 => LoanStatus::NotLoggedIn,
            0 => LoanStatus::Due,
            1 => LoanStatus::Overdue,
            2 => LoanStatus::Repaid,
            4 => LoanStatus::Extended,
            other => LoanStatus::Unknown(other),
        }
    }

    /// A loan that can still be paid or extended: due, overdue or extended.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            LoanStatus::Due | LoanStatus::Overdue | LoanStatus::Extended
        )
    }

    /// How a badge shows this status.
    pub fn badge(self) -> Badge {
        let (class, symbol, label) = match self {
            LoanStatus::Due => ("due", "●", BadgeLabel::Due),
            LoanStatus::Overdue => ("overdue", "!", BadgeLabel::Overdue),
            LoanStatus::Repaid => ("repaid", "✓", BadgeLabel::Repaid),
            LoanStatus::Extended => ("extended", "↻", BadgeLabel::Extended),
            LoanStatus::NotLoggedIn | LoanStatus::Unknown(_) => {
                ("in-process", "…", BadgeLabel::InProcess)
            }
        };
        Badge {
            class,
            symbol,
            label,
        }
    }

    /// A stable name, used as the CSS class of a loan's card (`card-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            LoanStatus::NotLoggedIn => "logged-out",
            LoanStatus::Due => "due",
            LoanStatus::Overdue => "overdue",
            LoanStatus::Repaid => "repaid",
            LoanStatus::Extended => "extended",
            LoanStatus::Unknown(_) => "in-process",
        }
    }
}

/// How a loan's state is shown in a badge: a CSS class (`badge-…`), a
/// symbol beside the words (never colour alone) and the words' catalog entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Badge {
    pub class: &'static str,
    pub symbol: &'static str,
    pub label: BadgeLabel,
}

/// The words of a badge: which catalog entry (`status.…`) holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BadgeLabel {
    Due,
    Overdue,
    Repaid,
    Extended,
    InProcess,
    /// Offered but not yet confirmed by the borrower.
    Awaiting,
}

impl BadgeLabel {
    /// The catalog key (`locales/*.json`), e.g. `"status.due"`.
    pub fn key(self) -> &'static str {
        match self {
            BadgeLabel::Due => "status.due",
            BadgeLabel::Overdue => "status.overdue",
            BadgeLabel::Repaid => "status.repaid",
            BadgeLabel::Extended => "status.extended",
            BadgeLabel::InProcess => "status.in_process",
            BadgeLabel::Awaiting => "status.awaiting",
        }
    }
}

impl From<LoanStatus> for Badge {
    fn from(status: LoanStatus) -> Badge {
        status.badge()
    }
}

// The loan structs below name each field's wire source, alike on purpose: one reply's fields each.

/// The home page (#3): the public offer, or the current loan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Home {
    /// Logged out (`data.status == -100`), or logged in without a bill.
    Offer(Offer),
    /// The borrower's current loan.
    Loan(CurrentLoan),
}

/// The default offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// `quota`.
    pub quota: Money,
    /// `default_loan_time`, in days.
    pub loan_days: Option<u32>,
    /// `default_deadline`: the terms offered, in days.
    pub term_days: Vec<u32>,
    /// `default_loan_interest`.
    pub loan_rate: Option<Rate>,
    /// `default_repay_interest`.
    pub repay_rate: Option<Rate>,
}

/// The current loan (#3 logged in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentLoan {
    /// `status`.
    pub status: LoanStatus,
    /// `confirm != 0` (missing counts as 0).
    pub confirmed: bool,
    /// `bill.oid`: for #13, #14, #16, #12.
    pub order: OrderNo,
    /// `bill.id`, else `billId`: for #5 only.
    pub bill_id: BillId,
    /// `money` (else `bill.money`).
    pub money: Money,
    /// `repay_money`.
    pub repay_money: Option<Money>,
    /// `repayment_time` (top level, else the bill's), in the server's zone.
    pub due: Option<Day>,
    /// `loan_time`.
    pub loan_days: Option<u32>,
    /// `serviceFee`.
    pub service_fee: Option<Money>,
    /// `hasOverdue`.
    pub has_overdue: bool,
    /// `bill.delay_day`.
    pub delay_days: Option<u32>,
    /// `nextRepayDay` (a day string or a timestamp).
    pub next_due: Option<Day>,
    /// `delayFee`.
    pub delay_fee: Option<Money>,
    /// `quota`.
    pub quota: Option<Money>,
    /// `doquota`: what is left of the quota.
    pub available: Option<Money>,
    /// `next_loan`.
    pub next_loan: Option<Money>,
    /// `next_loan_period`.
    pub next_loan_days: Option<u32>,
    /// `approval_rate`.
    pub approval_rate: Option<Rate>,
}

impl CurrentLoan {
    /// Offered but not yet confirmed by the borrower (`confirm: 0`).
    pub fn awaiting(&self) -> bool {
        self.status == LoanStatus::Due && !self.confirmed
    }

    /// How a badge shows this loan: awaiting confirmation, else its status.
    pub fn badge(&self) -> Badge {
        if self.awaiting() {
            Badge {
                class: "in-process",
                symbol: "…",
                label: BadgeLabel::Awaiting,
            }
        } else {
            self.status.badge()
        }
    }
}

/// A bill, as in #13/#14 (`bill`). Missing amounts are zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    /// `id`.
    pub id: BillId,
    /// `oid`.
    pub order: OrderNo,
    /// `status`.
    pub status: LoanStatus,
    /// `money`: the loan amount.
    pub money: Money,
    /// `interest`.
    pub interest: Money,
    /// `repay_interest`.
    pub repay_interest: Money,
    /// `overdue`: the overdue charge.
    pub overdue: Money,
    /// `repaid_money`.
    pub repaid: Money,
    /// `delay_unpaid`.
    pub delay_unpaid: Money,
    /// `delay_day`.
    pub delay_days: u32,
    /// `delay_num`.
    pub delay_count: u32,
    /// `repayment_time`, in the server's zone.
    pub due: Option<Day>,
    /// `utr`, when sent and not empty.
    pub utr: Option<String>,
    /// `utr_image`, when sent and not empty (as sent: compared, never shown).
    pub utr_image: Option<String>,
    /// `repay_image`, likewise.
    pub repay_image: Option<String>,
}

/// The repayment page (#13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoanDetail {
    /// `oid` (else `bill.oid`).
    pub order: OrderNo,
    /// `bill`.
    pub bill: Bill,
    /// `needRepayMoney`, as sent (never recomputed, Q2).
    pub need_repay: Money,
    /// `needRepaymentDay`, else `needRepaymentTime`, else `bill.repayment_time`.
    pub due: Option<Day>,
}

/// The extension page (#14).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelayDetail {
    /// `oid` (else `bill.oid`).
    pub order: OrderNo,
    /// `bill`.
    pub bill: Bill,
    /// `needRepayMoney`.
    pub need_repay: Money,
    /// Current due day, as in [`LoanDetail::due`].
    pub due: Option<Day>,
    /// `delayFee`.
    pub delay_fee: Money,
    /// `overdueFee`; `None` when absent or zero.
    pub overdue_fee: Option<Money>,
    /// `nextRepayDay`, else `nextRepayDatetime`: the due day after extending.
    pub next_due: Option<Day>,
}

/// A row of the loan history (#4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    /// `oid`.
    pub order: OrderNo,
    /// `id`, as sent.
    pub id: String,
    /// `status`.
    pub status: LoanStatus,
    /// `money`.
    pub money: Money,
    /// `interest`.
    pub interest: Option<Money>,
    /// `repay_money`.
    pub repay_money: Option<Money>,
    /// `overFee`.
    pub overdue_fee: Option<Money>,
    /// `repayment_time`.
    pub due: Option<Day>,
    /// `time`: the term in days.
    pub term_days: Option<u32>,
    /// `start_time`.
    pub started: Option<Day>,
}

/// Payment methods (#17 `paytype`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum PayType {
    /// STP bank transfer ("pst").
    Stp = 1,
    /// Paycash cash payment.
    Paycash = 2,
}

impl PayType {
    /// The `paytype` value.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// A stable name (`"stp"`, `"paycash"`): what the payment page's draft
    /// keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            PayType::Stp => "stp",
            PayType::Paycash => "paycash",
        }
    }

    /// The method for a stable name ([`PayType::as_str`], a draft) or a
    /// `paytype` code.
    pub fn parse(text: &str) -> Option<PayType> {
        match text.trim().to_ascii_lowercase().as_str() {
            "1" | "stp" | "pst" => Some(PayType::Stp),
            "2" | "paycash" => Some(PayType::Paycash),
            _ => None,
        }
    }
}

/// A payment reference (#17).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRef {
    /// The method asked for.
    pub method: PayType,
    /// `name`, as sent (may be empty).
    pub method_name: String,
    /// `image`: the method's logo.
    pub method_logo: Option<SafeUrl>,
    /// `money`.
    pub amount: Money,
    /// `reference`: what the payer quotes.
    pub reference: String,
    /// `barcode`.
    pub barcode: Option<String>,
    /// `origin_img`, else `path`.
    pub barcode_image: Option<SafeUrl>,
    /// `expire` (Q11).
    pub expires: Option<Expiry>,
    /// `checkout`: the online payment page.
    pub checkout: Option<SafeUrl>,
    /// A URL was sent but refused (Q12), leaving its field empty.
    pub refused_urls: bool,
}

/// Where leaving these pages goes (#15 `target`, issue 16): the H5 pages,
/// or the native app's own screens (it navigates itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// To the H5 pages, as in a browser.
    Web,
    /// The native app navigates itself (through its bridge).
    App,
}

impl Target {
    /// `"web"` or `"app"`, in any case, spaces around forgiven; anything
    /// else is unknown.
    pub fn parse(text: &str) -> Option<Target> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("web") {
            Some(Target::Web)
        } else if text.eq_ignore_ascii_case("app") {
            Some(Target::App)
        } else {
            None
        }
    }
}

/// What #15 says: the server's default language and `target`, each `None`
/// when absent or unknown (the list offered is not used).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Languages {
    pub default: Option<crate::lang::Lang>,
    pub target: Option<Target>,
}

/// When a payment reference stops being payable (Q11, `expire`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// A wall-clock time in the server's zone (`"2024-08-19 15:06:09"`).
    At(ServerDateTime),
    /// Not a time we can read: shown as sent, never taken as passed.
    AsSent(String),
}

impl Expiry {
    /// Reads `expire`; unreadable text is kept as it came.
    pub fn parse(text: &str) -> Expiry {
        ServerDateTime::parse(text).map_or_else(|| Expiry::AsSent(text.to_owned()), Expiry::At)
    }

    /// The time, when it could be read.
    pub fn at(&self) -> Option<ServerDateTime> {
        match self {
            Expiry::At(at) => Some(*at),
            Expiry::AsSent(_) => None,
        }
    }
}

/// A URL that may be put in `href` (`link`: `https:` only) or `src`
/// (`image`: `https:` or `http:`), Q12.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// An `https:` URL with a host; nothing else.
    pub fn link(text: &str) -> Option<SafeUrl> {
        checked(text, &["https://"])
    }

    /// An `https:` or `http:` URL with a host; nothing else.
    pub fn image(text: &str) -> Option<SafeUrl> {
        checked(text, &["https://", "http://"])
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Refuses anything a browser might read differently from us: whitespace
/// and control characters anywhere (URL parsers strip them, turning
/// `java\tscript:` into `javascript:`), backslashes, credentials, and hosts
/// that are not plain ASCII names, IPv4 or bracketed IPv6.
fn checked(text: &str, schemes: &[&str]) -> Option<SafeUrl> {
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let scheme = schemes.iter().find(|s| lower.starts_with(**s))?;
    let rest = text.get(scheme.len()..)?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end)?;
    let (host_ok, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (ip, after) = bracketed.split_once(']')?;
        let ip_ok = !ip.is_empty()
            && ip
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        let port = if after.is_empty() {
            None
        } else {
            Some(after.strip_prefix(':')?)
        };
        (ip_ok, port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        let host_ok = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        (host_ok, port)
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then(|| SafeUrl(text.to_owned()))
}

/// An uploaded file (#7): its absolute URL on the API's server, checked
/// as an image address (Q12).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadedFile {
    /// What to send back as `attachments`, `utr_image` or `repay_image`.
    pub url: SafeUrl,
}

/// The photos sent with feedback (#8). The API has one `attachments`
/// field: the addresses, comma-separated, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attachments(String);

impl Attachments {
    /// These files, in this order.
    pub fn new(files: impl IntoIterator<Item = SafeUrl>) -> Self {
        let mut field = String::new();
        for file in files {
            if !field.is_empty() {
                field.push(',');
            }
            field.push_str(file.as_str());
        }
        Attachments(field)
    }

    /// The `attachments` field; `None` without a file (the field is left out).
    pub fn field(&self) -> Option<&str> {
        (!self.0.is_empty()).then_some(self.0.as_str())
    }
}

/// Customer service contacts (#11).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Support {
    /// `phone_number`.
    pub phone: Option<String>,
    /// `whatapp` (sic).
    pub whatsapp: Option<String>,
}

/// An emergency contact or reference (#10).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Phone number.
    pub phone: String,
    /// Relationship, optional.
    pub relate: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_from_urls() {
        assert!(OrderNo::new("2023051914035297833260").is_some());
        assert!(OrderNo::new("abc_DEF-12").is_some());
        assert!(OrderNo::new("").is_none());
        assert!(OrderNo::new(&"1".repeat(65)).is_none());
        assert!(OrderNo::new(&"1".repeat(64)).is_some());
        for bad in ["12 34", "12/34", "..", "a%2F", "ñ", "1?x=1", "<script>"] {
            assert!(OrderNo::new(bad).is_none(), "{bad:?}");
        }
        assert_eq!(OrderNo::new("42").unwrap().as_str(), "42");
        assert_eq!(BillId::new(" 37050 ").unwrap().as_str(), "37050");
        assert!(BillId::new("").is_none());
    }

    #[test]
    fn statuses() {
        for (code, status, name) in [
            (-100, LoanStatus::NotLoggedIn, "logged-out"),
            (0, LoanStatus::Due, "due"),
            (1, LoanStatus::Overdue, "overdue"),
            (2, LoanStatus::Repaid, "repaid"),
            (4, LoanStatus::Extended, "extended"),
            (3, LoanStatus::Unknown(3), "in-process"),
        ] {
            assert_eq!(LoanStatus::from_code(code), status);
            assert_eq!(status.as_str(), name);
        }
        let open = [LoanStatus::Due, LoanStatus::Overdue, LoanStatus::Extended];
        for status in open {
            assert!(status.is_open(), "{status:?}");
        }
        for status in [
            LoanStatus::NotLoggedIn,
            LoanStatus::Repaid,
            LoanStatus::Unknown(3),
        ] {
            assert!(!status.is_open(), "{status:?}");
        }
    }

    #[test]
    fn badges() {
        let shown = |badge: Badge| (badge.class, badge.symbol, badge.label.key());
        assert_eq!(
            shown(LoanStatus::Overdue.badge()),
            ("overdue", "!", "status.overdue")
        );
        // Logged out and unknown codes look alike: "in process".
        assert_eq!(
            shown(LoanStatus::NotLoggedIn.badge()),
            shown(LoanStatus::Unknown(7).badge())
        );
        assert_eq!(LoanStatus::NotLoggedIn.badge().class, "in-process");
    }

    #[test]
    fn pay_types() {
        assert_eq!(PayType::Stp.code(), 1);
        assert_eq!(PayType::Paycash.code(), 2);
        assert_eq!(PayType::parse("paycash"), Some(PayType::Paycash));
        assert_eq!(PayType::parse("1"), Some(PayType::Stp));
        assert_eq!(PayType::parse("3"), None);
    }

    #[test]
    fn safe_links() {
        for ok in [
            "https://checkout-mx.eastpay.top?checkout=MjAy",
            "HTTPS://Example.com/a/b?c=d#e",
            "https://example.com",
            "https://example.com:8443/x",
            "https://[::1]/x",
            "https://127.0.0.1/x",
            "https://example.com/ruta/ñ",
        ] {
            assert!(SafeUrl::link(ok).is_some(), "{ok:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://example.com",
            "//example.com/x",
            "/relative/path",
            "relative",
            "https://",
            "https:///x",
            "https:example.com",
            " https://example.com",
            "https://example.com ",
            "https://exa mple.com",
            "https://example.com/\n",
            "https://user:pw@example.com/",
            "https:\\\\example.com",
            "https://example.com:abc/",
            "https://-bad.com/",
            "https://exämple.com/",
            "vbscript:x",
            "",
        ] {
            assert!(SafeUrl::link(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn attachments_are_one_comma_separated_field() {
        let url = |u| SafeUrl::image(u).unwrap();
        assert_eq!(Attachments::default().field(), None);
        assert_eq!(
            Attachments::new([url("https://a.mx/1.jpg"), url("http://b.mx/2.png")]).field(),
            Some("https://a.mx/1.jpg,http://b.mx/2.png")
        );
    }

    #[test]
    fn safe_images() {
        assert!(SafeUrl::image("http://local.gfpay/assets/tmp/32.png").is_some());
        assert!(SafeUrl::image("https://sipelatam.s3.us-west-2.amazonaws.com/x.png").is_some());
        assert!(SafeUrl::image("data:image/png;base64,AAAA").is_none());
        assert!(SafeUrl::image("javascript:alert(1)").is_none());
        assert!(SafeUrl::image("ftp://example.com/x.png").is_none());
        assert!(SafeUrl::image("//example.com/x.png").is_none());
        assert_eq!(
            SafeUrl::image("http://a.b/c.png").map(|u| u.as_str().to_owned()),
            Some("http://a.b/c.png".to_owned())
        );
    }
}
