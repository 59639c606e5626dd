//! Days (Q5): civil dates in the server's time zone, never the browser's.
//!
//! The server sends midnights in its own zone as Unix timestamps, or
//! preformatted `dd-mm-yyyy` days. A timestamp becomes a day only through the
//! configured server UTC offset. Proleptic Gregorian calendar, years 1–9999.

const SECONDS_PER_DAY: i64 = 86_400;
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

impl Day {
    /// A validated day (years 1–9999).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Day { year, month, day })
    }

    /// Parses the server's `dd-mm-yyyy` (`"19-05-2023"`); also `d-m-yyyy` and
    /// `/` as the separator.
    pub fn parse_dmy(text: &str) -> Option<Day> {
        let text = text.trim();
        let separator = if text.contains('/') { '/' } else { '-' };
        let mut parts = text.split(separator);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let number = |s: &str, max_len: usize| -> Option<u32> {
            let ok = !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit());
            if ok {
                s.parse().ok()
            } else {
                None
            }
        };
        if y.len() != 4 {
            return None;
        }
        let day = u8::try_from(number(d, 2)?).ok()?;
        let month = u8::try_from(number(m, 2)?).ok()?;
        let year = i32::try_from(number(y, 4)?).ok()?;
        Day::from_ymd(year, month, day)
    }

    /// The civil day of the instant `secs` in a zone `utc_offset_minutes`
    /// east of UTC. Instants outside years 1–9999 are clamped to that range.
    pub fn from_unix(secs: i64, utc_offset_minutes: i32) -> Day {
        let local = secs.saturating_add(i64::from(utc_offset_minutes) * 60);
        Day::from_days(local.div_euclid(SECONDS_PER_DAY))
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Days from `today` to `self`: positive when `self` is later, negative
    /// when past. `today` is today in the server's zone (Q5):
    /// `Day::from_unix(now, server_utc_offset_minutes)`.
    pub fn days_from(self, today: Day) -> i64 {
        today.days_until(self)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The day `days` later (earlier when negative), clamped to years 1–9999.
    pub fn add_days(self, days: i64) -> Day {
        Day::from_days(self.to_days().saturating_add(days))
    }

    /// ISO 8601: `"2023-05-19"` (also what `<time datetime>` wants).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn to_days(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let shifted_month = (month + 9) % 12; // March = 0
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` after 1970-01-01 (`civil_from_days`), clamped.
    fn from_days(days: i64) -> Day {
        let first = Day {
            year: MIN_YEAR,
            month: 1,
            day: 1,
        };
        let last = Day {
            year: MAX_YEAR,
            month: 12,
            day: 31,
        };
        let days = days.clamp(first.to_days(), last.to_days());
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // In range by the clamp above; the fallbacks are never taken.
        Day {
            year: i32::try_from(year).unwrap_or(MAX_YEAR),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A wall-clock time in the server's zone, e.g. a payment reference's expiry
/// `"2024-08-19 15:06:09"` (Q11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServerDateTime {
    day: Day,
    hour: u8,
    minute: u8,
    second: u8,
}

impl ServerDateTime {
    /// Parses `yyyy-mm-dd hh:mm:ss` (also with `T`, or without seconds).
    pub fn parse(text: &str) -> Option<ServerDateTime> {
        let text = text.trim();
        let (date, time) = text.split_once([' ', 'T'])?;
        let mut ymd = date.split('-');
        let (y, m, d) = (ymd.next()?, ymd.next()?, ymd.next()?);
        if ymd.next().is_some() || y.len() != 4 {
            return None;
        }
        let mut hms = time.trim().split(':');
        let (h, mi) = (hms.next()?, hms.next()?);
        let s = hms.next().unwrap_or("0");
        if hms.next().is_some() {
            return None;
        }
        let day = Day::from_ymd(digits(y)?, digits(m)?, digits(d)?)?;
        let (hour, minute, second): (u8, u8, u8) = (digits(h)?, digits(mi)?, digits(s)?);
        (hour < 24 && minute < 60 && second < 60).then_some(ServerDateTime {
            day,
            hour,
            minute,
            second,
        })
    }

    /// The day.
    pub fn day(self) -> Day {
        self.day
    }

    /// Hour, minute and second.
    pub fn hms(self) -> (u8, u8, u8) {
        (self.hour, self.minute, self.second)
    }

    /// The instant, for a server `utc_offset_minutes` east of UTC.
    pub fn to_unix(self, utc_offset_minutes: i32) -> i64 {
        self.day.to_days() * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(utc_offset_minutes) * 60
    }
}

/// 1 to 4 ASCII digits as a number.
fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    let ok = !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit());
    if ok {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Day {
        Day::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn validates_days() {
        assert!(Day::from_ymd(2024, 2, 29).is_some());
        assert!(Day::from_ymd(2023, 2, 29).is_none());
        assert!(Day::from_ymd(2000, 2, 29).is_some());
        assert!(Day::from_ymd(1900, 2, 29).is_none());
        assert!(Day::from_ymd(2023, 4, 31).is_none());
        assert!(Day::from_ymd(2023, 13, 1).is_none());
        assert!(Day::from_ymd(2023, 0, 1).is_none());
        assert!(Day::from_ymd(2023, 1, 0).is_none());
        assert!(Day::from_ymd(0, 1, 1).is_none());
        assert!(Day::from_ymd(10_000, 1, 1).is_none());
        let x = d(2023, 5, 19);
        assert_eq!((x.year, x.month, x.day), (2023, 5, 19));
    }

    #[test]
    fn parses_server_days() {
        assert_eq!(Day::parse_dmy("19-05-2023"), Some(d(2023, 5, 19)));
        assert_eq!(Day::parse_dmy("1-2-2024"), Some(d(2024, 2, 1)));
        assert_eq!(Day::parse_dmy("08/02/2024"), Some(d(2024, 2, 8)));
        assert_eq!(Day::parse_dmy(" 01-02-2024 "), Some(d(2024, 2, 1)));
        for bad in [
            "",
            "19-05",
            "2023-05-19",
            "19-05-23",
            "32-01-2023",
            "29-02-2023",
            "19-05-2023-1",
            "19/05-2023",
            "a-b-cdef",
            "-1-05-2023",
            "19--2023",
            "019-05-2023",
            "19-05-20231",
        ] {
            assert_eq!(Day::parse_dmy(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn converts_timestamps_in_the_server_zone() {
        // Q5: a UTC+8 midnight.
        assert_eq!(Day::from_unix(1_684_425_600, 480), d(2023, 5, 19));
        assert_eq!(Day::from_unix(1_684_425_600, 0), d(2023, 5, 18));
        // A UTC midnight (the 2022 samples).
        assert_eq!(Day::from_unix(1_665_187_200, 0), d(2022, 10, 8));
        assert_eq!(Day::from_unix(1_665_187_200, 480), d(2022, 10, 8));
        assert_eq!(Day::from_unix(1_665_187_200, -360), d(2022, 10, 7));
        assert_eq!(Day::from_unix(0, 0), d(1970, 1, 1));
        assert_eq!(Day::from_unix(-1, 0), d(1969, 12, 31));
        assert_eq!(Day::from_unix(-86_400, 0), d(1969, 12, 31));
        assert_eq!(Day::from_unix(-86_401, 0), d(1969, 12, 30));
        // Year boundary, both ways.
        assert_eq!(Day::from_unix(1_704_067_199, 0), d(2023, 12, 31));
        assert_eq!(Day::from_unix(1_704_067_200, 0), d(2024, 1, 1));
        assert_eq!(Day::from_unix(1_704_067_200, -360), d(2023, 12, 31));
        assert_eq!(Day::from_unix(1_704_045_600, 480), d(2024, 1, 1));
        // Leap days.
        assert_eq!(Day::from_unix(1_709_164_800, 0), d(2024, 2, 29));
        assert_eq!(Day::from_unix(951_782_400, 0), d(2000, 2, 29));
        assert_eq!(Day::from_unix(4_107_542_400, 0), d(2100, 3, 1));
        // Far out of range: clamped, no panic.
        assert_eq!(Day::from_unix(i64::MAX, i32::MAX), d(9999, 12, 31));
        assert_eq!(Day::from_unix(i64::MIN, i32::MIN), d(1, 1, 1));
    }

    #[test]
    fn counts_days() {
        assert_eq!(d(2023, 5, 19).days_until(d(2023, 5, 26)), 7);
        assert_eq!(d(2023, 5, 26).days_until(d(2023, 5, 19)), -7);
        assert_eq!(d(2023, 12, 31).days_until(d(2024, 3, 1)), 61);
        // Every day of a 400-year cycle round-trips.
        let start = d(1999, 12, 25);
        for n in 0..146_097 {
            let x = Day::from_days(start.to_days() + n);
            assert_eq!(start.days_until(x), n);
            assert_eq!(Day::from_ymd(x.year, x.month, x.day), Some(x));
        }
        // Clamped to years 1–9999.
        assert_eq!(Day::from_days(i64::MAX), d(9999, 12, 31));
        assert_eq!(Day::from_days(i64::MIN), d(1, 1, 1));
    }

    #[test]
    fn counts_days_from_today() {
        let today = d(2023, 5, 19);
        assert_eq!(d(2023, 5, 26).days_from(today), 7);
        assert_eq!(d(2023, 5, 19).days_from(today), 0);
        assert_eq!(d(2023, 5, 18).days_from(today), -1);
        // Today is the server's: a UTC+8 midnight is still yesterday in UTC.
        let today = Day::from_unix(1_684_425_600, 480);
        assert_eq!(d(2023, 5, 19).days_from(today), 0);
    }

    #[test]
    fn formats_days() {
        assert_eq!(d(2023, 5, 19).iso(), "2023-05-19");
        assert_eq!(d(5, 1, 2).iso(), "0005-01-02");
    }

    #[test]
    fn parses_server_datetimes() {
        let t = ServerDateTime::parse("2024-08-19 15:06:09").unwrap();
        let at = |hour, minute, second| ServerDateTime {
            day: d(2024, 8, 19),
            hour,
            minute,
            second,
        };
        assert_eq!(t, at(15, 6, 9));
        // 2024-08-19 15:06:09 UTC = 1724079969.
        assert_eq!(t.to_unix(0), 1_724_079_969);
        assert_eq!(t.to_unix(480), 1_724_079_969 - 8 * 3600);
        assert_eq!(t.to_unix(-360), 1_724_079_969 + 6 * 3600);
        assert_eq!(
            ServerDateTime::parse("2024-08-19T15:06"),
            Some(at(15, 6, 0))
        );
        for bad in [
            "",
            "2024-08-19",
            "2024-08-19 24:00:00",
            "2024-08-19 12:60:00",
            "2024-02-30 10:00:00",
            "19-08-2024 15:06:09",
            "2024-08-19 15:06:09:01",
            "2024-08-19 x:06:09",
        ] {
            assert_eq!(ServerDateTime::parse(bad), None, "{bad:?}");
        }
    }
}
