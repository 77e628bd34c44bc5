"""The built site must not load anything from outside itself (USB sticks, no network,
no tracking). This check fails the build if a page would; the same pass over the pages
looks for Markdown left raw in their text."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from .raw_markdown import HINT, raw_markdown

# (tag, attribute) pairs that make the browser fetch something when the page loads.
LOADING_ATTRIBUTES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"),
                      ("source", "src"), ("audio", "src"), ("video", "src"), ("embed", "src"),
                      ("object", "data"), ("video", "poster"), ("input", "src")}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                     "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"}


class _ExternalLoads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link":
            rels = set((values.get("rel") or "").lower().split())
            if rels & LOADING_LINK_RELS and is_external(values.get("href")):
                self.found.append(f"<link rel={values.get('rel')}> {values['href']}")
            return
        for name, value in attrs:
            if (tag, name) in LOADING_ATTRIBUTES and is_external(value):
                self.found.append(f"<{tag} {name}> {value}")
            if name == "srcset" and value and any(is_external(part.split()[0])
                                                  for part in value.split(",") if part.strip()):
                self.found.append(f"<{tag} srcset> {value}")


def is_external(url: str | None) -> bool:
    url = (url or "").strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:"))


def external_loads(html: str) -> list[str]:
    parser = _ExternalLoads()
    parser.feed(html)
    return parser.found


def check_pages(site: Path, sources: dict[str, str] | None = None) -> int:
    """One pass over the built pages: nothing loaded from outside the site, and no Markdown
    left raw in the text (raw_markdown.py). `sources`: page path -> the file it shows.
    Returns the number of pages."""
    offending, raw = [], []
    sources = sources or {}
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        path = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        for load in external_loads(html):
            offending.append(f"  {path}: {load}")
        found = raw_markdown(html)
        if found:
            source = f" (from {sources[path]})" if path in sources else ""
            raw.append(f"  {path}{source}: " + "; ".join(found))
    if raw:
        raise PluginError(f"{len(raw)} page(s) show raw Markdown: {HINT}\n" + "\n".join(raw[:20]))
    if offending:
        raise PluginError(
            "these pages load files from outside the site, which fails offline and leaks "
            "readers' visits; vendor the file or remove it:\n" + "\n".join(offending[:20]))
    return len(pages)
