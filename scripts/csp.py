"""Writes `csp.txt` beside the built `index.html`: the Content-Security-Policy
the app must be served with (README "Deployment"). Run by Trunk after each
build (Trunk.toml `[[hooks]]`, stage post_build, in TRUNK_STAGING_DIR), or by
hand: `python3 scripts/csp.py dist/`.

The policy allows only what the app needs: its own files, the inline blocks
of `index.html` by their SHA-256 (the early-read script, Trunk's loader, the
loading indicator's styles), WebAssembly compilation, API calls to its own
origin (and to `apiBase`'s when config.json names another one), and images
from any https (or http) origin, as the payment gateway's barcode and logo
come from its own host (CONTRACT Q12). No 'unsafe-inline', no 'unsafe-eval'.
"""
import base64
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlsplit


def inline_hashes(html, tag):
    out = []
    for attrs, body in re.findall(rf"<{tag}\b([^>]*)>(.*?)</{tag}>", html, re.S):
        if "src=" in attrs or not body.strip():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        out.append(f"'sha256-{digest}'")
    return out


def api_origin(folder):
    try:
        with open(os.path.join(folder, "config.json"), encoding="utf-8") as f:
            base = json.load(f).get("apiBase", "")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(base, str):
        return None
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def policy(folder):
    with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
        html = f.read()
    connect = ["'self'"]
    origin = api_origin(folder)
    if origin:
        connect.append(origin)
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'"] + inline_hashes(html, "script")),
        "style-src " + " ".join(["'self'"] + inline_hashes(html, "style")),
        "img-src 'self' data: blob: https: http:",
        "connect-src " + " ".join(connect),
        "font-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        sys.exit("usage: csp.py DIST_DIR (or run from Trunk, which sets TRUNK_STAGING_DIR)")
    text = policy(folder)
    with open(os.path.join(folder, "csp.txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
