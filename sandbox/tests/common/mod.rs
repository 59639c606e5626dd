//! Test helpers: a sandbox in process, asked through its router
//! (`tower::ServiceExt::oneshot`) by a client that keeps the cookie, never
//! follows redirects and shows raw bodies; and, where a real connection
//! matters (dropped connections, the CLI), a sandbox on a socket and raw
//! TCP exchanges.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use cashgo_sandbox::Settings;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use tokio::runtime::Runtime;
use tower::ServiceExt;

/// 2026-05-20 07:00:00 UTC = 15:00 at UTC+8: "today" is 20-05-2026.
pub const NOW: i64 = 1_779_260_400;
pub const PASSWORD: &str = "demo1234";
/// The port an in-process sandbox's own URLs name (nothing listens there).
pub const IN_PROCESS_PORT: u16 = 8787;

pub struct Server {
    /// The port of its URLs; a real one for [`listen`].
    pub port: u16,
    router: Router,
    runtime: Arc<Runtime>,
}

impl Server {
    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            runtime: self.runtime.clone(),
            cookie: None,
        }
    }

    /// A client signed in as `username`.
    pub fn login(&self, username: &str) -> Client {
        let mut c = self.client();
        let r = c.post_form(
            "/Index/ajaxSignIn",
            &[("username", username), ("password", PASSWORD)],
        );
        assert_eq!(r.json()["status"], 200, "{}", r.text());
        assert!(c.cookie.is_some());
        c
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

pub fn settings() -> Settings {
    Settings {
        now: Some(NOW),
        ..Settings::default()
    }
}

fn runtime() -> Arc<Runtime> {
    Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap(),
    )
}

/// A sandbox in process.
pub fn start() -> Server {
    start_with(settings())
}

pub fn start_with(settings: Settings) -> Server {
    let origin = format!("http://127.0.0.1:{IN_PROCESS_PORT}");
    Server {
        port: IN_PROCESS_PORT,
        router: cashgo_sandbox::app(cashgo_sandbox::state(settings, origin)),
        runtime: runtime(),
    }
}

/// A sandbox also listening on an ephemeral port (for [`raw`] exchanges);
/// its clients still go through the router, to the same state.
pub fn listen() -> Server {
    let runtime = runtime();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let state = cashgo_sandbox::state(settings(), cashgo_sandbox::origin_of(addr));
    runtime.spawn(cashgo_sandbox::serve_state(listener, state.clone()));
    Server {
        port: addr.port(),
        router: cashgo_sandbox::app(state),
        runtime,
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

pub struct Part<'a> {
    pub name: &'a str,
    pub file_name: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub data: &'a [u8],
}

pub fn field<'a>(name: &'a str, value: &'a str) -> Part<'a> {
    Part {
        name,
        file_name: None,
        content_type: None,
        data: value.as_bytes(),
    }
}

pub fn file<'a>(
    name: &'a str,
    file_name: &'a str,
    content_type: &'a str,
    data: &'a [u8],
) -> Part<'a> {
    Part {
        name,
        file_name: Some(file_name),
        content_type: Some(content_type),
        data,
    }
}

pub struct Client {
    router: Router,
    runtime: Arc<Runtime>,
    pub cookie: Option<String>,
}

impl Client {
    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Resp {
        self.request_with(method, path, &[], content_type, body)
    }

    /// A `GET` or `HEAD` with extra request headers (`Accept-Encoding`, …).
    pub fn fetch(&mut self, method: &str, path: &str, headers: &[(&str, &str)]) -> Resp {
        self.request_with(method, path, headers, None, b"")
    }

    pub fn request_with(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        content_type: Option<&str>,
        body: &[u8],
    ) -> Resp {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1");
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        if let Some(c) = &self.cookie {
            req = req.header("cookie", format!("PHPSESSID={c}"));
        }
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        let req = req.body(Body::from(body.to_vec())).unwrap();
        let router = self.router.clone();
        let (parts, body) = self.runtime.block_on(async move {
            let res = router.oneshot(req).await.unwrap();
            let (parts, body) = res.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_else(|e| panic!("{method} {path}: the reply's body failed ({e})"));
            (parts, body)
        });
        let headers: Vec<(String, String)> = parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        for (k, v) in &headers {
            if k == "set-cookie" {
                if let Some(rest) = v.strip_prefix("PHPSESSID=") {
                    let value = rest.split(';').next().unwrap();
                    self.cookie = (value != "deleted").then(|| value.to_string());
                }
            }
        }
        Resp {
            status: parts.status.as_u16(),
            headers,
            body: body.to_vec(),
        }
    }

    pub fn get(&mut self, path: &str) -> Resp {
        self.request("GET", path, None, b"")
    }

    pub fn post(&mut self, path: &str) -> Resp {
        self.post_form(path, &[])
    }

    pub fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.request(
            "POST",
            path,
            Some("application/x-www-form-urlencoded; charset=utf-8"),
            body.as_bytes(),
        )
    }

    pub fn post_multipart(&mut self, path: &str, parts: &[Part]) -> Resp {
        let boundary = "WebAppBoundary1234";
        let mut body = Vec::new();
        for p in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disp = format!("Content-Disposition: form-data; name=\"{}\"", p.name);
            if let Some(f) = p.file_name {
                disp.push_str(&format!("; filename=\"{f}\""));
            }
            body.extend_from_slice(disp.as_bytes());
            body.extend_from_slice(b"\r\n");
            if let Some(ct) = p.content_type {
                body.extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(p.data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.request(
            "POST",
            path,
            Some(&format!("multipart/form-data; boundary={boundary}")),
            &body,
        )
    }
}

/// Send `request` on a new connection and read until the server closes it:
/// the raw bytes of the reply (empty if the server closed without one).
pub fn raw(port: u16, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    // A reset instead of a close also counts as "no reply".
    let _ = stream.read_to_end(&mut raw);
    raw
}

/// A `GET`'s raw bytes (for [`raw`]), closing the connection after it.
pub fn raw_get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").into_bytes()
}

/// A form POST's raw bytes (for [`raw`] and kept-alive connections).
pub fn raw_post(path: &str, cookie: Option<&str>, body: &str, keep_alive: bool) -> Vec<u8> {
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(c) = cookie {
        head.push_str(&format!("Cookie: PHPSESSID={c}\r\n"));
    }
    if !keep_alive {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    head.push_str(body);
    head.into_bytes()
}

/// Server-zone (UTC+8) day string `dd-mm-yyyy` of today + `days`.
pub fn day(days: i64) -> String {
    cashgo_sandbox::time::dmy(today() + days)
}

pub fn today() -> i64 {
    cashgo_sandbox::time::local_day(NOW, 480)
}

/// Midnight (UTC+8) timestamp of today + `days`.
pub fn midnight(days: i64) -> i64 {
    cashgo_sandbox::time::midnight(today() + days, 480)
}

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";
pub const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";
