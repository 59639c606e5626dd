//! Generates the `i18n` module from `locales/*.json` (Spanish is the default).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?;
    let i18n_mod_directory = PathBuf::from(out).join("i18n");
    // `interpolate_display` lets `t_string!` build attribute text (aria-labels, titles).
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("es")?.add_locale("en")?.parse_options(options);
    let translations_infos = TranslationsInfos::parse(cfg)?;
    translations_infos.emit_diagnostics();
    translations_infos.rerun_if_locales_changed();
    translations_infos.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
