//! Calendar arithmetic in the server's time zone (a fixed UTC offset).
//!
//! Days are counted as "days since 1970-01-01" in the server zone; a day's
//! timestamp is its midnight in that zone (what the real API sends).

/// Days since the epoch → (year, month, day). Howard Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
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
    ts + i64::from(offset_minutes) * 60
}

/// The server-zone day a timestamp falls on.
pub fn local_day(ts: i64, offset_minutes: i32) -> i64 {
    local_secs(ts, offset_minutes).div_euclid(86_400)
}

/// Unix timestamp of a server-zone day's midnight.
pub fn midnight(day: i64, offset_minutes: i32) -> i64 {
    day * 86_400 - i64::from(offset_minutes) * 60
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
}
