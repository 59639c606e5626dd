//! Request parameters read the way PHP fills `$_POST` / `$_GET`.
//!
//! POST: `application/x-www-form-urlencoded` or `multipart/form-data` bodies
//! (anything else, JSON included, gives no parameters, as in PHP).
//! GET: the query string. Never rejects: problems are reported in `error`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, Method, StatusCode};
use std::convert::Infallible;

/// A file part of a multipart body.
#[derive(Debug, Clone)]
pub struct FilePart {
    pub field: String,
    pub file_name: String,
    pub bytes: Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyError {
    TooLarge,
    Malformed,
}

#[derive(Debug, Default)]
pub struct Params {
    pub fields: Vec<(String, String)>,
    pub files: Vec<FilePart>,
    pub error: Option<BodyError>,
}

impl Params {
    pub fn from_urlencoded(bytes: &[u8]) -> Params {
        Params {
            fields: form_urlencoded::parse(bytes).into_owned().collect(),
            ..Params::default()
        }
    }

    /// Last value of a field (PHP: the last one wins), trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
    }

    /// A field that is present and not blank.
    pub fn nonblank(&self, name: &str) -> Option<&str> {
        self.get(name).filter(|v| !v.is_empty())
    }

    pub fn file(&self, field: &str) -> Option<&FilePart> {
        self.files.iter().rev().find(|f| f.field == field)
    }

    /// PHP arrays: `name[0][field]=v` → entries of (field, value), in the
    /// order their indexes first appear. `name[][field]` starts a new entry
    /// each time, as PHP does; a repeated field keeps its place, last value
    /// wins. One pass, with hash lookups: linear in the number of fields.
    pub fn array_of_maps(&self, name: &str) -> Vec<Vec<(String, String)>> {
        use std::collections::HashMap;
        let mut slots: HashMap<&str, usize> = HashMap::new();
        let mut places: HashMap<(usize, &str), usize> = HashMap::new();
        let mut entries: Vec<Vec<(String, String)>> = Vec::new();
        let prefix = format!("{name}[");
        for (k, v) in &self.fields {
            let Some(rest) = k.strip_prefix(&prefix) else {
                continue;
            };
            let Some((index, rest)) = rest.split_once(']') else {
                continue;
            };
            let Some(field) = rest
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
                .filter(|f| !f.contains('[') && !f.contains(']'))
            else {
                continue;
            };
            let slot = match (index.is_empty(), slots.get(index)) {
                (false, Some(&slot)) => slot,
                (auto, _) => {
                    entries.push(Vec::new());
                    let slot = entries.len() - 1;
                    if !auto {
                        slots.insert(index, slot);
                    }
                    slot
                }
            };
            let entry = &mut entries[slot];
            match places.get(&(slot, field)) {
                Some(&at) => entry[at].1.clone_from(v),
                None => {
                    places.insert((slot, field), entry.len());
                    entry.push((field.to_string(), v.clone()));
                }
            }
        }
        entries
    }
}

impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = Infallible;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if req.method() == Method::GET || req.method() == Method::HEAD {
            let query = req.uri().query().unwrap_or("");
            return Ok(Params::from_urlencoded(query.as_bytes()));
        }
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if content_type.starts_with("application/x-www-form-urlencoded") {
            return Ok(match Bytes::from_request(req, state).await {
                Ok(bytes) => Params::from_urlencoded(&bytes),
                Err(e) => Params {
                    error: Some(if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        BodyError::TooLarge
                    } else {
                        BodyError::Malformed
                    }),
                    ..Params::default()
                },
            });
        }
        if content_type.starts_with("multipart/form-data") {
            let mut params = Params::default();
            let mut multipart = match Multipart::from_request(req, state).await {
                Ok(m) => m,
                Err(_) => {
                    params.error = Some(BodyError::Malformed);
                    return Ok(params);
                }
            };
            loop {
                match multipart.next_field().await {
                    Ok(Some(field)) => {
                        let name = field.name().unwrap_or("").to_string();
                        let file_name = field.file_name().map(str::to_string);
                        match field.bytes().await {
                            Ok(bytes) => match file_name {
                                Some(file_name) => params.files.push(FilePart {
                                    field: name,
                                    file_name,
                                    bytes,
                                }),
                                None => params
                                    .fields
                                    .push((name, String::from_utf8_lossy(&bytes).into_owned())),
                            },
                            Err(e) => {
                                params.error = Some(too_large_or_malformed(e.status()));
                                break;
                            }
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        params.error = Some(too_large_or_malformed(e.status()));
                        break;
                    }
                }
            }
            return Ok(params);
        }
        Ok(Params::default())
    }
}

fn too_large_or_malformed(status: StatusCode) -> BodyError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        BodyError::TooLarge
    } else {
        BodyError::Malformed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_arrays() {
        let p = Params::from_urlencoded(
            "contacts[0][name]=zhangsan&contacts[0][phone]=123&contacts[1][name]=b&contacts[0][relate]=%E7%88%B6%E6%AF%8D&x=1&contacts[1][phone]=9"
                .as_bytes(),
        );
        let a = p.array_of_maps("contacts");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0][0], ("name".into(), "zhangsan".into()));
        assert_eq!(a[0][2], ("relate".into(), "父母".into()));
        assert_eq!(a[1][1], ("phone".into(), "9".into()));
        let p = Params::from_urlencoded(b"contacts[][name]=a&contacts[][phone]=1");
        assert_eq!(p.array_of_maps("contacts").len(), 2);
        // A repeated field keeps its place; the last value wins.
        let p = Params::from_urlencoded(
            b"c[x][a]=1&c[x][b]=2&c[y][a]=3&c[x][a]=4&c[x]=no&c[x][a][z]=no&d[x][a]=no",
        );
        assert_eq!(
            p.array_of_maps("c"),
            vec![
                vec![("a".into(), "4".into()), ("b".into(), "2".into())],
                vec![("a".into(), "3".into())],
            ]
        );
    }
}
