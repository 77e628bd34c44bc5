"""Search that works offline, in every language."""
from __future__ import annotations

from pathlib import Path


def inline_index_for_offline_use(site: Path) -> None:
    """From file:// the browser cannot fetch search_index.json, so Material's offline plugin
    inlines it into search_index.js. It does so per language build, so the inlined copy can
    hold only the last language; write it again from the merged index of all languages."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        (site / "search" / "search_index.js").write_text(
            "var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
