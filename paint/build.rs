//! Generates the painter's catalogs from `locales/*.json`: only the keys it
//! paints, as one `Catalog` struct per language (`catalog.rs` in OUT_DIR).
//! A key missing from a catalog fails the build, so a renamed key can't
//! leave the painter showing a stale text.
use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Every catalog key the painter shows, in dotted form.
const KEYS: &[&str] = &[
    "app_name",
    "lang.label",
    "lang.es",
    "lang.en",
    "status.due",
    "status.overdue",
    "status.repaid",
    "status.extended",
    "status.in_process",
    "status.awaiting",
    "repay.title",
    "repay.order",
    "repay.amount_now",
    "repay.due_day",
    "repay.due_today",
    "repay.days_left",
    "repay.days_left_one",
    "repay.days_overdue",
    "repay.days_overdue_one",
    "repay.calendar",
    "repay.calendar_hint",
    "repay.pay",
    "repay.extend",
    "repay.proof",
    "repay.repaid_note",
    "extend.title",
    "extend.intro",
    "extend.fee",
    "extend.overdue_fee",
    "extend.amount_today",
    "extend.current_due",
    "extend.new_due",
    "extend.not_allowed",
    "home.title",
    "home.amount_due",
    "home.due_day",
    "home.new_due_day",
    "home.loan_amount",
    "home.extension_fee",
    "home.pay",
    "home.extend",
    "home.details",
    "home.repaid_title",
    "home.repaid_body",
    "home.next_loan",
    "home.next_loan_period",
    "home.offer_term_days",
    "home.approval_rate",
    "home.approval_rate_value",
    "home.awaiting_title",
    "home.awaiting_body",
    "datetime.day",
    "datetime.january",
    "datetime.february",
    "datetime.march",
    "datetime.april",
    "datetime.may",
    "datetime.june",
    "datetime.july",
    "datetime.august",
    "datetime.september",
    "datetime.october",
    "datetime.november",
    "datetime.december",
];

fn lookup<'a>(catalog: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    key.split('.')
        .try_fold(catalog, |node, part| node.get(part))?
        .as_str()
}

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("..");
    let mut out = String::from(
        "/// The texts the painter shows, from one catalog.\n\
         #[allow(dead_code)]\npub struct Catalog {\n",
    );
    for key in KEYS {
        writeln!(out, "    pub {}: &'static str,", key.replace('.', "_"))?;
    }
    out.push_str("}\n");
    for lang in ["es", "en"] {
        let path = root.join("locales").join(format!("{lang}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        let catalog: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        writeln!(
            out,
            "pub const {}: Catalog = Catalog {{",
            lang.to_uppercase()
        )?;
        for key in KEYS {
            let text = lookup(&catalog, key)
                .ok_or_else(|| format!("locales/{lang}.json has no text for {key}"))?;
            writeln!(out, "    {}: {:?},", key.replace('.', "_"), text)?;
        }
        out.push_str("};\n");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR")?).join("catalog.rs");
    std::fs::write(dest, out)?;
    println!("cargo::rerun-if-changed=build.rs");
    Ok(())
}
