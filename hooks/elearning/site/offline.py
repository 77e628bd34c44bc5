"""The built site must not load anything from outside itself (USB sticks, no network,
no tracking). This check fails the build if a page would."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

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


def check_no_external_resources(site: Path) -> None:
    offending = []
    for page in sorted(site.rglob("*.html")):
        for load in external_loads(page.read_text(encoding="utf-8")):
            offending.append(f"  {page.relative_to(site).as_posix()}: {load}")
    if offending:
        raise PluginError(
            "these pages load files from outside the site, which fails offline and leaks "
            "readers' visits; vendor the file or remove it:\n" + "\n".join(offending[:20]))
