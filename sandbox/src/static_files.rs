//! The built app (`--dist`) under `--base`: static files, SPA fallback to
//! `index.html`, a generated `config.json` when the app ships none.
//!
//! Files are served as production should: brotli (quality 11) when the
//! request accepts `br`, else gzip (level 9) when it accepts `gzip`, else as
//! they are, with `Vary: Accept-Encoding` on every compressible type. Each
//! file is read and compressed once and kept in memory, keyed by its path and
//! checked against its modification time and length (a rebuilt `dist/` is
//! picked up); [`precompress`] fills the cache at start-up.

use crate::seed;
use crate::state::Shared;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

/// Paths that belong to the API (always at the origin root), never the app.
const API_PREFIXES: &[&str] = &[
    "/Index/",
    "/Repay/",
    "/Loan/",
    "/Info/",
    "/Feedback/",
    "/Contact/",
    "/Public/",
    "/gateway/",
    "/__sandbox/",
];

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

pub fn is_api_path(path: &str) -> bool {
    API_PREFIXES.iter().any(|p| path.starts_with(p))
}

fn extension(path: &str) -> String {
    path.rsplit_once('.')
        .filter(|(_, e)| !e.contains('/'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

pub fn content_type(path: &str) -> &'static str {
    match extension(path).as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Text and wasm: worth compressing. Images, fonts and archives are
/// compressed already (SVG is text).
pub fn is_compressible(path: &str) -> bool {
    matches!(
        extension(path).as_str(),
        "html"
            | "htm"
            | "js"
            | "mjs"
            | "css"
            | "wasm"
            | "json"
            | "map"
            | "webmanifest"
            | "svg"
            | "txt"
            | "xml"
            | "ftl"
    )
}

/// A response body encoding (`Content-Encoding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

/// Brotli if `Accept-Encoding` accepts `br`, else gzip if it accepts `gzip`,
/// else identity. `q=0` refuses a coding; `*` stands for those not named.
pub fn negotiate(headers: &HeaderMap) -> Encoding {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let slot = match name.as_str() {
                "br" => &mut br,
                "gzip" | "x-gzip" => &mut gzip,
                "*" => &mut any,
                _ => continue,
            };
            *slot = Some(q > 0.0);
        }
    }
    if br.or(any).unwrap_or(false) {
        Encoding::Brotli
    } else if gzip.or(any).unwrap_or(false) {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Brotli at quality 11, window 22 (what precompressed static files get).
pub fn brotli_compress(raw: &[u8]) -> Vec<u8> {
    use brotli::ffi::compressor::{
        BrotliEncoderCompress, BrotliEncoderMaxCompressedSize, BrotliEncoderMode,
    };
    let mut out = vec![0u8; BrotliEncoderMaxCompressedSize(raw.len()).max(64)];
    let mut size = out.len();
    // SAFETY: the input pointer and length are those of `raw`, the output
    // pointer and `size` those of `out`; the encoder writes at most `size`
    // bytes and stores in `size` how many it wrote.
    let ok = unsafe {
        BrotliEncoderCompress(
            11,
            22,
            BrotliEncoderMode::BROTLI_MODE_GENERIC,
            raw.len(),
            raw.as_ptr(),
            &mut size,
            out.as_mut_ptr(),
        )
    };
    assert!(ok == 1 && size <= out.len(), "brotli failed in memory");
    out.truncate(size);
    out
}

/// Gzip at level 9.
pub fn gzip_compress(raw: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(raw.len() / 3 + 64),
        flate2::Compression::best(),
    );
    encoder.write_all(raw).expect("compressing in memory");
    encoder.finish().expect("compressing in memory")
}

/// A file's bytes and, for a compressible type, its brotli and gzip forms
/// (each kept only if smaller than the file).
#[derive(Debug)]
pub struct Asset {
    /// Modification time and length the bytes were read at.
    stamp: (Option<SystemTime>, u64),
    compressible: bool,
    raw: Bytes,
    br: Option<Bytes>,
    gzip: Option<Bytes>,
}

impl Asset {
    pub fn new(raw: Vec<u8>, compressible: bool) -> Self {
        let smaller = |c: Vec<u8>| (c.len() < raw.len()).then(|| Bytes::from(c));
        let (br, gzip) = if compressible {
            (smaller(brotli_compress(&raw)), smaller(gzip_compress(&raw)))
        } else {
            (None, None)
        };
        Asset {
            stamp: (None, raw.len() as u64),
            compressible,
            raw: Bytes::from(raw),
            br,
            gzip,
        }
    }

    /// The body for `encoding`, falling back to the raw bytes.
    pub fn body(&self, encoding: Encoding) -> (Bytes, Encoding) {
        match (encoding, &self.br, &self.gzip) {
            (Encoding::Brotli, Some(b), _) => (b.clone(), Encoding::Brotli),
            (Encoding::Brotli | Encoding::Gzip, _, Some(g)) => (g.clone(), Encoding::Gzip),
            _ => (self.raw.clone(), Encoding::Identity),
        }
    }

    /// Raw, brotli and gzip sizes.
    pub fn sizes(&self) -> (usize, usize, usize) {
        let len = |b: &Option<Bytes>| b.as_ref().map_or(self.raw.len(), |b| b.len());
        (self.raw.len(), len(&self.br), len(&self.gzip))
    }

    /// A `200` with `content_type`, `cache`, and the best body `request` accepts.
    pub fn response(
        &self,
        request: &HeaderMap,
        content_type: &'static str,
        cache: &'static str,
    ) -> Response {
        let (body, encoding) = self.body(negotiate(request));
        let mut res = (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, cache),
            ],
            body,
        )
            .into_response();
        let headers = res.headers_mut();
        if self.compressible {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        match encoding {
            Encoding::Brotli => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"))
            }
            Encoding::Gzip => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))
            }
            Encoding::Identity => None,
        };
        res
    }
}

/// Files read so far, by path. A drop-in rebuild of `dist/` leaves old
/// hashed names behind; the cache is emptied past this many bytes.
static CACHE: LazyLock<Mutex<HashMap<PathBuf, Arc<Asset>>>> = LazyLock::new(Default::default);
const CACHE_LIMIT_BYTES: usize = 256 * 1024 * 1024;

fn stamp(meta: &std::fs::Metadata) -> (Option<SystemTime>, u64) {
    (meta.modified().ok(), meta.len())
}

fn cached(path: &Path, meta: &std::fs::Metadata) -> Option<Arc<Asset>> {
    let cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    cache.get(path).filter(|a| a.stamp == stamp(meta)).cloned()
}

/// A file from the cache, or read (and compressed) now and cached. Blocking.
pub fn load_blocking(path: &Path) -> Option<Arc<Asset>> {
    let mut file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    if let Some(hit) = cached(path, &meta) {
        return Some(hit);
    }
    let mut raw = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut raw).ok()?;
    let mut asset = Asset::new(raw, is_compressible(&path.to_string_lossy()));
    asset.stamp = stamp(&meta);
    let asset = Arc::new(asset);
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    let held: usize = cache.values().map(|a| a.raw.len() * 2).sum();
    if held > CACHE_LIMIT_BYTES {
        cache.clear();
    }
    cache.insert(path.to_path_buf(), asset.clone());
    Some(asset)
}

/// [`load_blocking`] for async code: a cache hit costs one `stat`; a miss
/// reads and compresses on the blocking pool.
pub async fn load(path: &Path) -> Option<Arc<Asset>> {
    let meta = tokio::fs::metadata(path).await.ok()?;
    if !meta.is_file() {
        return None;
    }
    if let Some(hit) = cached(path, &meta) {
        return Some(hit);
    }
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || load_blocking(&path))
        .await
        .ok()?
}

/// What [`precompress`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Precompressed {
    pub files: usize,
    pub raw: usize,
    pub br: usize,
    pub gzip: usize,
}

/// Reads and compresses every compressible file under `dist` into the cache
/// (blocking: run it before serving, off the async threads).
pub fn precompress(dist: &Path) -> Precompressed {
    let mut done = Precompressed::default();
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if is_compressible(&path.to_string_lossy()) {
                if let Some(asset) = load_blocking(&path) {
                    let (raw, br, gzip) = asset.sizes();
                    done.files += 1;
                    done.raw += raw;
                    done.br += br;
                    done.gzip += gzip;
                }
            }
        }
    }
    done
}

/// `GET /__sandbox/floor/{oid}`: the benchmark's floor, a hand-written page
/// that shows the amount due with one API call and no framework
/// (`end2end/bench/floor.html`).
pub async fn floor_page(headers: HeaderMap) -> Response {
    static FLOOR: LazyLock<Asset> = LazyLock::new(|| {
        Asset::new(
            include_str!("../../end2end/bench/floor.html")
                .as_bytes()
                .to_vec(),
            true,
        )
    });
    FLOOR.response(&headers, "text/html; charset=utf-8", NO_CACHE)
}

/// A content-hashed name: `-<16+ hex digits>` right before the extension
/// (or before `_bg`-style suffixes, as Trunk writes `app-<hash>_bg.wasm`).
pub fn is_hashed(file_name: &str) -> bool {
    let bytes = file_name.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        if *b != b'-' {
            return false;
        }
        let run = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        let end = i + 1 + run;
        run >= 16 && end < bytes.len() && matches!(bytes[end], b'.' | b'_')
    })
}

/// `%XX` escapes (UTF-8); `None` on a malformed escape. The app leaves
/// this to the browser's URL parser; the sandbox can't depend on the app
/// crate (a wasm, Leptos build) anyway.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A relative path inside the app folder, refusing `..` and the like.
fn safe_relative(rel: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') || p.contains('\0') || p.contains(':') => return None,
            p => out.push(p),
        }
    }
    Some(out)
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>"),
    )
        .into_response()
}

async fn file_response(path: &Path, cache: &'static str, request: &HeaderMap) -> Option<Response> {
    let asset = load(path).await?;
    Some(asset.response(request, content_type(&path.to_string_lossy()), cache))
}

fn generated_config(app: &Shared) -> Response {
    let body = serde_json::json!({
        "apiBase": "",
        "currency": "MXN",
        "serverUtcOffsetMinutes": app.offset(),
        "defaultLocale": "es",
    });
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, NO_CACHE),
        ],
        body.to_string(),
    )
        .into_response()
}

/// Adds the build's Content-Security-Policy (`csp.txt` beside `index.html`,
/// written by `scripts/csp.py` after each Trunk build) to an `index.html`
/// response, as production must send it; without the file, none.
async fn with_csp(mut res: Response, dist: &Path) -> Response {
    let Ok(policy) = tokio::fs::read_to_string(dist.join("csp.txt")).await else {
        return res;
    };
    if let Ok(value) = header::HeaderValue::from_str(policy.trim()) {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

/// Everything no route claimed: the app's files and routes, or 404.
pub async fn fallback(
    State(app): State<Shared>,
    method: Method,
    uri: Uri,
    request: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return not_found();
    }
    let path = uri.path();
    if is_api_path(path) {
        return not_found();
    }
    let base = app.settings.base.as_str();
    if base != "/" && (path == "/" || path == base.trim_end_matches('/')) {
        return Redirect::to(base).into_response();
    }
    let Some(rel) = path
        .strip_prefix(base)
        .and_then(percent_decode)
        .and_then(|r| safe_relative(&r))
    else {
        return not_found();
    };
    let rel_str = rel.to_string_lossy().replace('\\', "/");
    let Some(dist) = &app.settings.dist else {
        return match rel_str.as_str() {
            "config.json" => generated_config(&app),
            "" | "index.html" => info_page(&app).into_response(),
            _ => not_found(),
        };
    };
    if rel_str == "config.json" {
        return match file_response(&dist.join(&rel), NO_CACHE, &request).await {
            Some(res) => res,
            None => generated_config(&app),
        };
    }
    let file = dist.join(&rel);
    if !rel_str.is_empty() && rel_str != "index.html" && file.is_file() {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cache = if is_hashed(&name) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        if let Some(res) = file_response(&file, cache, &request).await {
            return res;
        }
    }
    match file_response(&dist.join("index.html"), NO_CACHE, &request).await {
        Some(res) => with_csp(res, dist).await,
        None => (
            StatusCode::NOT_FOUND,
            Html("<!DOCTYPE html><h1>index.html is missing from --dist</h1>"),
        )
            .into_response(),
    }
}

/// The page at `--base` when no `--dist` is given.
fn info_page(app: &Shared) -> Html<String> {
    let world = app.world();
    let rows: String = world
        .accounts
        .iter()
        .map(|a| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                a.username, a.password, a.state, a.loan.oid, a.loan.bill_id
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CashGo sandbox</title></head>\
         <body style=\"font-family:sans-serif\"><h1>CashGo sandbox</h1>\
         <p>No <code>--dist</code> given: only the API is served. Password for every account: <code>{}</code>.</p>\
         <table border=\"1\" cellpadding=\"4\"><tr><th>username</th><th>password</th><th>state</th><th>order number</th><th>bill id</th></tr>{rows}</table>\
         <p>Inspect: <a href=\"/__sandbox/state\">/__sandbox/state</a></p></body></html>",
        seed::PASSWORD
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("cashgo-web-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("cashgo-web-0123456789abcdef.js"));
        assert!(is_hashed("style-0123456789abcdef0123.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("cashgo-web-0123.js"));
        assert!(!is_hashed("logo-0123456789abcdefg.png"));
        assert!(!is_hashed("x-0123456789abcdef"));
    }

    #[test]
    fn accept_encoding() {
        let neg = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            negotiate(&h)
        };
        assert_eq!(negotiate(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(neg("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(neg("BR"), Encoding::Brotli);
        assert_eq!(neg("gzip"), Encoding::Gzip);
        assert_eq!(neg("br;q=0, gzip;q=0.8"), Encoding::Gzip);
        assert_eq!(neg("br; q=0.0, gzip;q=0"), Encoding::Identity);
        assert_eq!(neg("identity"), Encoding::Identity);
        assert_eq!(neg("*"), Encoding::Brotli);
        assert_eq!(neg("br;q=0, *"), Encoding::Gzip);
        assert!(is_compressible("pkg/app_bg.wasm") && is_compressible("a/b.SVG"));
        assert!(!is_compressible("logo.png") && !is_compressible("v1.0/README"));
    }

    #[test]
    fn compressed_forms_round_trip() {
        let raw = "hola mundo ".repeat(500).into_bytes();
        let asset = Asset::new(raw.clone(), true);
        let (_, br, gz) = asset.sizes();
        assert!(br < raw.len() / 10 && gz < raw.len() / 10);
        let (body, enc) = asset.body(Encoding::Brotli);
        assert_eq!(enc, Encoding::Brotli);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut out).unwrap();
        assert_eq!(out, raw);
        assert!(!brotli_compress(b"").is_empty());
        let tiny = Asset::new(b"{}".to_vec(), true);
        assert_eq!(tiny.body(Encoding::Brotli).1, Encoding::Identity);
        let png = Asset::new(raw.clone(), false);
        assert_eq!(
            png.body(Encoding::Brotli),
            (Bytes::from(raw), Encoding::Identity)
        );
    }

    #[test]
    fn safe_paths() {
        assert!(safe_relative("a/../b").is_none());
        assert_eq!(safe_relative("pkg//a.js"), Some(PathBuf::from("pkg/a.js")));
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert!(percent_decode("%zz").is_none());
    }
}
