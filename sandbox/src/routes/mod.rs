//! The API endpoints, grouped as the original document groups them.

pub mod auth;
pub mod gateway;
pub mod gateway_images;
pub mod info;
pub mod loans;
pub mod pay;
pub mod sandbox;

use crate::state::World;
use axum::http::{header, HeaderMap};

pub const SESSION_COOKIE: &str = "PHPSESSID";

/// The `PHPSESSID` cookie of a request, if any.
pub fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_string())
}

/// The signed-in account (index into `world.accounts`), if any.
pub fn current_user(world: &World, headers: &HeaderMap) -> Option<usize> {
    let sid = session_id(headers)?;
    world.sessions.get(&sid).copied()
}
