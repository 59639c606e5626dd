//! The gateway's images: the payment methods' logos and barcode pictures.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

fn svg(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

const STP_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64" width="160" height="64"><rect width="160" height="64" rx="10" fill="#0b3d91"/><text x="80" y="42" font-family="Arial,Helvetica,sans-serif" font-size="30" font-weight="bold" fill="#fff" text-anchor="middle">STP</text></svg>"##;
const PAYCASH_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64" width="160" height="64"><rect width="160" height="64" rx="10" fill="#f5a623"/><text x="80" y="41" font-family="Arial,Helvetica,sans-serif" font-size="24" font-weight="bold" fill="#1a1a1a" text-anchor="middle">Paycash</text></svg>"##;

/// `GET /gateway/assets/{stp,paycash}.svg`: the payment methods' logos.
pub async fn logo(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "stp.svg" => svg(STP_LOGO.to_string()),
        "paycash.svg" => svg(PAYCASH_LOGO.to_string()),
        _ => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

/// Bar/space widths (in modules) of one symbol: 3 bars and 3 spaces of 1–4
/// modules adding up to 11, as in Code 128. Deterministic per value.
fn symbol(value: u64) -> [u64; 6] {
    let mut h = value.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    loop {
        let mut w = [0u64; 6];
        for slot in w.iter_mut().take(5) {
            *slot = 1 + (h & 3);
            h = h.rotate_right(2) ^ (h >> 7);
        }
        let used: u64 = w[..5].iter().sum();
        if (1..=4).contains(&(11u64.saturating_sub(used))) && used < 11 {
            w[5] = 11 - used;
            return w;
        }
        h = h.wrapping_mul(0x2545_F491_4F6C_DD1D).wrapping_add(1);
    }
}

/// A Code-128-looking SVG of a barcode value (not scannable, just stripes).
pub fn barcode_svg(code: &str) -> String {
    let mut widths: Vec<u64> = vec![2, 1, 1, 2, 1, 4]; // start symbol
    let mut checksum = 104u64;
    for (i, b) in code.bytes().enumerate() {
        widths.extend(symbol(u64::from(b)));
        checksum += (i as u64 + 1) * u64::from(b);
    }
    widths.extend(symbol(checksum % 103));
    widths.extend([2, 3, 3, 1, 1, 1, 2]); // stop symbol
    let quiet = 10u64;
    let modules: u64 = widths.iter().sum::<u64>() + 2 * quiet;
    let (w, h) = (640.0_f64, 180.0_f64);
    let unit = w / modules as f64;
    let mut x = quiet;
    let mut rects = String::new();
    for (i, width) in widths.iter().enumerate() {
        if i % 2 == 0 {
            rects.push_str(&format!(
                "<rect x=\"{:.3}\" y=\"10\" width=\"{:.3}\" height=\"130\"/>",
                x as f64 * unit,
                *width as f64 * unit
            ));
        }
        x += width;
    }
    let label: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/><g fill=\"#000\">{rects}</g>\
         <text x=\"320\" y=\"168\" font-family=\"monospace\" font-size=\"22\" text-anchor=\"middle\">{label}</text></svg>"
    )
}

/// `GET /gateway/barcode/<barcode>.svg`.
pub async fn barcode(Path(file): Path<String>) -> Response {
    match file.strip_suffix(".svg") {
        Some(code) if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) => {
            svg(barcode_svg(code))
        }
        _ => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_11_modules() {
        for v in 0..200 {
            let s = symbol(v);
            assert_eq!(s.iter().sum::<u64>(), 11);
            assert!(s.iter().all(|w| (1..=4).contains(w)));
        }
    }
}
