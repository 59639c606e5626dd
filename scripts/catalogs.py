"""The catalogs (`locales/es.json`, `en.json`) for the build scripts that
write their texts into files the wasm doesn't render: `postbuild.py`
(index.html's boot block) and `sw.py` (the offline page). One reader, so a
missing or non-text key fails the build the same way in both."""
import json
import os
import sys

LOCALES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locales")
LANGS = ("es", "en")


def load():
    """Both catalogs, by language code."""
    catalogs = {}
    for lang in LANGS:
        with open(os.path.join(LOCALES, f"{lang}.json"), encoding="utf-8") as f:
            catalogs[lang] = json.load(f)
    return catalogs


def text(catalogs, lang, key, who):
    """The text at dotted `key` in `lang`'s catalog; exits naming `who` (the
    script asking) when it is missing or not a text."""
    node = catalogs[lang]
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            sys.exit(f"{who}: locales/{lang}.json lacks {key}")
        node = node[part]
    if not isinstance(node, str):
        sys.exit(f"{who}: locales/{lang}.json {key} is not a string")
    return node
