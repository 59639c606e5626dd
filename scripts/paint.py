"""Builds the first-paint module (`paint/`, issue 14) into a Trunk build and
names it in `index.html`. Run by Trunk after each build (Trunk.toml
`[[hooks]]`, stage post_build, before `scripts/csp.py`), or by hand:
`python3 scripts/paint.py dist/ [--release]`.

- `cargo build -p cashgo-paint --target wasm32-unknown-unknown` (release
  when Trunk builds release: the workspace's opt-level "z", LTO, abort);
- in release, `wasm-opt -Oz` with the same feature flags as the app's wasm
  (index.html), then a strip of every custom section, and copied as
  `cashgo-paint-<16 hex of its SHA-256>.wasm`, a content-hashed name served
  `immutable` like the app's `*_bg.wasm` (`wasm_files.place`, as the app's
  chunks are);
- `index.html`'s `<script data-paint="cashgo-paint.wasm">` (the inline
  script that fetches, runs and inserts it) gets that name.

The inline script in index.html is the module's only glue; its SHA-256 goes
into the CSP like the other inline blocks (`scripts/csp.py` runs after this).
"""
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wasm_files  # noqa: E402

ROOT = wasm_files.ROOT
PLACEHOLDER = "cashgo-paint.wasm"


def build(release):
    cmd = ["cargo", "build", "-q", "-p", "cashgo-paint", "--lib", "--target", "wasm32-unknown-unknown"]
    if release:
        cmd.append("--release")
    subprocess.run(cmd, cwd=ROOT, check=True)
    profile = "release" if release else "debug"
    return os.path.join(wasm_files.target_dir(), "wasm32-unknown-unknown", profile, "cashgo_paint.wasm")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = args[0] if args else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        sys.exit("usage: paint.py DIST_DIR [--release] (or run from Trunk, which sets TRUNK_STAGING_DIR)")
    release = "--release" in sys.argv or os.environ.get("TRUNK_PROFILE") == "release"
    wasm = build(release)
    for old in glob.glob(os.path.join(folder, "cashgo-paint-*.wasm")):
        os.remove(old)
    name = wasm_files.place(wasm, folder, "cashgo-paint", release)

    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    script = re.compile(r'(<script\b[^>]*\bdata-paint=")[^"]*(")')
    html, count = script.subn(lambda m: m.group(1) + name + m.group(2), html)
    if count != 1:
        sys.exit(f"paint.py: index.html needs exactly one <script data-paint=...> (found {count})")
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
