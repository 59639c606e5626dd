"""The Content-Security-Policy the built app must be served with (README
"Deployment"), written beside the built `index.html` twice: `csp.txt` (the
policy; the sandbox serves it) and `csp-nginx.conf` (the same policy as
nginx's `add_header`, included by deploy/nginx/cashgo.conf). Run by
scripts/postbuild.py, Trunk's post-build hook, or by hand:
`python3 scripts/csp.py dist/`.

The policy allows only what the app needs: its own files, the inline blocks
of `index.html` by their SHA-256 (the early-read script, the boot watchdog,
Trunk's loader, the loading indicator's styles), WebAssembly compilation
('wasm-unsafe-eval': Safari/iOS 16, Chrome/Android WebView 97 and Firefox
102 on; the floor in scripts/wasm-features), API calls to its own origin (and
to `apiBase`'s when config.json names another one), and images from any
https (or http) origin, as the payment gateway's barcode and logo come from
its own host (CONTRACT Q12), and the app's own service worker (`sw.js`,
README "Offline use": `worker-src 'self'`). A directive for a feature the app doesn't use
is left out (no `manifest-src` without a `<link rel="manifest">`: WebKit
reports directives it doesn't know). No 'unsafe-inline', no 'unsafe-eval'.
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


def links_manifest(html):
    return re.search(r"<link\b[^>]*\brel=[\"']?manifest\b", html, re.I) is not None


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
        # The service worker (sw.js): this origin's only.
        "worker-src 'self'",
    ]
    if links_manifest(html):
        directives.append("manifest-src 'self'")
    directives += [
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def nginx_include(text):
    # The policy is hashes, keywords and origins: nothing nginx would read as
    # a variable or an end of string. Refuse rather than write a broken file.
    if re.search(r'["$\\\n;{}]', text.replace("; ", "")):
        sys.exit(f"csp.py: the policy has a character nginx can't take as is: {text}")
    return (
        "# Written by scripts/csp.py for this build; included by deploy/nginx/cashgo.conf.\n"
        f'add_header Content-Security-Policy "{text}" always;\n'
    )


def write(folder):
    text = policy(folder)
    with open(os.path.join(folder, "csp.txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    with open(os.path.join(folder, "csp-nginx.conf"), "w", encoding="utf-8") as f:
        f.write(nginx_include(text))
    return text


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        sys.exit("usage: csp.py DIST_DIR (or run from Trunk, which sets TRUNK_STAGING_DIR)")
    write(folder)


if __name__ == "__main__":
    main()
