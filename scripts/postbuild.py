"""Trunk's post-build hook (Trunk.toml), on the staged build, in this order
(Trunk starts a stage's hooks all at once, so they are one script):

0. the app's chunks (split.py): optimised, named by their hashes, their
   loader and the glue renamed, and each route's list written into
   `index.html`'s boot block (`{{chunks}}`);
1. `index.html`'s boot block: `{{wasm}}` becomes the hashed name of the
   build's wasm (its one download starts there, Trunk.toml says why), and
   each `{{es:key}}` / `{{en:key}}` that entry of `locales/es.json` /
   `en.json` (HTML-escaped), so the page that shows before the wasm (and
   instead of it, if the wasm never starts) speaks from the same catalogs
   as the app; and the HTML comments outside scripts and styles, and the
   scripts' whole-line `//` comments, go (notes for developers, ~1.4 KB of
   brotli on every page load);
2. the Content-Security-Policy: `csp.txt` and `csp-nginx.conf` (csp.py);
3. the service worker `sw.js` and the offline page it serves
   (`offline.html`, `offline.js`; sw.py, README "Offline use"), versioned
   by a hash of this build's files under their final names;
4. release builds only: a brotli (quality 11) and a gzip (level 9) copy
   beside each text file and the wasm (`x.wasm.br`, `x.wasm.gz`), when
   smaller, for the server to send as they are (nginx `brotli_static` and
   `gzip_static`, the sandbox's ServeDir): nothing compresses per request.

By hand: `python3 scripts/postbuild.py DIST_DIR [--release]`.
"""
import gzip
import html
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogs as catalog  # noqa: E402
import csp  # noqa: E402
import split  # noqa: E402
import sw  # noqa: E402

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".xml", ".webmanifest", ".map")


def strip_comments(page):
    """`page` without its HTML comments (and the lines they stood on) and
    the inline scripts' whole-line `//` comments (0.35 KB of brotli on each
    load), before the CSP hashes the scripts as they then are. Nothing else
    in a script or a `<style>` is touched."""
    parts = re.split(r"(<script\b.*?</script>|<style\b.*?</style>)", page, flags=re.S | re.I)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r"[ \t]*<!--.*?-->[ \t]*\n?", "", parts[i], flags=re.S)
    for i in range(1, len(parts), 2):
        if parts[i][:7].lower() == "<script":
            parts[i] = re.sub(r"(?m)^[ \t]*//[^\n]*\n", "", parts[i])
    return "".join(parts)


def fill_index(folder, chunks):
    path = os.path.join(folder, "index.html")
    with open(path, encoding="utf-8") as f:
        page = f.read()
    wasm = [n for n in os.listdir(folder) if n.endswith("_bg.wasm")]
    if "{{wasm}}" in page:
        if len(wasm) != 1:
            sys.exit(f"postbuild: expected one *_bg.wasm in {folder}, found {wasm}")
        # Relative: index.html's <base> (Trunk's public URL) resolves it, at / and /h5/ alike.
        page = page.replace("{{wasm}}", wasm[0])
    # A build without split points has no chunks to fetch early.
    if chunks is None:
        page = page.replace("{{chunks}}", "{}")
    catalogs = catalog.load()
    filled, count = re.subn(
        r"\{\{(es|en):([A-Za-z0-9_.]+)\}\}",
        lambda m: html.escape(catalog.text(catalogs, m.group(1), m.group(2), "postbuild: index.html"), quote=False),
        page,
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(strip_comments(filled))
    return count


def precompress(folder):
    try:
        import brotli
    except ImportError:
        sys.exit("postbuild: Python's brotli module is missing: run scripts/setup (pip install brotli)")
    files = raw_total = br_total = gz_total = 0
    for top, _dirs, names in os.walk(folder):
        for name in names:
            if not name.endswith(COMPRESSIBLE):
                continue
            path = os.path.join(top, name)
            with open(path, "rb") as f:
                raw = f.read()
            br = brotli.compress(raw, quality=11, lgwin=22)
            gz = gzip.compress(raw, compresslevel=9, mtime=0)
            files += 1
            raw_total += len(raw)
            for suffix, data in ((".br", br), (".gz", gz)):
                if len(data) < len(raw):
                    with open(path + suffix, "wb") as f:
                        f.write(data)
            br_total += min(len(br), len(raw))
            gz_total += min(len(gz), len(raw))
    return files, raw_total, br_total, gz_total


def main():
    args = [a for a in sys.argv[1:] if a != "--release"]
    folder = args[0] if args else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        sys.exit("usage: postbuild.py DIST_DIR [--release] (or run from Trunk, which sets TRUNK_STAGING_DIR)")
    release = "--release" in sys.argv or os.environ.get("TRUNK_PROFILE") == "release"
    chunks = split.write(folder, release)
    fill_index(folder, chunks)
    csp.write(folder)
    # After every name is final, before the compressed copies (sw.js has its own).
    sw.write(folder)
    if release:
        started = time.monotonic()
        files, raw, br, gz = precompress(folder)
        print(
            f"postbuild: precompressed {files} files ({raw // 1000} KB raw, {br // 1000} KB brotli, "
            f"{gz // 1000} KB gzip) in {time.monotonic() - started:.1f} s"
        )


if __name__ == "__main__":
    main()
