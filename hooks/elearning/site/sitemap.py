"""sitemap.xml for every page of every language.

static-i18n's sitemap leaves generated pages (courses, tests, toolkits) out, and without the
portal's address it writes "None" for it. This one lists every built page, each with its
translations, under the address set once in mkdocs.yml (site_url), except the maintenance
pages (maintainers/), which are for the coordinator's staff and marked noindex.
"""
from __future__ import annotations

import gzip
import xml.etree.ElementTree as etree
from pathlib import Path

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NOT_LISTED = ("maintainers/",)


def pages_by_language(paths: list[str], languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """path as in the default language -> language -> path of that language's page.
    `paths`: every page of the site, relative to it (built_pages.py)."""
    pages: dict[str, dict[str, str]] = {}
    others = languages[1:]
    for path in sorted(paths, key=lambda path: path.split("/")):
        if path == "404.html" or path.startswith("assets/"):
            continue
        first = path.split("/", 1)[0]
        language, same = (first, path.split("/", 1)[1]) if first in others else (languages[0], path)
        if same.startswith(NOT_LISTED):
            continue
        pages.setdefault(same, {})[language] = path
    return pages


def write_sitemap(site: Path, site_url: str, languages: tuple[str, ...], paths: list[str]) -> int:
    etree.register_namespace("", SITEMAP)
    etree.register_namespace("xhtml", XHTML)
    base = site_url.rstrip("/") + "/"
    urlset = etree.Element(f"{{{SITEMAP}}}urlset")
    count = 0
    for alternates in pages_by_language(paths, languages).values():
        for path in alternates.values():
            url = etree.SubElement(urlset, f"{{{SITEMAP}}}url")
            etree.SubElement(url, f"{{{SITEMAP}}}loc").text = base + path
            for language, other in alternates.items():
                etree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=language,
                                 href=base + other)
            count += 1
    data = etree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
    return count
