"""PDF downloads: the one-pager, mini-toolkit and facilitator guide of each audience, per
language, rendered by WeasyPrint (paged CSS, no JavaScript, no browser).

Each PDF is made from its built page: the page's article (the content, as the site shows
it) goes into a small print document with its own stylesheet (pdf.css beside this file)
and the site's flowchart.css. The document's base address is the page's address on the
portal (site_url), so links to other pages of the site point to the portal in the PDF;
every file the document needs (stylesheets, images) is read from the built site, the fonts
from the machine's DejaVu files, and nothing else is fetched.

A PDF is rendered again only when its print document changed: the cache (.cache/pdf,
outside site/) is keyed by the document, the stylesheets, the fonts and WeasyPrint's version.
"""
from __future__ import annotations

import hashlib
import json
import mimetypes
import re
import shutil
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urljoin

from babel import Locale
from babel.numbers import format_decimal

from .. import interface

PDF_CSS = Path(__file__).with_name("pdf.css")
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local/share/fonts", Path.home() / ".fonts")
FONTS = {("normal", "normal"): "DejaVuSans.ttf", ("bold", "normal"): "DejaVuSans-Bold.ttf",
         ("normal", "italic"): "DejaVuSans-Oblique.ttf",
         ("bold", "italic"): "DejaVuSans-BoldOblique.ttf"}
DIAGRAM_HEIGHTS = (195, 175, 155, None)  # mm; None: pdf.css's own (the smallest)
REQUIRED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # fonts-dejavu-core
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
PLACEHOLDER = re.compile(r'<span class="pdf-download__facts" data-pdf="([^"]+)"></span>')


KINDS = ("one-pager", "toolkit", "facilitator-guide")


def pdf_name(audience: str, kind: str, language: str) -> str:
    """ct-employers-one-pager-az.pdf: says what it is wherever it is saved or sent."""
    return f"ct-{audience}-{kind}-{language}.pdf"


def enabled(value) -> bool:
    """extra.pdf of mkdocs.yml (PDF=yes|no from the environment; `make site` says yes)."""
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class PdfError(Exception):
    """A problem that stops the build, said so that the maintainer can act on it."""


@dataclass(frozen=True)
class PdfDocument:
    page: str        # the built page it is made from, relative to site/
    target: str      # the PDF, relative to site/
    language: str
    title: str
    kind: str        # one of KINDS
    footer: str      # the content version and date

    @property
    def one_page(self) -> bool:
        return self.kind == "one-pager"


@dataclass(frozen=True)
class Rendered:
    document: PdfDocument
    pages: int
    size: int        # bytes
    seconds: float   # 0 when it came from the cache


# The page of an audience's toolkit folder (toolkits/<audience>/) each kind is made from.
PAGES = {"toolkit": "index.html", "facilitator-guide": "facilitator.html",
         "one-pager": "one-pager.html"}


def toolkit_documents(audience: str, language: str, folder: str, titles: dict[str, str],
                      footer: str) -> list[PdfDocument]:
    """The PDFs of one audience's toolkit in one language, from the pages in `folder`
    ('az/toolkits/employers'): one per kind in `titles` (kind -> the document's title)."""
    return [PdfDocument(f"{folder}/{PAGES[kind]}",
                        f"{folder}/{pdf_name(audience, kind, language)}", language, title,
                        kind, footer)
            for kind, title in titles.items()]


def facts(rendered: Rendered) -> str:
    """'(PDF, 3 pages, 120 KB)' in the document's language, for the links to it."""
    language = rendered.document.language
    form = Locale.parse(language).plural_form(rendered.pages)
    pages = interface.text(f"pdf_pages_{form}", language, n=rendered.pages)
    kilobytes = rendered.size / 1024
    size = (interface.text("pdf_kilobytes", language,
                           size=format_decimal(round(kilobytes), locale=language))
            if kilobytes < 1000 else
            interface.text("pdf_megabytes", language,
                           size=format_decimal(round(kilobytes / 1024, 1), locale=language)))
    return interface.text("pdf_facts", language, pages=pages, size=size)


def find_fonts() -> dict[str, Path]:
    """The DejaVu font files on this machine, by file name."""
    found: dict[str, Path] = {}
    for folder in FONT_FOLDERS:
        if folder.is_dir():
            for name in FONTS.values():
                if name not in found:
                    found.update({name: path for path in folder.rglob(name)})
    missing = [name for name in REQUIRED_FONTS if name not in found]
    if missing:
        raise PdfError(
            f"the PDFs need the DejaVu fonts ({', '.join(missing)} not found in "
            f"{', '.join(str(f) for f in FONT_FOLDERS)}): they cover every Azerbaijani and "
            "Russian letter and are embedded in each PDF. Install them with `sudo make fonts` "
            "(Debian/Ubuntu package fonts-dejavu-core), or build without PDFs: PDF=no make site.")
    return found


def font_faces(fonts: dict[str, Path]) -> str:
    """@font-face rules for the PDF font, from the files found (no synthetic bold)."""
    rules = []
    for (weight, style), name in FONTS.items():
        if name in fonts:
            rules.append(f'@font-face {{ font-family: "PDF Sans"; font-weight: {weight}; '
                         f'font-style: {style}; src: url("{fonts[name].as_uri()}"); }}')
    return "\n".join(rules)


def print_document(page_html: str, document: PdfDocument, faces: str) -> str:
    """The print document of a built page: its article, the PDF stylesheet, the footer."""
    found = ARTICLE.search(page_html)
    if found is None:
        raise PdfError(f"{document.page}: no article found in the built page")
    # The diagrams' text in the PDF font (an SVG does not take it from the stylesheet).
    article = SCRIPT.sub("", found.group(1)).replace(
        '<svg ', '<svg font-family="PDF Sans" ')
    footer = document.footer.replace("\\", "\\\\").replace('"', '\\"')
    return (f'<!DOCTYPE html>\n<html lang="{document.language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(document.title)}</title>\n"
            f'<link rel="stylesheet" href="{_up(document.page)}stylesheets/flowchart.css">\n'
            f"<style>\n{faces}\n{PDF_CSS.read_text(encoding='utf-8')}\n"
            f'@page {{ @bottom-left {{ content: "{footer}"; }} }}\n</style>\n</head>\n'
            f'<body class="pdf pdf--{document.kind}">\n<main class="md-typeset">{article}</main>\n'
            "</body>\n</html>\n")


def _up(page: str) -> str:
    """From a page's folder back to the site's root ("../../" for toolkits/x/y.html)."""
    return "../" * page.count("/")


class _SiteFetcher:
    """Reads what a print document needs from the built site and the font files; refuses
    anything else, so that a PDF never depends on the network."""

    def __init__(self, site: Path, site_url: str, fonts: dict[str, Path]):
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        self.site, self.site_url = site, site_url
        self.fonts = {path.as_uri() for path in fonts.values()}
        self.response = URLFetcherResponse
        outer = self

        class Fetcher(URLFetcher):
            def fetch(self, url, headers=None):
                return outer.fetch(url)

        self.fetcher = Fetcher(fail_on_errors=True)

    def fetch(self, url: str):
        if url in self.fonts:
            path = Path(unquote(url.removeprefix("file://")))
        elif url.startswith(self.site_url):
            path = self.site / unquote(url[len(self.site_url):].split("#")[0].split("?")[0])
        else:
            raise PdfError(f"a PDF would fetch {url}, which is not part of the site")
        if not path.is_file():
            raise PdfError(f"a PDF needs {url}, which is not in the built site")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return self.response(url, path.read_bytes(), {"Content-Type": content_type})


def render_pdfs(site: Path, documents: list[PdfDocument], site_url: str, cache: Path,
                log=None) -> list[Rendered]:
    """Every document as a PDF in the site, from the cache when nothing in it changed."""
    import weasyprint  # imported here: `make serve` and builds without PDFs never load it
    from weasyprint.urls import FatalURLFetchingError

    fonts = find_fonts()
    faces = font_faces(fonts)
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    fetcher = _SiteFetcher(site, site_url, fonts)
    styles = "".join(path.read_text(encoding="utf-8") for path in
                     (PDF_CSS, site / "stylesheets" / "flowchart.css"))
    cache.mkdir(parents=True, exist_ok=True)
    rendered = []
    for document in documents:
        html = print_document((site / document.page).read_text(encoding="utf-8"), document,
                              faces)
        key = hashlib.sha256("\0".join([weasyprint.__version__, repr(DIAGRAM_HEIGHTS), styles,
                                         html, *sorted(
            f"{p.name}:{p.stat().st_size}" for p in fonts.values())]).encode()).hexdigest()[:32]
        cached, facts = cache / f"{key}.pdf", cache / f"{key}.json"
        target = site / document.target
        target.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if cached.is_file() and facts.is_file():
            pages = json.loads(facts.read_text())["pages"]
            seconds = 0.0
        else:
            # A one-pager's diagram as large as the page allows: the tallest that still
            # leaves the whole sheet on one page (pdf.css has the smallest).
            for height in (DIAGRAM_HEIGHTS if document.one_page else (None,)):
                sized = html if height is None else html.replace(
                    "</style>", f".pdf--one-pager .flowchart__svg--wide {{ max-height: "
                    f"{height}mm; }}\n</style>", 1)
                try:
                    pdf = weasyprint.HTML(string=sized, base_url=urljoin(site_url, document.page),
                                          url_fetcher=fetcher.fetcher).render()
                except FatalURLFetchingError as error:  # the reason is the PdfError behind it
                    raise PdfError(f"{document.page}: {error.__cause__ or error}") from None
                pages = len(pdf.pages)
                if pages == 1:
                    break
            pdf.write_pdf(cached, pdf_variant=None)
            facts.write_text(json.dumps({"pages": pages, "page": document.page}))
            seconds = time.perf_counter() - started
            if log:
                log(f"PDF {document.target}: {pages} page(s), {seconds:.1f} s")
        if document.one_page and pages != 1:
            cached.unlink()
            raise PdfError(f"{document.target} ({document.language}): the one-pager takes "
                           f"{pages} pages in PDF; it must fit exactly one A4 page. Shorten "
                           f"its text or flowchart (the source is the one-pager of this "
                           f"audience in toolkits/, language '{document.language}').")
        shutil.copyfile(cached, target)
        rendered.append(Rendered(document, pages, target.stat().st_size, seconds))
    return rendered


def fill_in_facts(site: Path, rendered: list[Rendered], describe,
                  pages: list[str]) -> dict[str, str]:
    """Write each PDF's size and page count into the links that point to it
    (`describe(rendered) -> text`; the pages were written before the PDFs existed).
    `pages`: the pages with such links (built_pages.py). Returns their new text, by path."""
    by_target = {r.document.target: r for r in rendered}
    written = {}
    for path in pages:
        page = site / path
        html = page.read_text(encoding="utf-8")

        def facts(match: re.Match) -> str:
            found = by_target.get(match.group(1))
            if found is None:
                raise PdfError(f"{path} links to {match.group(1)}, which was not made")
            return f'<span class="pdf-download__facts">{escape(describe(found))}</span>'

        written[path] = PLACEHOLDER.sub(facts, html)
        page.write_text(written[path], encoding="utf-8")
    return written
