//! No panic on any bytes: the samples cut and mangled, then a fuzzer
//! (`scripts/fuzz` runs it a million times).

use super::samples::{ok, FIXTURES};
use super::{self as decode, Reply};
use crate::types::PayType;

// ---- No panic on any bytes ------------------------------------------------

pub(super) fn decode_everything(reply: &Reply<'_>) {
    let _ = decode::ack(reply);
    let _ = decode::home(reply, -360);
    let _ = decode::orders(reply, 480);
    let _ = decode::loan_detail(reply, 0);
    let _ = decode::delay_detail(reply, 480);
    let _ = decode::upload(reply, "https://a.example");
    let _ = decode::support(reply);
    let _ = decode::languages(reply);
    let _ = decode::pay_data(reply);
    let _ = decode::payment(reply, PayType::Stp);
}

#[test]
fn truncated_and_mangled_samples_never_panic() {
    for body in FIXTURES {
        let cuts = body.char_indices().map(|(i, _)| i).step_by(3);
        for cut in cuts {
            if let Some(prefix) = body.get(..cut) {
                decode_everything(&ok(prefix));
            }
        }
        // Every quote, digit and bracket turned into something else.
        for (i, c) in body.char_indices() {
            if matches!(
                c,
                '"' | '0'..='9' | '{' | '}' | '[' | ']' | ':' | ',' | '.' | '-'
            ) {
                for replacement in [
                    "",
                    "\"",
                    "x",
                    "-",
                    "9999999999999999999999",
                    "null",
                    "{",
                    "]",
                ] {
                    let mut mangled = String::with_capacity(body.len() + 24);
                    mangled.push_str(body.get(..i).unwrap_or(""));
                    mangled.push_str(replacement);
                    mangled.push_str(body.get(i + c.len_utf8()..).unwrap_or(""));
                    decode_everything(&ok(&mangled));
                }
            }
        }
    }
}

#[test]
fn every_sample_file_is_mangled() {
    // The samples above are each decoded field by field; this checks that
    // none of the files in `fixtures/` is missing from `FIXTURES`, which
    // feeds the mangling and fuzzing tests.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/decode/fixtures");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                FIXTURES.contains(&text.as_str()),
                "{} is not in FIXTURES",
                path.display()
            );
        }
    }
    assert_eq!(files, FIXTURES.len());
}

/// Random and mutated replies through every decoder: each must answer `Ok`
/// or a typed error, never panic. `CASHGO_FUZZ_CASES` sets the count (3,000
/// in `cargo test`; `scripts/fuzz` runs a million), `CASHGO_FUZZ_SEED` the
/// seed. The mutations start from the real samples: cuts, deleted and
/// repeated spans, flipped bytes (read back as lossy UTF-8), splices of two
/// samples, and tokens that break readers (huge and odd numbers, NaN,
/// `1e999`, escapes, deep nesting, type flips), under any HTTP status.
#[test]
fn fuzzed_replies_never_panic() {
    let cases: u64 = std::env::var("CASHGO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let mut rng = Rng(std::env::var("CASHGO_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_ca5e_900d_f00d));
    const TOKENS: &[&str] = &[
        "1e999",
        "-1e999",
        "NaN",
        "Infinity",
        "-0",
        "0.000000000000000000001",
        "99999999999999999999999999999999",
        "-9223372036854775809",
        "18446744073709551616",
        "1.5",
        "\"1e308\"",
        "\"-\"",
        "\"\"",
        "null",
        "true",
        "[]",
        "{}",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"\\\"\"",
        "\"\u{202e}abc\"",
        "\"<img src=x onerror=alert(1)>\"",
        "\"javascript:alert(1)\"",
        "\"//evil.example\"",
        "\"data:text/html,x\"",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\u{feff}",
        "\u{fffd}",
    ];
    let statuses = [200u16, 200, 200, 200, 401, 403, 404, 500, 502];
    let started = std::time::Instant::now();
    let mut decoded_ok = 0u64;
    for _ in 0..cases {
        let sample = FIXTURES[rng.below(FIXTURES.len())];
        let mut body: Vec<u8> = sample.as_bytes().to_vec();
        for _ in 0..=rng.below(4) {
            let at = rng.below(body.len() + 1);
            match rng.below(8) {
                0 => body.truncate(at),
                1 => {
                    let end = (at + rng.below(32)).min(body.len());
                    body.drain(at..end);
                }
                2 => {
                    if let Some(byte) = body.get_mut(at) {
                        *byte ^= 1 << rng.below(8);
                    }
                }
                3 => {
                    let end = (at + rng.below(64)).min(body.len());
                    let span = body[at..end].to_vec();
                    body.splice(
                        at..at,
                        span.iter()
                            .cycle()
                            .take(span.len() * rng.below(50))
                            .copied(),
                    );
                }
                4 => {
                    let other = FIXTURES[rng.below(FIXTURES.len())].as_bytes();
                    let from = rng.below(other.len() + 1);
                    body.splice(at..at, other[from..].iter().copied());
                }
                5 => {
                    let depth = 1 + rng.below(3_000);
                    let nest = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
                    body.splice(at..at, nest.bytes());
                }
                _ => {
                    let token = TOKENS[rng.below(TOKENS.len())];
                    body.splice(at..at, token.bytes());
                }
            }
        }
        let text = String::from_utf8_lossy(&body);
        let reply = Reply {
            http_status: statuses[rng.below(statuses.len())],
            redirected_to_login: rng.below(16) == 0,
            body: &text,
        };
        let run = std::panic::catch_unwind(|| decode_everything(&reply));
        assert!(
            run.is_ok(),
            "a decoder panicked on HTTP {} (redirected {}) with body {:?}",
            reply.http_status,
            reply.redirected_to_login,
            text.chars().take(2_000).collect::<String>()
        );
        decoded_ok += u64::from(decode::loan_detail(&reply, 480).is_ok());
    }
    println!(
        "fuzz: {cases} replies through {} decoders in {:.1} s, none panicked; {decoded_ok} still read as a loan detail",
        10,
        started.elapsed().as_secs_f64()
    );
}

/// xorshift64*: enough randomness for mutations, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        if n == 0 {
            0
        } else {
            (x % n as u64) as usize
        }
    }
}
