//! The demo accounts. Figures are fixed; days are relative to "today" in
//! the server zone at seed time, so a fixed `--now` makes everything fixed.

use crate::state::{Account, Loan, DELAY_DAYS};
use crate::time;
use crate::wire::loan_status::{DUE, EXTENDED, OVERDUE, REPAID};

pub const PASSWORD: &str = "demo1234";

/// A status outside Q7's list: the app must show "in process" (account 5).
const UNLISTED: i32 = 3;

/// One seeded loan, before days are resolved.
struct LoanSpec {
    oid: String,
    bill_id: u64,
    toid: u64,
    money: i64,
    interest: i64,
    repay_interest: i64,
    overdue: i64,
    status: i32,
    confirm: i32,
    loan_time: i64,
    /// Due day relative to today.
    due_in: i64,
    delay_num: i64,
}

impl LoanSpec {
    /// A confirmed 7-day loan, due today, not extended, nothing overdue and
    /// no figures yet; the callers set the rest.
    fn new(oid: String, bill_id: u64, toid: u64) -> LoanSpec {
        LoanSpec {
            oid,
            bill_id,
            toid,
            money: 0,
            interest: 0,
            repay_interest: 0,
            overdue: 0,
            status: DUE,
            confirm: 1,
            loan_time: 7,
            due_in: 0,
            delay_num: 0,
        }
    }

    /// `money` lent at the standard rates (interest 30.08 %, repay interest
    /// 5.04 %), as the older orders and the re-loans are.
    fn standard(self, money: i64) -> LoanSpec {
        LoanSpec {
            money,
            interest: money * 3008 / 10_000,
            repay_interest: money * 504 / 10_000,
            ..self
        }
    }

    fn build(self, today: i64, offset: i32, salt: i64) -> Loan {
        let due_day = today + self.due_in;
        let start_day = due_day - self.loan_time - self.delay_num * DELAY_DAYS;
        let repaid = self.status == REPAID;
        Loan {
            oid: self.oid,
            bill_id: self.bill_id,
            toid: self.toid,
            money: self.money,
            interest: self.interest,
            repay_interest: self.repay_interest,
            overdue: self.overdue,
            repaid: if repaid {
                self.money + self.interest + self.overdue
            } else {
                0
            },
            delay_unpaid: 0,
            status: self.status,
            confirm: self.confirm,
            loan_time: self.loan_time,
            delay_num: self.delay_num,
            start_day,
            add_time: time::midnight(start_day, offset) + 34_632 + salt * 1_117,
            due_day,
            repay_time: if repaid {
                time::midnight(due_day - 1, offset) + 52_311 + salt * 613
            } else {
                0
            },
            overdue_settime: if self.overdue > 0 {
                time::midnight(due_day + 1, offset) + 3_716 + salt * 97
            } else {
                0
            },
            utr: None,
            utr_image: None,
            repay_image: None,
        }
    }
}

/// Current-loan order number of seeded account `n` (1-based).
pub fn order_number(n: u64) -> String {
    format!("20261120140352978332{:02}", 60 + n)
}

/// A repaid historical order (`k` is a global 1-based counter).
fn history(k: u64, money: i64, loan_time: i64, due_in: i64) -> LoanSpec {
    let oid = format!("202608{:02}09152748{:06}", k, 120_000 + k);
    LoanSpec {
        status: REPAID,
        loan_time,
        due_in,
        ..LoanSpec::new(oid, 36_000 + k, 90_500 + k).standard(money)
    }
}

/// Account `n`'s current loan as the table starts it; each row sets the
/// figures and what else differs.
fn current(n: u64) -> LoanSpec {
    LoanSpec::new(order_number(n), 37_050 + n, 90_870 + n)
}

/// Older repaid orders of an account: (money, loan_time, due_in).
type Older = Vec<(i64, i64, i64)>;

pub fn accounts(today: i64, offset: i32) -> Vec<Account> {
    // (state, current loan, older loans as (money, loan_time, due_in))
    #[rustfmt::skip]
    let table: Vec<(&str, LoanSpec, Older)> = vec![
        ("due",
            LoanSpec { money: 500_000, interest: 150_400, repay_interest: 25_200,
                due_in: 5, ..current(1) },
            vec![(300_000, 7, -30), (200_000, 7, -60)]),
        ("overdue",
            LoanSpec { money: 400_000, interest: 120_320, repay_interest: 20_160,
                overdue: 303_050, status: OVERDUE, due_in: -3, ..current(2) },
            vec![(200_000, 7, -45)]),
        ("repaid",
            LoanSpec { money: 500_000, interest: 150_400, repay_interest: 25_200,
                status: REPAID, due_in: -4, ..current(3) },
            vec![(300_000, 10, -35), (200_000, 7, -70), (100_000, 7, -105)]),
        ("extended",
            LoanSpec { money: 202_000, interest: 84_840, repay_interest: 10_000,
                status: EXTENDED, due_in: 9, delay_num: 1, ..current(4) },
            vec![(150_000, 7, -40), (100_000, 7, -80)]),
        ("unknown-status-3",
            LoanSpec { money: 150_000, interest: 45_120, repay_interest: 7_560,
                status: UNLISTED, due_in: 7, ..current(5) },
            vec![(100_000, 7, -50)]),
        ("awaiting-confirmation",
            LoanSpec { money: 500_000, interest: 150_400, repay_interest: 25_200,
                confirm: 0, due_in: 7, ..current(6) },
            vec![(200_000, 7, -30)]),
    ];
    let mut k = 0u64;
    table
        .into_iter()
        .enumerate()
        .map(|(i, (state, spec, older))| {
            let n = i as u64 + 1;
            let history = older
                .into_iter()
                .map(|(money, loan_time, due_in)| {
                    k += 1;
                    history(k, money, loan_time, due_in).build(today, offset, k as i64)
                })
                .collect();
            let repaid = state == "repaid";
            Account {
                username: format!("55123450{:02}", n),
                password: PASSWORD.to_string(),
                state: state.to_string(),
                uid: 10_470 + n,
                loan: spec.build(today, offset, n as i64),
                history,
                next_loan: if repaid { "20000" } else { "10000" }.to_string(),
                next_loan_period: if repaid { "16" } else { "14" }.to_string(),
                approval_rate: if repaid { "0.96" } else { "0.90" }.to_string(),
            }
        })
        .collect()
}

/// A new loan for `/Loan/reLoan`, from the account's next-loan offer.
pub fn reloan(account: &Account, counter: u64, now: i64, offset: i32) -> Loan {
    let today = time::local_day(now, offset);
    let money = account
        .next_loan
        .parse::<i64>()
        .map_or(500_000, |m| m * 100);
    let loan_time = account.next_loan_period.parse::<i64>().unwrap_or(7);
    let oid = format!(
        "{}{:08}",
        time::compact_datetime(now, offset),
        97_840_000 + counter
    );
    let spec = LoanSpec {
        loan_time,
        due_in: loan_time,
        ..LoanSpec::new(oid, 38_000 + counter, 91_000 + counter).standard(money)
    };
    // Created now, not at seed time.
    Loan {
        add_time: now,
        ..spec.build(today, offset, 0)
    }
}
