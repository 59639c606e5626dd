//! The due day as a calendar entry: an iCalendar file (RFC 5545) and,
//! for WebViews that can't download one, Google Calendar's event template
//! address. Pure text, unit-tested natively; the page only supplies the
//! translated words.

use cashgo_core::Day;

/// One all-day event, with a reminder the morning before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueEvent {
    /// Stable per loan (see [`DueEvent::ics`] on updates).
    pub uid: String,
    /// The day as the server sent it (Q5), never recomputed in the browser's zone.
    pub day: Day,
    /// The event's title, in the borrower's language.
    pub summary: String,
    /// Its details (may hold newlines).
    pub description: String,
    /// The reminder's text.
    pub alarm: String,
    /// When the file is made (Unix seconds), for `DTSTAMP`.
    pub now_unix: i64,
}

/// The reminder goes off at 09:00 the day before: an all-day event starts
/// at midnight, 15 hours earlier is the previous morning (a bare `-P1D`
/// would ring at midnight).
pub const ALARM_TRIGGER: &str = "-PT15H";

impl DueEvent {
    /// The `.ics` text: CRLF line endings, lines folded at 75 octets, text
    /// escaped.
    ///
    /// The `UID` names the loan and `SEQUENCE` is the due day's number, so
    /// importing again after an extension (which only ever moves the day
    /// later) updates the entry in calendars that honour them instead of
    /// leaving a stale due day beside the new one.
    pub fn ics(&self) -> String {
        let sequence = epoch().days_until(self.day).to_string();
        let mut out = String::new();
        let mut line = |name: &str, value: &str| fold_into(&mut out, name, value);
        line("BEGIN", "VCALENDAR");
        line("VERSION", "2.0");
        line("PRODID", "-//CashGo//cashgo-web//ES");
        line("CALSCALE", "GREGORIAN");
        line("METHOD", "PUBLISH");
        line("BEGIN", "VEVENT");
        line("UID", &text(&self.uid));
        line("SEQUENCE", &sequence);
        line("DTSTAMP", &utc_stamp(self.now_unix));
        line("DTSTART;VALUE=DATE", &basic(self.day));
        line("DTEND;VALUE=DATE", &basic(self.day.add_days(1)));
        line("SUMMARY", &text(&self.summary));
        line("DESCRIPTION", &text(&self.description));
        line("TRANSP", "TRANSPARENT");
        line("BEGIN", "VALARM");
        line("TRIGGER", ALARM_TRIGGER);
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", &text(&self.alarm));
        line("END", "VALARM");
        line("END", "VEVENT");
        line("END", "VCALENDAR");
        out
    }

    /// Google Calendar's "new event" page with this event filled in (all
    /// day: the end date is the day after). No reminder can be passed;
    /// Google adds the borrower's default one.
    pub fn google_calendar_url(&self) -> String {
        format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}",
            percent(&self.summary),
            basic(self.day),
            basic(self.day.add_days(1)),
            percent(&self.description),
        )
    }
}

fn epoch() -> Day {
    Day::from_unix(0, 0)
}

/// `YYYYMMDD`.
fn basic(day: Day) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// `YYYYMMDDTHHMMSSZ` in UTC.
fn utc_stamp(unix: i64) -> String {
    let day = Day::from_unix(unix, 0);
    let secs = unix.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic(day),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` escaped, newlines as `\n`,
/// other control characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends the content line `name:value` folded (§3.1): at most 75 octets
/// a line, never inside a UTF-8 character; continuation lines start with
/// one space.
fn fold_into(out: &mut String, name: &str, value: &str) {
    let mut used = 0;
    for c in name.chars().chain([':']).chain(value.chars()) {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Percent-encodes all but RFC 3986's unreserved characters (as
/// `encodeURIComponent`, which also leaves `!'()*`; encoding them is valid).
fn percent(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 0xF] {
                out.push(char::from(b"0123456789ABCDEF"[usize::from(nibble)]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    fn event(on: Day) -> DueEvent {
        DueEvent {
            uid: "2023051914035297833260@cashgo".to_owned(),
            day: on,
            summary: "Pagar $8,233.70 a CashGo".to_owned(),
            description: "Total a pagar: $8,233.70".to_owned(),
            alarm: "Mañana vence tu pago".to_owned(),
            // 2024-03-02 17:04:05 UTC
            now_unix: 1_709_399_045,
        }
    }

    /// The unfolded content lines.
    fn lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_calendar_with_one_all_day_event_and_its_alarm() {
        let ics = event(day(2023, 5, 19)).ics();
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains(['\r', '\n']),
            "bare CR or LF"
        );
        let lines = lines(&ics);
        let expect = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CashGo//cashgo-web//ES",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:2023051914035297833260@cashgo",
            "SEQUENCE:19496",
            "DTSTAMP:20240302T170405Z",
            "DTSTART;VALUE=DATE:20230519",
            "DTEND;VALUE=DATE:20230520",
            "SUMMARY:Pagar $8\\,233.70 a CashGo",
            "DESCRIPTION:Total a pagar: $8\\,233.70",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "TRIGGER:-PT15H",
            "ACTION:DISPLAY",
            "DESCRIPTION:Mañana vence tu pago",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ];
        assert_eq!(lines, expect);
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.as_str() == "BEGIN:VEVENT")
                .count(),
            1
        );
    }

    #[test]
    fn the_end_is_the_next_day_across_month_and_year_ends() {
        for (on, start, end) in [
            (day(2024, 12, 31), "20241231", "20250101"),
            (day(2023, 1, 31), "20230131", "20230201"),
            (day(2024, 2, 28), "20240228", "20240229"),
            (day(2024, 2, 29), "20240229", "20240301"),
            (day(2023, 2, 28), "20230228", "20230301"),
            (day(2023, 4, 30), "20230430", "20230501"),
            (day(2024, 1, 1), "20240101", "20240102"),
        ] {
            let ics = event(on).ics();
            assert!(
                ics.contains(&format!("\r\nDTSTART;VALUE=DATE:{start}\r\n")),
                "{ics}"
            );
            assert!(
                ics.contains(&format!("\r\nDTEND;VALUE=DATE:{end}\r\n")),
                "{ics}"
            );
            let url = event(on).google_calendar_url();
            assert!(url.contains(&format!("&dates={start}/{end}&")), "{url}");
        }
    }

    #[test]
    fn a_later_day_has_a_higher_sequence() {
        let seq = |on| {
            lines(&event(on).ics())
                .into_iter()
                .find_map(|l| {
                    l.strip_prefix("SEQUENCE:")
                        .map(|n| n.parse::<i64>().unwrap())
                })
                .unwrap()
        };
        assert!(seq(day(2024, 1, 1)) > seq(day(2023, 12, 31)));
    }

    #[test]
    fn stamps_are_utc() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_704_067_199), "20231231T235959Z");
        assert_eq!(utc_stamp(1_704_067_200), "20240101T000000Z");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text(r"a,b;c\d"), r"a\,b\;c\\d");
        assert_eq!(text("uno\ndos\r\ntres\rcuatro"), r"uno\ndos\ntres\ncuatro");
        assert_eq!(text("tab\there\u{7}"), "tabhere");
        let mut e = event(day(2023, 5, 19));
        e.summary = "Paga; hoy, \\ya\nporfa".to_owned();
        assert!(lines(&e.ics()).contains(&r"SUMMARY:Paga\; hoy\, \\ya\nporfa".to_owned()));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_between_characters() {
        let mut e = event(day(2023, 5, 19));
        // Two-byte letters, so a fold at byte 75 would split one.
        e.description = "ñ".repeat(100) + &"x".repeat(100);
        let ics = e.ics();
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(ics.contains("\r\n ñ"));
        assert!(lines(&ics).contains(&format!(
            "DESCRIPTION:{}{}",
            "ñ".repeat(100),
            "x".repeat(100)
        )));
        // A line of exactly 75 octets stays whole.
        let folded = |value_len: usize| {
            let mut s = String::new();
            fold_into(&mut s, "X", &"a".repeat(value_len));
            s
        };
        assert_eq!(folded(73), format!("X:{}\r\n", "a".repeat(73)));
        assert_eq!(folded(74), format!("X:{}\r\n a\r\n", "a".repeat(73)));
    }

    #[test]
    fn google_calendar_template() {
        let mut e = event(day(2023, 5, 19));
        e.description = "Total: $8,233.70\nPedido 1 & 2".to_owned();
        assert_eq!(
            e.google_calendar_url(),
            "https://calendar.google.com/calendar/render?action=TEMPLATE\
             &text=Pagar%20%248%2C233.70%20a%20CashGo&dates=20230519/20230520\
             &details=Total%3A%20%248%2C233.70%0APedido%201%20%26%202"
        );
        assert_eq!(percent("Mañana"), "Ma%C3%B1ana");
    }
}
