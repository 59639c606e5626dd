//! Calendar arithmetic in the server's time zone (a fixed UTC offset).
//!
//! Days are counted as "days since 1970-01-01" in the server zone; a day's
//! timestamp is its midnight in that zone (what the real API sends).

/// The earliest clock the sandbox accepts: 0001-01-01 00:00:00 UTC.
pub const MIN_NOW: i64 = -62_135_596_800;
/// The latest clock the sandbox accepts: 9999-12-31 23:59:59 UTC. Within
/// these bounds, days, midnights, offsets and reference lifetimes can be
/// added without overflowing an `i64`, and years keep four digits.
pub const MAX_NOW: i64 = 253_402_300_799;
/// The widest server time zone accepted (±24 h; real ones are −12…+14 h).
pub const MAX_OFFSET_MINUTES: i32 = 24 * 60;
/// The longest payment-reference lifetime accepted (either sign): 100 years.
pub const MAX_TTL_SECONDS: i64 = 100 * 366 * 86_400;

/// A clock value within [`MIN_NOW`]..=[`MAX_NOW`], or why not.
pub fn check_now(now: i64) -> Result<i64, String> {
    if (MIN_NOW..=MAX_NOW).contains(&now) {
        Ok(now)
    } else {
        Err(format!(
            "the clock must be between {MIN_NOW} (0001-01-01) and {MAX_NOW} (9999-12-31) Unix seconds"
        ))
    }
}

/// A server time zone within ±[`MAX_OFFSET_MINUTES`], or why not.
pub fn check_offset(minutes: i32) -> Result<i32, String> {
    if (-MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(format!(
            "the UTC offset must be between -{MAX_OFFSET_MINUTES} and {MAX_OFFSET_MINUTES} minutes"
        ))
    }
}

/// Days since the epoch → (year, month, day). Howard Hinnant's algorithm.
/// The app's `day.rs` has the same arithmetic; the sandbox keeps its own
/// copy because it must not depend on the app crate (wasm, Leptos), and an
/// independent one cross-checks the app's days in the end-to-end tests.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A local time of day split from a timestamp.
fn local_secs(ts: i64, offset_minutes: i32) -> i64 {
    ts.saturating_add(i64::from(offset_minutes) * 60)
}

/// The server-zone day a timestamp falls on.
pub fn local_day(ts: i64, offset_minutes: i32) -> i64 {
    local_secs(ts, offset_minutes).div_euclid(86_400)
}

/// Unix timestamp of a server-zone day's midnight.
pub fn midnight(day: i64, offset_minutes: i32) -> i64 {
    day.saturating_mul(86_400)
        .saturating_sub(i64::from(offset_minutes) * 60)
}

/// `dd-mm-yyyy`, as in `needRepaymentDay`.
pub fn dmy(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{d:02}-{m:02}-{y:04}")
}

/// `YYYYMMDD`, as in upload folders.
pub fn ymd_compact(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}{m:02}{d:02}")
}

/// `YYYY-MM-DD HH:MM:SS` in the server zone, as in payment `expire`.
pub fn datetime(ts: i64, offset_minutes: i32) -> String {
    let secs = local_secs(ts, offset_minutes);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `YYYYMMDDHHMMSS` in the server zone (order-number prefix).
pub fn compact_datetime(ts: i64, offset_minutes: i32) -> String {
    datetime(ts, offset_minutes)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_days() {
        // 1684425600 is 19-05-2023 00:00 at UTC+8 (sample #13).
        assert_eq!(
            local_day(1_684_425_600, 480),
            local_day(1_684_425_600 + 3600, 480)
        );
        assert_eq!(dmy(local_day(1_684_425_600, 480)), "19-05-2023");
        assert_eq!(midnight(local_day(1_684_425_600, 480), 480), 1_684_425_600);
        assert_eq!(dmy(local_day(1_706_716_800, 480)), "01-02-2024");
        assert_eq!(datetime(0, 0), "1970-01-01 00:00:00");
        assert_eq!(datetime(-1, 0), "1969-12-31 23:59:59");
        assert_eq!(ymd_compact(local_day(1_706_716_800, 480)), "20240201");
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
    }

    #[test]
    fn bounds() {
        assert_eq!(datetime(MIN_NOW, 0), "0001-01-01 00:00:00");
        assert_eq!(datetime(MAX_NOW, 0), "9999-12-31 23:59:59");
        assert!(check_now(MAX_NOW + 1).is_err() && check_now(MIN_NOW - 1).is_err());
        assert!(check_offset(1441).is_err() && check_offset(-1440).is_ok());
        // No overflow even outside the bounds.
        let _ = (datetime(i64::MAX, i32::MAX), datetime(i64::MIN, i32::MIN));
        let _ = (midnight(i64::MAX, i32::MIN), dmy(local_day(i64::MIN, 0)));
    }
}
