"""One look at every built page, and the checks that stop the build.

Whatever must look at every page takes it from one reading of the page as MkDocs writes it
(on_post_page; on_post_template for 404.html): the inline code the Content-Security-Policy
hashes (policy.py), what the page would load from outside the site (offline.py), Markdown
left raw in its text (raw_markdown.py), its path (sitemap, page count), the hash and sizes
of its bytes (the offline app's lists, app.py) and whether it links to a PDF whose facts are
filled in later. The page is parsed once for all of them, into a tree (in C); Python then
looks only at the few elements a check needs, and at the text only where it may show
Markdown (read_page). After the build (on_post_build) the results are written without
reading the pages again; only the pages the PDF step rewrites are seen again, and HTML files
that no event showed (a .html copied from the content folder) are read once there.

The checks keep their messages: each names the page and, where known, the file it shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from mkdocs.exceptions import PluginError

from .app import FileFacts, file_facts
from . import offline, policy
from .policy import InlineCode
from .raw_markdown import HINT, VERBATIM, raw_markdown

# The placeholder pdf.py fills in with a PDF's size and page count.
PDF_FACTS = b'class="pdf-download__facts"'


# libxml2's HTML parser (lxml) tokenises as browsers do (HTML5, since libxml2 2.14), in C.
# Comments are dropped: the text around one is one text, as a reader sees it (raw_markdown).
_PARSER = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                           remove_pis=True, collect_ids=False)

# What the checks make of an element's attribute names, by names (a few hundred sets on a
# site): nothing to look at, only an href (javascript: needs a ':'), or look.
_PASS, _HREF, _LOOK = 0, 1, 2
_BY_NAMES: dict[tuple[str, ...], int] = {}


def _kind(names: tuple[str, ...]) -> int:
    looked_at = [name for name in names
                 if policy.checks_attribute(name) or offline.checks_attribute(name)]
    return _PASS if not looked_at else _HREF if looked_at == ["href"] else _LOOK


@dataclass
class Reading:
    """What the checks find in one page."""

    inline_code: InlineCode
    external_loads: list[str]
    raw_markdown: list[str]


def read_page(data: bytes, where: str) -> Reading:
    """Parse the page (UTF-8 bytes, line ends as a browser has them) into a tree, in C, and
    hand the checks the few elements they look at: Python passes over the others without
    looking at their text. Tag and attribute names come in lower case, attribute values and
    text unescaped, script and style content as written."""
    root = etree.fromstring(data, _PARSER)
    if root is None:  # nothing but white space or comments
        return Reading(InlineCode(), [], [])
    tops = [root, *root.itersiblings()]  # what follows </html> is a root after it
    code, loads, verbatim = InlineCode(), [], []
    for top in tops:
        for element in top.iter():
            tag = element.tag
            if tag in VERBATIM:
                verbatim.append(element)
            else:
                names = tuple(element.keys())
                kind = _BY_NAMES.get(names)
                if kind is None:
                    kind = _BY_NAMES[names] = _kind(names)
                # The most common case but one, a link in the site: no javascript:, and only
                # a <link> loads its href.
                if kind == _PASS or (kind == _HREF and tag != "link"
                                     and ":" not in element.get("href")):
                    continue
            attributes = element.attrib
            policy.add_inline_code(code, where, tag, attributes, element)
            offline.add_external_loads(loads, tag, attributes)
    return Reading(code, loads, raw_markdown(tops, verbatim))


@dataclass
class PageFacts:
    """What the post-build steps need of one page."""

    inline_code: InlineCode
    external_loads: list[str]
    raw_markdown: list[str]
    links_pdf: bool
    file: FileFacts  # its bytes' hash and sizes, for the offline app's lists (app.py)


@dataclass
class BuiltPages:
    """Every page of one `mkdocs build` (all languages), by path in the site."""

    pages: dict[str, PageFacts] = field(default_factory=dict)
    readings: int = 0  # pages parsed, for the test that each is read once
    compressed: bool = True  # measure each page's gzipped size (app.file_facts)

    def see(self, path: str, html: str, data: bytes | None = None) -> None:
        """Take what the post-build steps need from a page as it is written (`data`: its
        bytes, if not `html` as MkDocs encodes it). A page seen again (404.html is written by
        every language's build; a page the PDF step rewrote) replaces what was seen before,
        as the file does."""
        if data is None:
            data = html.encode("utf-8", errors="xmlcharrefreplace")
        file = file_facts(data, self.compressed)
        if b"\r" in data:  # what a browser tokenises: CR LF and lone CR become LF (hashes)
            data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        reading = read_page(data, path)
        self.readings += 1
        self.pages[path] = PageFacts(reading.inline_code, reading.external_loads,
                                     reading.raw_markdown, PDF_FACTS in data, file)

    def see_files(self, site: Path, paths: list[str] | None = None) -> None:
        """Read pages from the built site: the given paths, or those no event showed."""
        if paths is None:
            paths = [p for p in self.html_files(site) if p not in self.pages]
        for path in paths:
            data = (site / path).read_bytes()
            self.see(path, data.decode("utf-8"), data)

    @staticmethod
    def html_files(site: Path) -> list[str]:
        return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]

    @classmethod
    def of_folder(cls, site: Path, compressed: bool = True) -> BuiltPages:
        """Every page of a site already written (tests, a copy of a built site)."""
        pages = cls(compressed=compressed)
        pages.see_files(site, cls.html_files(site))
        return pages

    def paths(self) -> list[str]:
        """Every page, folder by folder (as sorted paths of the files)."""
        return sorted(self.pages, key=lambda path: path.split("/"))

    def file_facts(self) -> dict[str, FileFacts]:
        """Each page's hash and sizes, by path (app.precache reads no page again)."""
        return {path: facts.file for path, facts in self.pages.items()}

    def linking_pdfs(self) -> list[str]:
        """The pages with a PDF link whose facts are still to be filled in."""
        return [path for path in self.paths() if self.pages[path].links_pdf]

    def inline_code(self) -> InlineCode:
        """The inline code of every page (a script is named by the first page, by path)."""
        found = InlineCode()
        for path in self.paths():
            found.add(self.pages[path].inline_code)
        return found

    def check(self, sources: dict[str, str] | None = None) -> None:
        """Stop the build if a page shows raw Markdown or loads a file from outside the site
        (`sources`: page path -> the file it shows, to name it)."""
        sources = sources or {}
        raw = [f"  {path}{f' (from {sources[path]})' if path in sources else ''}: "
               + "; ".join(self.pages[path].raw_markdown)
               for path in self.paths() if self.pages[path].raw_markdown]
        if raw:
            raise PluginError(f"{len(raw)} page(s) show raw Markdown: {HINT}\n"
                              + "\n".join(raw[:20]))
        offending = [f"  {path}: {load}" for path in self.paths()
                     for load in self.pages[path].external_loads]
        if offending:
            raise PluginError(
                "these pages load files from outside the site, which fails offline and leaks "
                "readers' visits; vendor the file or remove it:\n" + "\n".join(offending[:20]))

    def check_inline_code(self) -> InlineCode:
        """Stop the build if a page has an inline event handler, a javascript: URL or an
        inline script the policy does not allow (policy.py); else the code to hash."""
        found = self.inline_code()
        if found.unsafe:
            raise PluginError(
                "these pages have inline event handlers or javascript: URLs, which the site's "
                "Content-Security-Policy blocks on the portal; use a script file in "
                "overrides/javascripts/ (addEventListener) instead:\n  "
                + "\n  ".join(found.unsafe[:20]))
        unknown = found.unknown_scripts()
        if unknown:
            raise PluginError(
                "these pages carry inline scripts that are not on the list of the theme's and "
                "the project's own (hooks/elearning/site/policy.py), so the "
                "Content-Security-Policy will not allow them. Remove them, or move the code to a "
                "script file in overrides/javascripts/:\n  " + "\n  ".join(unknown[:20]))
        return found
