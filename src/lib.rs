include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
pub mod config;
pub mod day;
pub mod money;

pub fn start() {}
