//! Test helpers: start a sandbox on an ephemeral port, and a tiny HTTP/1.1
//! client over `std::net::TcpStream` (keeps the cookie, never follows
//! redirects, shows raw bodies).
#![allow(dead_code)]

use cashgo_sandbox::Settings;
use std::io::{Read, Write};
use std::net::TcpStream;

/// 2026-05-20 07:00:00 UTC = 15:00 at UTC+8: "today" is 20-05-2026.
pub const NOW: i64 = 1_779_260_400;
pub const PASSWORD: &str = "demo1234";

pub struct Server {
    pub port: u16,
}

impl Server {
    pub fn client(&self) -> Client {
        Client {
            port: self.port,
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

pub fn start() -> Server {
    start_with(settings())
}

pub fn start_with(settings: Settings) -> Server {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            cashgo_sandbox::serve(listener, settings).await.unwrap();
        });
    });
    Server { port }
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
    pub port: u16,
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
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        if let Some(c) = &self.cookie {
            head.push_str(&format!("Cookie: PHPSESSID={c}\r\n"));
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut body = raw[split + 4..].to_vec();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        for (k, v) in &headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                if let Some(rest) = v.strip_prefix("PHPSESSID=") {
                    let value = rest.split(';').next().unwrap();
                    self.cookie = (value != "deleted").then(|| value.to_string());
                }
            }
        }
        Resp {
            status,
            headers,
            body,
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

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        data = &data[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
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
