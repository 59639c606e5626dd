//! `cashgo-wasm-split IN.wasm OUT_DIR`: splits a wasm linked with
//! `--emit-relocs` at its `#[wasm_split]` points (wasm_split_cli_support,
//! the splitter cargo-leptos uses). Writes `OUT_DIR/main.wasm` (for
//! wasm-bindgen), one `.wasm` per chunk and `__wasm_split.js`, the loader
//! the main module imports. Its `import { initSync } from "./main.js"` is
//! rewritten by scripts/split.py.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: cashgo-wasm-split IN.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    let wasm = match std::fs::read(input) {
        Ok(wasm) => wasm,
        Err(e) => {
            eprintln!("cashgo-wasm-split: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = Path::new(output);
    let main_out = out.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = out;
    options.main_out_path = &main_out;
    match wasm_split_cli_support::transform(options) {
        Ok(split) => {
            for (name, files) in &split.prefetch_map {
                println!("{name}: {}", files.join(" "));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cashgo-wasm-split: {e:?}");
            ExitCode::FAILURE
        }
    }
}
