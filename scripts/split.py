"""Finishes the app's split (README "Size and speed", issue 14): the first
step of the post-build hook (postbuild.py), on Trunk's staged build.

scripts/wasm-link cut the linked app at its `#[wasm_split]` points
(src/pages/lazy.rs) before Trunk ran wasm-bindgen and wasm-opt on the first
module; it left the chunks and their loader, `__wasm_split.js`, in
`<target>/wasm32-unknown-unknown/<profile>/wasm-split/`. This:

1. checks that they belong to this build (the first module cargo wrote is
   the one the linker split);
2. runs wasm-opt on each chunk as on the first-paint module (release), and
   names each by its content's hash (`chunk_4-<hash>.wasm`), cached for a
   year like Trunk's files (`wasm_files.place`);
3. writes the loader as `split-<hash>.js`, with: those names; the first
   module's exports taken from `globalThis.__cashgoInitSync` (Trunk.toml's
   loader sets it) instead of an import of the glue, which would make the
   glue's name and the loader's depend on each other; and each fetch taking
   the one `index.html` started at parse time, if any;
4. points the glue at it and names the glue by its new content's hash;
5. writes into `index.html` which files each route's chunk needs
   (`{{chunks}}`), so that a deep link fetches them beside the app instead
   of after it.
"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wasm_files  # noqa: E402

ROOT = wasm_files.ROOT
LAZY = os.path.join(ROOT, "src", "pages", "lazy.rs")
LOADER = "__wasm_split.js"


def die(message):
    sys.exit(f"split: {message}")


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def routes():
    """Route (its first path segment) -> split module, from lazy.rs's
    `chunk!(module, <route>_chunk, …)` lines; `home` is `/`."""
    with open(LAZY, encoding="utf-8") as f:
        found = re.findall(r"^chunk!\((\w+), (\w+)_chunk,", f.read(), flags=re.M)
    if not found:
        die(f"no chunk!(…) lines in {LAZY}")
    return {("" if page == "home" else page): module for module, page in found}


def split_dir(release):
    profile_dir = os.path.join(wasm_files.target_dir(), "wasm32-unknown-unknown", "release" if release else "debug")
    return profile_dir, os.path.join(profile_dir, "wasm-split")


def write(folder, release):
    glue = [n for n in os.listdir(folder) if re.fullmatch(r"cashgo-web-[0-9a-f]+\.js", n)]
    if len(glue) != 1:
        die(f"expected one cashgo-web-<hash>.js in {folder}, found {glue}")
    glue_path = os.path.join(folder, glue[0])
    with open(glue_path, encoding="utf-8") as f:
        glue_js = f.read()
    importing = f'from "./{LOADER}"'
    if importing not in glue_js:
        return None  # built without split points
    profile_dir, chunks_dir = split_dir(release)
    try:
        with open(os.path.join(chunks_dir, "main.sha256")) as f:
            expected = f.read().strip()
        with open(os.path.join(profile_dir, "cashgo-web.wasm"), "rb") as f:
            actual = hashlib.sha256(f.read()).hexdigest()
    except OSError as e:
        die(f"the linker's split is missing ({e}): build with scripts/wasm-link as the wasm32 linker (.cargo/config.toml)")
    if expected != actual:
        die(f"{chunks_dir} is from another build of the app: rebuild (touch src/lib.rs)")

    with open(os.path.join(chunks_dir, LOADER), encoding="utf-8") as f:
        loader = f.read()
    names = {}
    for name in sorted(os.listdir(chunks_dir)):
        if not name.endswith(".wasm"):
            continue
        final = wasm_files.place(os.path.join(chunks_dir, name), folder, name[:-5], release)
        names[name[:-5]] = final
        if f'"./{name}"' not in loader:
            die(f"{LOADER} does not name {name}")
        loader = loader.replace(f'"./{name}"', f'"./{final}"')

    header = 'import { initSync } from "./main.js";\n'
    if not loader.startswith(header):
        die(f"{LOADER} does not start with {header!r}: wasm_split_cli_support changed")
    fetch = 'fetch(new URL("./'
    if loader.count(fetch) != len(names):
        die(f"{LOADER}: expected one fetch per chunk")
    loader = (
        "// The first module's exports (Trunk.toml's loader sets this before the app starts).\n"
        "const initSync = (...a) => globalThis.__cashgoInitSync(...a);\n"
        "// A chunk index.html started fetching at parse time is taken once; else fetched here.\n"
        "function early(url) {\n"
        "    const all = globalThis.__cashgoChunks, name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);\n"
        "    const started = all && all[name];\n"
        "    if (started) delete all[name];\n"
        "    return started || fetch(url);\n"
        "}\n" + loader[len(header):].replace(fetch, 'early(new URL("./')
    )
    # The first module's function table, under the name wasm-link gave it.
    table = "const { __indirect_function_table,"
    if loader.count(table) != 1:
        die(f"{LOADER}: expected one {table!r}")
    loader = loader.replace(table, "const { __wasm_split_table: __indirect_function_table,")
    loader_name = f"split-{digest(loader.encode())}.js"
    with open(os.path.join(folder, loader_name), "w", encoding="utf-8") as f:
        f.write(loader)

    # The import only: the wasm's own import module keeps its name.
    glue_js = glue_js.replace(importing, f'from "./{loader_name}"')
    new_glue = f"cashgo-web-{digest(glue_js.encode())}.js"
    with open(os.path.join(folder, new_glue), "w", encoding="utf-8") as f:
        f.write(glue_js)
    if new_glue != glue[0]:
        os.remove(glue_path)

    # Which files each split needs, from the splitter's listing ("rest: chunk_4 split_rest").
    needs = {}
    with open(os.path.join(chunks_dir, "prefetch.txt"), encoding="utf-8") as f:
        for line in f:
            module, _, files = line.partition(":")
            needs[module.strip()] = [names[stem] for stem in files.split()]
    table = {}
    for route, module in routes().items():
        if module not in needs:
            die(f"the splitter made no module {module!r} (route {route!r})")
        table[route] = needs[module]

    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        page = f.read()
    if "{{chunks}}" not in page:
        die("index.html has no {{chunks}}")
    page = page.replace(glue[0], new_glue).replace("{{chunks}}", json.dumps(table, separators=(",", ":")))
    with open(index, "w", encoding="utf-8") as f:
        f.write(page)
    return table
