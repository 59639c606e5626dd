"""Sizes of a wasm module's functions by name and by crate (used by scripts/wasm-profile).

Reads the code section (each function body's size) and the "name" custom
section (function names, as wasm-bindgen demangled them). A function is
counted under the first crate-like path segment of its name, with the
generic arguments dropped, so `tachys::view::…<cashgo_web::…>` counts for
tachys: the framework code that the app's types stamp out.
"""
import re
import sys
from collections import Counter


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        yield sid, data[j : j + size]
        i = j + size


def main(path, top, patterns=()):
    data = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    data_bytes = 0
    for sid, body in sections(data):
        if sid == 2:  # imports: count imported functions (they come first in the index space)
            n, i = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(body, i)
                    i += ln
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, j = leb(body, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 11:
            data_bytes = len(body)
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i : i + ln] != b"name":
                continue
            i += ln
            while i < len(body):
                sub = body[i]
                size, j = leb(body, i + 1)
                if sub == 1:
                    n, k = leb(body, j)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        ln, k = leb(body, k)
                        names[idx] = body[k : k + ln].decode("utf-8", "replace")
                        k += ln
                i = j + size
    total_code = sum(bodies)
    by_crate = Counter()
    rows = []
    for n, size in enumerate(bodies):
        name = names.get(imported + n, f"func[{imported + n}]")
        rows.append((size, name))
        by_crate[crate_of(name)] += size
    print(f"  code {total_code / 1000:.1f} KB in {len(bodies)} functions, data {data_bytes / 1000:.1f} KB, file {len(data) / 1000:.1f} KB (names kept)")
    print("  by crate (code bytes):")
    for crate, size in by_crate.most_common(25):
        print(f"    {size / 1000:8.1f} KB {100 * size / total_code:5.1f} %  {crate}")
    for pattern in patterns:
        hits = [(size, name) for size, name in rows if re.search(pattern, name)]
        print(f"  matching /{pattern}/: {sum(s for s, _ in hits) / 1000:.1f} KB in {len(hits)} functions")
    print(f"  largest {top} functions:")
    for size, name in sorted(rows, reverse=True)[:top]:
        print(f"    {size:7d}  {name[:150]}")


def crate_of(name):
    # `<T as core::ops::Drop>::drop` counts for T's crate; closures and
    # generics keep their outer path.
    n = name
    # `<T as tachys::view::Render>::build`: a generic instance of the trait's crate.
    m = re.match(r"<[A-Za-z_][A-Za-z0-9_]* as ([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::", n)
    if m:
        return m.group(1)
    n = re.sub(r"\[[0-9a-f]+\]", "", n)
    if n.startswith("<"):
        n = n[1:]
    n = re.sub(r"^(dyn |&mut |&|\*const |\*mut |\[)", "", n)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", n)
    if not m:
        return "(unnamed)" if name.startswith("func[") else "(other)"
    return m.group(1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40, sys.argv[3:])
