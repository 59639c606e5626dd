//! Which file names Trunk hashed, so they can be cached for a year.
//!
//! Trunk 0.21 names its outputs `<stem>-<hash>.js`, `<stem>-<hash>_bg.wasm`
//! and `<stem>-<hash>.css`, the hash a 64-bit seahash written as `{:x}`:
//! hex without leading zeros, so 16 digits in fifteen builds of sixteen, 15
//! in one of sixteen, 14 in one of 256, and so on down to 1. Every length
//! counts, or one build in sixteen would be served without caching. The
//! same rule is nginx's (`deploy/nginx/cashgo.conf`) and the README's.

/// `-` then 1 to 16 lowercase hex digits, then `.js`, `.mjs`, `.css`, or
/// `_bg.wasm` (or `.wasm`), ending the name.
pub fn is_hashed(file_name: &str) -> bool {
    let Some((stem, ext)) = file_name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "mjs" | "css" | "wasm") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((name, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !name.is_empty()
        && (1..=16).contains(&hash.len())
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn every_length_trunk_writes() {
        for hash in [
            "0123456789abcdef", // 16 digits: fifteen builds in sixteen
            "b1c8b7bfa1555b4",  // 15: one build in sixteen
            "c8b7bfa1555b4",    // 13
            "f",                // 1
        ] {
            for name in [
                format!("cashgo-web-{hash}.js"),
                format!("cashgo-web-{hash}_bg.wasm"),
                format!("main-{hash}.css"),
            ] {
                assert!(is_hashed(&name), "{name}");
            }
        }
    }

    #[test]
    fn not_hashed() {
        for name in [
            "index.html",
            "config.json",
            "favicon.svg",
            "cashgo-web.js",
            "cashgo-web-_bg.wasm",
            // More than Trunk ever writes, capitals, or not hex.
            "style-0123456789abcdef0.css",
            "cashgo-web-0123456789ABCDEF.js",
            "cashgo-web-0123456789abcdeg.js",
            // Hashed-looking, but not a type Trunk hashes here.
            "logo-0123456789abcdef.png",
            "x-0123456789abcdef",
            "-0123456789abcdef.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
