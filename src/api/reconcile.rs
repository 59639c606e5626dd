//! A write whose answer was lost is never sent again blindly (the API has
//! no idempotency key): the state it changes is read back instead, and the
//! borrower sees what actually happened.

use super::{Done, Write};
use cashgo_core::{ApiError, DelayDetail, Home, LoanDetail, LoanStatus, OrderNo, SafeUrl};

/// A read that shows whether a write took effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    /// #3: the current loan.
    Home,
    /// #13: the bill, with the proof sent for it.
    Detail(OrderNo),
    /// #14: the extension page, with the bill's unpaid extension fee.
    Delay(OrderNo),
}

/// What a [`Read`] returns.
pub(crate) enum Page {
    Home(Home),
    Detail(LoanDetail),
    Delay(DelayDetail),
}

async fn read(what: Read) -> Result<Page, ApiError> {
    match what {
        Read::Home => super::loans().await.map(Page::Home),
        Read::Detail(order) => super::loan_detail(&order).await.map(Page::Detail),
        Read::Delay(order) => super::read_delay(&order).await.map(Page::Delay),
    }
}

/// What to do after a write's answer was lost.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Check {
    /// Sending again does no harm: signing in or out, a payment reference (a new one replaces it;
    /// no money moves). The error is shown with its "try again".
    Repeatable,
    /// This read shows whether the write took effect ([`took_effect`]).
    ReadBack(Read),
    /// The API has no way to tell (feedback, contacts): the borrower is
    /// told it may have arrived, never that it failed.
    Unknowable,
}

impl Write {
    pub(crate) fn check(&self) -> Check {
        match self {
            Write::SignIn { .. } | Write::LogOut | Write::Payment(..) => Check::Repeatable,
            Write::Extend { order, .. } => Check::ReadBack(Read::Delay(order.clone())),
            Write::ReLoan | Write::Apply => Check::ReadBack(Read::Home),
            Write::Proof { order, .. } => Check::ReadBack(Read::Detail(order.clone())),
            Write::Feedback { .. } | Write::Contacts(_) => Check::Unknowable,
        }
    }
}

/// Whether `page`, read after `write`'s answer was lost, shows that the
/// write took effect; `None` when the page can't tell.
pub(crate) fn took_effect(write: &Write, page: &Page) -> Option<bool> {
    match (write, page) {
        // An extension is offered only without an unpaid extension fee; the
        // one just asked for leaves its fee unpaid.
        (Write::Extend { bill, .. }, Page::Delay(detail)) => {
            (detail.bill.id == *bill).then(|| !detail.bill.delay_unpaid.is_zero())
        }
        // Applying again replaces the repaid loan with a new one.
        (Write::ReLoan, Page::Home(home)) => Some(matches!(
            home,
            Home::Loan(loan) if loan.status != LoanStatus::Repaid
        )),
        (Write::Apply, Page::Home(home)) => Some(matches!(
            home,
            Home::Loan(loan) if loan.confirmed
        )),
        // The proof's fields are stored on the bill as sent.
        (
            Write::Proof {
                utr,
                utr_image,
                repay_image,
                ..
            },
            Page::Detail(detail),
        ) => {
            let bill = &detail.bill;
            let stored = |sent: Option<&str>, kept: &Option<String>| {
                sent.map(str::trim)
                    .is_none_or(|sent| kept.as_deref() == Some(sent))
            };
            Some(
                stored(utr.as_deref(), &bill.utr)
                    && stored(utr_image.as_ref().map(SafeUrl::as_str), &bill.utr_image)
                    && stored(repay_image.as_ref().map(SafeUrl::as_str), &bill.repay_image),
            )
        }
        _ => None,
    }
}

/// Tells what happened to a write whose answer was lost (`lost`): done
/// (`Ok`), visibly not done (`lost` again, with its "try again"), or
/// unknown ([`ApiError::Unconfirmed`]).
pub(super) async fn reconcile(write: &Write, lost: ApiError) -> Result<Done, ApiError> {
    match write.check() {
        Check::Repeatable => Err(lost),
        Check::Unknowable => Err(ApiError::Unconfirmed),
        Check::ReadBack(read_back) => match read(read_back).await {
            Ok(page) => match took_effect(write, &page) {
                Some(true) => Ok(Done::Ok),
                Some(false) => Err(lost),
                None => Err(ApiError::Unconfirmed),
            },
            // Log in again, then the page shows what the server holds.
            Err(ApiError::SessionExpired) => Err(ApiError::SessionExpired),
            Err(_) => Err(ApiError::Unconfirmed),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cashgo_core::decode::{self, Reply};
    use cashgo_core::{BillId, Money, OrderNo, PayType};

    fn order() -> OrderNo {
        OrderNo::new("2023051914035297833260").unwrap()
    }

    fn bill() -> BillId {
        BillId::new("247598").unwrap()
    }

    fn delay_page(delay_unpaid: i64) -> Page {
        let body = include_str!("../../core/src/decode/fixtures/loan_delay.json");
        let mut detail = decode::delay_detail(&Reply::new(200, body), 480).unwrap();
        detail.bill.delay_unpaid = Money::from_minor(delay_unpaid);
        Page::Delay(detail)
    }

    fn detail_page(utr: Option<&str>, repay_image: Option<&str>) -> Page {
        let body = include_str!("../../core/src/decode/fixtures/loan_detail.json");
        let mut detail = decode::loan_detail(&Reply::new(200, body), 480).unwrap();
        detail.bill.utr = utr.map(str::to_owned);
        detail.bill.repay_image = repay_image.map(str::to_owned);
        Page::Detail(detail)
    }

    fn home(status: i64, confirm: u8) -> Page {
        let body = format!(
            r#"{{"status":200,"data":{{"status":{status},"confirm":{confirm},"money":100,
            "bill":{{"id":"1","oid":"A1"}}}}}}"#
        );
        Page::Home(decode::home(&Reply::new(200, &body), 0).unwrap())
    }

    fn proof(utr: Option<&str>, repay_image: Option<&str>) -> Write {
        Write::Proof {
            order: order(),
            utr: utr.map(str::to_owned),
            utr_image: None,
            repay_image: repay_image.and_then(SafeUrl::image),
        }
    }

    #[test]
    fn each_write_knows_how_to_check_it() {
        let extend = Write::Extend {
            bill: bill(),
            order: order(),
        };
        assert_eq!(extend.check(), Check::ReadBack(Read::Delay(order())));
        assert_eq!(Write::ReLoan.check(), Check::ReadBack(Read::Home));
        assert_eq!(Write::Apply.check(), Check::ReadBack(Read::Home));
        assert_eq!(
            proof(Some("X"), None).check(),
            Check::ReadBack(Read::Detail(order()))
        );
        let feedback = Write::Feedback {
            comments: "c".into(),
            contact: "a@b.mx".into(),
            attachments: Default::default(),
        };
        assert_eq!(feedback.check(), Check::Unknowable);
        assert_eq!(Write::Contacts(vec![]).check(), Check::Unknowable);
        assert_eq!(Write::LogOut.check(), Check::Repeatable);
        assert_eq!(
            Write::Payment(order(), PayType::Stp).check(),
            Check::Repeatable
        );
    }

    #[test]
    fn an_extension_shows_as_its_unpaid_fee() {
        let extend = Write::Extend {
            bill: bill(),
            order: order(),
        };
        assert_eq!(took_effect(&extend, &delay_page(0)), Some(false));
        assert_eq!(took_effect(&extend, &delay_page(84_840)), Some(true));
        // Another bill's page says nothing about this one.
        let other = Write::Extend {
            bill: BillId::new("1").unwrap(),
            order: order(),
        };
        assert_eq!(took_effect(&other, &delay_page(84_840)), None);
        // Nor does a page of another kind.
        assert_eq!(took_effect(&extend, &home(0, 1)), None);
    }

    #[test]
    fn applying_again_shows_as_a_new_loan() {
        assert_eq!(took_effect(&Write::ReLoan, &home(2, 1)), Some(false));
        assert_eq!(took_effect(&Write::ReLoan, &home(0, 0)), Some(true));
        assert_eq!(took_effect(&Write::Apply, &home(0, 0)), Some(false));
        assert_eq!(took_effect(&Write::Apply, &home(0, 1)), Some(true));
    }

    #[test]
    fn a_proof_shows_as_its_fields_on_the_bill() {
        let sent = proof(Some("MBAN01002605200012345678"), Some("https://x.mx/a.jpg"));
        assert_eq!(took_effect(&sent, &detail_page(None, None)), Some(false));
        assert_eq!(
            took_effect(&sent, &detail_page(Some("MBAN01002605200012345678"), None)),
            Some(false),
            "half of it is not this proof"
        );
        assert_eq!(
            took_effect(
                &sent,
                &detail_page(Some("MBAN01002605200012345678"), Some("https://x.mx/a.jpg"))
            ),
            Some(true)
        );
        // An earlier proof's reference is not this one.
        let only_utr = proof(Some("NEW123"), None);
        assert_eq!(
            took_effect(&only_utr, &detail_page(Some("OLD999"), None)),
            Some(false)
        );
        // The server trims what it stores; so does the comparison.
        let spaced = proof(Some(" NEW123 "), None);
        assert_eq!(
            took_effect(&spaced, &detail_page(Some("NEW123"), None)),
            Some(true)
        );
    }
}
