//! The sandbox's mutable world: accounts and their loans, sessions, uploads,
//! submitted forms and payment references. Amounts are integer cents.

use crate::fault::{Fault, Fired};
use crate::seed;
use crate::time;
use crate::Settings;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

/// Days a loan moves forward per extension.
pub const DELAY_DAYS: i64 = 7;

// Alike the app's (core/src/types.rs) on purpose: own types, so a misreading is not mirrored.
#[derive(Clone, Debug)]
pub struct Loan {
    /// Order number (22 digits), `oid` of #13/#14/#16/#12.
    pub oid: String,
    /// Bill id, `oid` of #5 (Q6).
    pub bill_id: u64,
    /// Loan id (`bill.toid`, orders' `id`).
    pub toid: u64,
    pub money: i64,
    pub interest: i64,
    pub repay_interest: i64,
    pub overdue: i64,
    pub repaid: i64,
    pub delay_unpaid: i64,
    /// Q7's state ([`crate::wire::loan_status`]); anything else is "in process".
    pub status: i32,
    pub confirm: i32,
    /// Loan period in days (`loan_time`, orders' `time`).
    pub loan_time: i64,
    pub delay_num: i64,
    /// Server-zone day the loan started.
    pub start_day: i64,
    /// Creation timestamp (`addtime`), a little after `start_day`'s midnight.
    pub add_time: i64,
    /// Server-zone due day.
    pub due_day: i64,
    /// When it was repaid (0 if not).
    pub repay_time: i64,
    pub overdue_settime: i64,
    pub utr: Option<String>,
    pub utr_image: Option<String>,
    pub repay_image: Option<String>,
}

impl Loan {
    /// `needRepayMoney`: money + interest + overdue + delay_unpaid − repaid.
    pub fn need_repay(&self) -> i64 {
        (self.money + self.interest + self.overdue + self.delay_unpaid - self.repaid).max(0)
    }

    /// What the loan costs in total (`repay_money` in #3/#4).
    pub fn repay_money(&self) -> i64 {
        self.money + self.interest + self.overdue + self.delay_unpaid
    }

    /// The extension fee (the bill's interest, as in the samples).
    pub fn delay_fee(&self) -> i64 {
        self.interest
    }

    pub fn is_extended(&self) -> bool {
        self.delay_num > 0
    }

    /// What a payment reference is for: the pending extension fee, else the
    /// amount due.
    pub fn amount_to_pay(&self) -> i64 {
        if self.delay_unpaid > 0 {
            self.delay_unpaid
        } else {
            self.need_repay()
        }
    }
}

#[derive(Clone, Debug)]
pub struct Account {
    pub username: String,
    pub password: String,
    /// The seeded scenario name (due, overdue, repaid, ...).
    pub state: String,
    pub uid: u64,
    /// The current loan; `history` holds older orders, newest first.
    pub loan: Loan,
    pub history: Vec<Loan>,
    pub next_loan: String,
    pub next_loan_period: String,
    pub approval_rate: String,
}

impl Account {
    pub fn loans(&self) -> impl Iterator<Item = &Loan> {
        std::iter::once(&self.loan).chain(self.history.iter())
    }

    pub fn loan_by_oid(&self, oid: &str) -> Option<&Loan> {
        self.loans().find(|l| l.oid == oid)
    }

    pub fn loan_by_oid_mut(&mut self, oid: &str) -> Option<&mut Loan> {
        std::iter::once(&mut self.loan)
            .chain(self.history.iter_mut())
            .find(|l| l.oid == oid)
    }
}

#[derive(Clone, Debug)]
pub struct Upload {
    pub n: u64,
    /// `YYYYMMDD/<hex>.ext`, served at `/Public/Upload/<rel>`.
    pub rel: String,
    pub content_type: &'static str,
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub username: String,
}

#[derive(Clone, Debug)]
pub struct Reference {
    pub n: u64,
    pub username: String,
    pub oid: String,
    pub paytype: i32,
    pub reference: String,
    pub barcode: String,
    pub money: i64,
    pub expire: String,
    pub expire_ts: i64,
    pub checkout: Option<String>,
}

/// Behaviour switches for tests (`POST /__sandbox/settings`).
#[derive(Clone, Debug, Default)]
pub struct Knobs {
    pub reference_ttl_seconds: Option<i64>,
    pub unsafe_urls: bool,
    pub delay_ms: u64,
    /// Replace the strings borrowers see by the hostile corpus.
    pub hostile: bool,
    /// What #15 (`/Index/languages`) answers in `target`.
    pub target: Target,
}

/// #15's `target` ("跳转目标"): where the API tells the client it runs and
/// so how to go on, `web` (the H5 site, the default) or `app` (inside the
/// native app, which navigates itself).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Target {
    #[default]
    Web,
    App,
}

impl Target {
    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "web" => Some(Target::Web),
            "app" => Some(Target::App),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Web => "web",
            Target::App => "app",
        }
    }
}

/// Everything that `POST /__sandbox/reset` puts back.
#[derive(Debug, Default)]
pub struct World {
    pub accounts: Vec<Account>,
    /// PHPSESSID → index into `accounts`.
    pub sessions: HashMap<String, usize>,
    pub uploads: Vec<Upload>,
    pub references: Vec<Reference>,
    pub proofs: Vec<serde_json::Value>,
    pub feedback: Vec<serde_json::Value>,
    pub contacts: Vec<serde_json::Value>,
    pub knobs: Knobs,
    /// Armed faults (`/__sandbox/fault`), at most one per path.
    pub faults: Vec<Fault>,
    /// Faults that fired, in firing order.
    pub faults_fired: Vec<Fired>,
    /// Where the hostile corpus's turns stand.
    pub hostile_turns: crate::hostile::Turns,
    /// Counter for new loans (re-loans).
    pub new_loans: u64,
    pub session_counter: u64,
}

impl World {
    pub fn seeded(now: i64, offset_minutes: i32) -> World {
        World {
            accounts: seed::accounts(time::local_day(now, offset_minutes), offset_minutes),
            ..World::default()
        }
    }

    pub fn upload(&self, rel: &str) -> Option<&Upload> {
        self.uploads.iter().find(|u| u.rel == rel)
    }
}

pub struct AppState {
    pub settings: Settings,
    /// `http://127.0.0.1:PORT`: where the sandbox's own URLs point.
    pub origin: String,
    clock: Mutex<Option<i64>>,
    world: Mutex<World>,
    /// Reports posted to `/__sandbox/csp-reports` (`static_files::csp_reports`).
    pub csp_reports: Mutex<Vec<serde_json::Value>>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(settings: Settings, origin: String) -> Shared {
        let clock = Mutex::new(settings.now);
        let state = AppState {
            settings,
            origin,
            clock,
            world: Mutex::new(World::default()),
            csp_reports: Mutex::default(),
        };
        state.reset();
        Arc::new(state)
    }

    /// The server's time zone, within ±24 h (the CLI refuses more; a
    /// library caller's value is clamped).
    pub fn offset(&self) -> i32 {
        self.settings
            .utc_offset_minutes
            .clamp(-time::MAX_OFFSET_MINUTES, time::MAX_OFFSET_MINUTES)
    }

    /// The sandbox's clock: fixed (`--now`, `/__sandbox/clock`) or real,
    /// within years 1 to 9999 (a fixed value outside is clamped; the CLI
    /// and `/__sandbox/clock` refuse one).
    pub fn now(&self) -> i64 {
        let fixed = *self.clock.lock().unwrap_or_else(|p| p.into_inner());
        fixed
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            })
            .clamp(time::MIN_NOW, time::MAX_NOW)
    }

    pub fn set_clock(&self, now: Option<i64>) {
        *self.clock.lock().unwrap_or_else(|p| p.into_inner()) = now;
    }

    pub fn today(&self) -> i64 {
        time::local_day(self.now(), self.offset())
    }

    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reseed accounts; drop sessions, uploads, records and knobs.
    pub fn reset(&self) {
        *self.world() = World::seeded(self.now(), self.offset());
    }
}

/// A PHP-like session id: 26 characters of `[0-9a-v]`.
pub fn new_session_id(counter: u64) -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuv";
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut out = String::with_capacity(26);
    let mut round = 0u64;
    while out.len() < 26 {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(nanos);
        h.write_u64(counter);
        h.write_u64(round);
        let mut v = h.finish();
        for _ in 0..12 {
            if out.len() == 26 {
                break;
            }
            out.push(ALPHABET[(v & 31) as usize] as char);
            v >>= 5;
        }
        round += 1;
    }
    out
}
