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

/// Range entries (`["i64", [text, range], …]`, leptos_i18n's form): the
/// painter picks the text by count the way the app does.
const RANGES: &[&str] = &["repay.countdown"];

/// One range of a range entry as `(from, to)`, both inclusive: `3`,
/// `"2.."`, `"..5"` (exclusive), `"..=5"`, `"2..5"`, `"2..=5"`, `"_"`.
fn bounds(range: &serde_json::Value) -> Result<(i64, i64), String> {
    if let Some(n) = range.as_i64() {
        return Ok((n, n));
    }
    let text = range.as_str().ok_or("a range is a number or a string")?;
    if text == "_" {
        return Ok((i64::MIN, i64::MAX));
    }
    let number = |s: &str, empty: i64| -> Result<i64, String> {
        if s.is_empty() {
            Ok(empty)
        } else {
            s.trim().parse().map_err(|_| format!("bad range {text:?}"))
        }
    };
    if let Some((from, to)) = text.split_once("..=") {
        return Ok((number(from, i64::MIN)?, number(to, i64::MAX)?));
    }
    if let Some((from, to)) = text.split_once("..") {
        let to = if to.is_empty() {
            i64::MAX
        } else {
            number(to, 0)? - 1
        };
        return Ok((number(from, i64::MIN)?, to));
    }
    let n = number(text, 0)?;
    Ok((n, n))
}

fn range_entry(catalog: &serde_json::Value, key: &str) -> Option<Vec<(i64, i64, String)>> {
    let entry = key
        .split('.')
        .try_fold(catalog, |node, part| node.get(part))?
        .as_array()?;
    entry
        .iter()
        .skip(1)
        .map(|pair| {
            let pair = pair.as_array()?;
            let (from, to) = bounds(pair.get(1)?).ok()?;
            Some((from, to, pair.first()?.as_str()?.to_owned()))
        })
        .collect()
}

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
    for key in RANGES {
        writeln!(
            out,
            "    pub {}: &'static [(i64, i64, &'static str)],",
            key.replace('.', "_")
        )?;
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
        for key in RANGES {
            let ranges = range_entry(&catalog, key)
                .ok_or_else(|| format!("locales/{lang}.json has no range entry {key}"))?;
            writeln!(out, "    {}: &{:?},", key.replace('.', "_"), ranges)?;
        }
        out.push_str("};\n");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR")?).join("catalog.rs");
    std::fs::write(dest, out)?;
    println!("cargo::rerun-if-changed=build.rs");
    Ok(())
}
