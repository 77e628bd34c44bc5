"""One look at every built page, and the checks that stop the build.

Whatever must look at every page takes it from one reading of the page as MkDocs writes it
(on_post_page; on_post_template for 404.html): the inline code the Content-Security-Policy
hashes (policy.py), what the page would load from outside the site (offline.py), Markdown
left raw in its text (raw_markdown.py), its path (sitemap, page count), the hash and sizes
of its bytes (the offline app's lists, app.py) and whether it links to a PDF whose facts are
filled in later. The page is parsed once for all of them. After the
build (on_post_build) the results are written without reading the pages again; only the pages
the PDF step rewrites are seen again, and HTML files that no event showed (a .html copied
from the content folder) are read once there.

The checks keep their messages: each names the page and, where known, the file it shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from mkdocs.exceptions import PluginError

from .app import FileFacts, file_facts
from .offline import ExternalLoadFinder
from .policy import InlineCode, InlineCodeFinder
from .raw_markdown import HINT, RawMarkdownFinder

# The placeholder pdf.py fills in with a PDF's size and page count.
PDF_FACTS = 'class="pdf-download__facts"'


class _OneReading:
    """An lxml parser target that hands every tag and text of a page to each finder, in
    order: one parse for all. A finder that takes no end tags or no text says so with None
    (about 1,800 events a page)."""

    def __init__(self, path: str):
        self.inline, self.loads, self.raw = (InlineCodeFinder(path), ExternalLoadFinder(),
                                             RawMarkdownFinder())
        finders = (self.inline, self.loads, self.raw)
        self._starts = _each(f.starttag for f in finders)
        self.end = _each(f.endtag for f in finders)
        self.data = _each(f.data for f in finders)

    # Not a *args function: lxml would hand it the namespaces as a third argument.
    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self._starts(tag, attributes)

    def close(self) -> None:
        return None


def read_page(html: str, reading: _OneReading) -> None:
    """libxml2's HTML parser (lxml) tokenises as browsers do (HTML5, since libxml2 2.14),
    in C: a fifth of the time of Python's html.parser. Tag and attribute names come in lower
    case, attribute values and text unescaped, script and style content as written."""
    parser = etree.HTMLParser(target=reading, no_network=True)
    parser.feed(html)
    parser.close()


def _each(handlers):
    """One call that makes every call of `handlers` (None: none), in order."""
    handlers = tuple(h for h in handlers if h is not None)
    if len(handlers) == 1:
        return handlers[0]
    if len(handlers) == 2:
        first, second = handlers

        def both(*event):
            first(*event)
            second(*event)
        return both

    def every(*event):
        for handler in handlers:
            handler(*event)
    return every


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
        file = file_facts(data if data is not None
                          else html.encode("utf-8", errors="xmlcharrefreplace"), self.compressed)
        # What a browser tokenises: CR LF and lone CR become LF before hashing.
        html = html.replace("\r\n", "\n").replace("\r", "\n")
        reading = _OneReading(path)
        read_page(html, reading)
        self.readings += 1
        self.pages[path] = PageFacts(reading.inline.found, reading.loads.found,
                                     reading.raw.found(), PDF_FACTS in html, file)

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
