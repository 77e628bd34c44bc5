"""The built site must not load anything from outside itself (USB sticks, no network,
no tracking): add_external_loads lists what a page would load from elsewhere, from the
page's one reading (built_pages.py, which stops the build naming the page)."""
from __future__ import annotations

# (tag, attribute) pairs that make the browser fetch something when the page loads.
LOADING_ATTRIBUTES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"),
                      ("source", "src"), ("audio", "src"), ("video", "src"), ("embed", "src"),
                      ("object", "data"), ("video", "poster"), ("input", "src")}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                     "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"}


def add_external_loads(found: list[str], tag: str, attributes) -> None:
    """Add what one element of a page loads from outside the site; the reading
    (built_pages.read_page) hands over each element with an attribute this looks at
    (checks_attribute)."""
    if tag == "link":
        rels = set((attributes.get("rel") or "").lower().split())
        if rels & LOADING_LINK_RELS and is_external(attributes.get("href")):
            found.append(f"<link rel={attributes.get('rel')}> {attributes['href']}")
        return
    for name, value in attributes.items():
        if (tag, name) in LOADING_ATTRIBUTES and is_external(value):
            found.append(f"<{tag} {name}> {value}")
        if name == "srcset" and value and any(is_external(part.split()[0])
                                              for part in value.split(",") if part.strip()):
            found.append(f"<{tag} srcset> {value}")


def checks_attribute(name: str) -> bool:
    """Whether add_external_loads looks at an attribute of this name."""
    return name in _LOOKED_AT


_LOOKED_AT = {name for _, name in LOADING_ATTRIBUTES} | {"srcset", "href", "rel"}


def is_external(url: str | None) -> bool:
    url = (url or "").strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:"))
