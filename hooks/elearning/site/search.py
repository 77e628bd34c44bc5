"""Search that works offline, in every language, each language with an index of its own.

static-i18n merges the search entries of every language into one index at the site root,
which every page then loads: about 1 MB, most of it in languages the reader does not read.
Here the merged index is split into one index per language (site/search/, site/az/search/,
...), and each page's Material configuration points its search at its own language's
folder. Material's offline plugin inlines the index into search_index.js for file://; that
copy is written again for each language.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = "search/search_index.json"
INLINED = "search/search_index.js"  # what Material loads from file://
# Material reads its settings from this JSON; `base` is where it looks for search/.
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)',
                           re.S)


def split_index_by_language(site: Path, languages: tuple[str, ...]) -> dict[str, int]:
    """Write each language's index and its inlined copy; returns the entries per language."""
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    default, *others = languages
    docs: dict[str, list[dict]] = {language: [] for language in languages}
    for doc in merged["docs"]:
        language = next((lang for lang in others if doc["location"] == lang
                         or doc["location"].startswith(lang + "/")), default)
        location = doc["location"] if language == default else \
            doc["location"][len(language):].lstrip("/")
        docs[language].append({**doc, "location": location})
    for language, entries in docs.items():
        folder = site if language == default else site / language
        (folder / "search").mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": merged["config"], "docs": entries},
                          ensure_ascii=False, separators=(",", ":"))
        (folder / INDEX).write_text(data, encoding="utf-8")
        (folder / INLINED).write_text("var __index = " + data, encoding="utf-8")
    return {language: len(entries) for language, entries in docs.items()}


def search_in_own_language(html: str, language_folder: str) -> str:
    """Point the page's search at its language's index: Material fetches
    `search/search_index.json` (or, from file://, `search/search_index.js`) relative to the
    `base` in its configuration, and resolves result links against the same base, so
    both follow the language folder."""
    if not language_folder:
        return html

    def rebase(match: re.Match) -> str:
        base = json.loads(match.group(2))["base"]
        old = f'"base": {json.dumps(base)}'
        new = f'"base": {json.dumps(base.rstrip("/") + "/" + language_folder + "/")}'
        return match.group(1) + match.group(2).replace(old, new, 1) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, html, count=1)
