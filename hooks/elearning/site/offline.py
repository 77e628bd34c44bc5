"""The built site must not load anything from outside itself (USB sticks, no network,
no tracking): the finder below lists what a page would load from elsewhere, as the page is
read (built_pages.py, which stops the build naming the page)."""
from __future__ import annotations

# (tag, attribute) pairs that make the browser fetch something when the page loads.
LOADING_ATTRIBUTES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"),
                      ("source", "src"), ("audio", "src"), ("video", "src"), ("embed", "src"),
                      ("object", "data"), ("video", "poster"), ("input", "src")}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                     "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"}


class ExternalLoadFinder:
    """What one page loads from outside the site, as its parser meets the tags."""

    def __init__(self):
        self.found: list[str] = []

    def starttag(self, tag, attributes):
        if tag == "link":
            rels = set((attributes.get("rel") or "").lower().split())
            if rels & LOADING_LINK_RELS and is_external(attributes.get("href")):
                self.found.append(f"<link rel={attributes.get('rel')}> {attributes['href']}")
            return
        for name, value in attributes.items():
            if (tag, name) in LOADING_ATTRIBUTES and is_external(value):
                self.found.append(f"<{tag} {name}> {value}")
            if name == "srcset" and value and any(is_external(part.split()[0])
                                                  for part in value.split(",") if part.strip()):
                self.found.append(f"<{tag} srcset> {value}")

    endtag = data = None  # it takes neither end tags nor text (built_pages.py)


def is_external(url: str | None) -> bool:
    url = (url or "").strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:"))
