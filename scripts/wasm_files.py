"""What the post-build steps share for the wasm files they add beside
Trunk's own (paint.py: the first-paint module; split.py: the app's chunks):
where cargo put them, and how each is finished and named."""
import hashlib
import os
import re
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    """cargo's target directory (honours CARGO_TARGET_DIR and the config)."""
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return re.search(r'"target_directory":"([^"]+)"', out).group(1)


def wasm_opt_features():
    """The feature flags Trunk gives wasm-opt for the app (index.html's
    `data-wasm-opt-params`): those rustc (>= 1.87) emits by default."""
    with open(os.path.join(ROOT, "index.html"), encoding="utf-8") as f:
        found = re.search(r'data-wasm-opt-params="([^"]*)"', f.read())
    if not found:
        raise SystemExit("index.html has no data-wasm-opt-params")
    return found.group(1).split()


def place(source, folder, stem, release):
    """`source` into `folder` as `<stem>-<16 hex of its SHA-256>.wasm`, a
    content-hashed name (served `immutable` like Trunk's files): in release
    through `wasm-opt -Oz` with the app's features and every custom section
    stripped, as it is otherwise. Returns the name."""
    staged = os.path.join(folder, f"{stem}.tmp.wasm")
    if release:
        subprocess.run(
            ["wasm-opt", "-Oz", *wasm_opt_features(), "--strip-debug", "--strip-producers",
             "--strip-target-features", source, "-o", staged],
            check=True,
        )
    else:
        shutil.copyfile(source, staged)
    with open(staged, "rb") as f:
        name = f"{stem}-{hashlib.sha256(f.read()).hexdigest()[:16]}.wasm"
    os.replace(staged, os.path.join(folder, name))
    return name
