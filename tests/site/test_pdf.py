"""The PDF downloads of the real built site (made once, with the session's built_site):
every audience and language, A4, the expected pages, fonts embedded, text that extracts with
its Azerbaijani and Russian letters, clickable phone numbers, linked with size and pages."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from elearning.site import pdf
from tests.conftest import LANGUAGES
from tests.helpers import pdf_page_texts

PREFIX = {"en": "", "az": "az/", "ru": "ru/"}
pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None,
                                reason="poppler-utils (pdfinfo) is not installed")


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def info(path: Path) -> dict[str, str]:
    return dict(line.split(":", 1) for line in run("pdfinfo", str(path)).splitlines()
                if ":" in line)


def page_texts(path: Path, pages: int) -> list[str]:
    return [" ".join(text.split()) for text in pdf_page_texts(path, pages)]


def documents(curriculum):
    for toolkit in curriculum.toolkits:
        for language in LANGUAGES:
            folder = f"{PREFIX[language]}toolkits/{toolkit.id}"
            for kind in pdf.KINDS:
                yield toolkit, language, kind, f"{folder}/{pdf.pdf_name(toolkit.id, kind, language)}"


def test_every_pdf_opens_in_a4_with_its_pages_fonts_and_footer(built_site, curriculum):
    seen = 0
    for toolkit, language, kind, target in documents(curriculum):
        path = built_site / target
        assert path.is_file(), target
        facts = info(path)
        pages = int(facts["Pages"])
        assert "(A4)" in facts["Page size"], target
        if kind == "one-pager":
            assert pages == 1, f"{target}: {pages} pages"
        else:
            assert pages >= 4, f"{target}: {pages} pages"
        fonts = run("pdffonts", str(path)).splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (target, fonts)
        texts = page_texts(path, pages)
        assert all(texts), f"{target}: a blank page ({[len(t) for t in texts]})"
        for number, text in enumerate(texts, start=1):
            assert re.search(rf"\b{number} ?/ ?{pages}$", text), (target, number, text[-60:])
            assert curriculum_version_words(language) in text, (target, number)
        seen += 1
    assert seen == len(curriculum.toolkits) * len(LANGUAGES) * len(pdf.KINDS)


def curriculum_version_words(language: str) -> str:
    return {"en": "Content version", "az": "Məzmunun versiyası",
            "ru": "Версия материалов"}[language]


def test_text_extracts_with_the_audiences_contacts_and_every_letter(built_site, curriculum):
    for toolkit, language, kind, target in documents(curriculum):
        if kind != "one-pager":
            continue
        path = built_site / target
        text = " ".join(run("pdftotext", str(path), "-").split())
        title = " ".join(toolkit.one_pager.text(language).title.split())
        assert title in text, (target, title)  # letters such as ə ş ç ğ ı İ ö ü and Cyrillic
        for contact in toolkit.contacts:
            if contact.phone:
                assert contact.phone in text, (target, contact.id)
        urls = run("pdfinfo", "-url", str(path))
        dialled = {c.dial for c in toolkit.contacts if c.phone}
        assert dialled and all(f"tel:{number}" in urls for number in dialled), (target, urls)
    az = " ".join(run("pdftotext", str(built_site / "az/toolkits/municipalities/"
                                        "ct-municipalities-toolkit-az.pdf"), "-").split())
    assert all(letter in az for letter in "əşçğıöüİ"), "an Azerbaijani letter is lost"
    ru = " ".join(run("pdftotext", str(built_site / "ru/toolkits/municipalities/"
                                        "ct-municipalities-toolkit-ru.pdf"), "-").split())
    assert re.search(r"[А-Я][а-я]{5,}", ru), "Russian text is lost"


def test_each_toolkit_item_starts_a_page(built_site, curriculum):
    from bs4 import BeautifulSoup
    for toolkit in curriculum.toolkits:
        for language in LANGUAGES:
            folder = built_site / f"{PREFIX[language]}toolkits/{toolkit.id}"
            html = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"),
                                 "html.parser")
            items = [squeezed(h.get_text()) for h in html.select("h2.toolkit-item")]
            path = folder / pdf.pdf_name(toolkit.id, "toolkit", language)
            texts = [squeezed(t) for t in page_texts(path, int(info(path)["Pages"]))]
            assert texts[0].startswith(squeezed(html.select_one("h1").get_text()))
            for item in items:
                assert any(text.startswith(item) for text in texts), (path.name, item)


def squeezed(text: str) -> str:
    """Without spaces and hyphens: a title wrapped across lines extracts without them."""
    return re.sub(r"[\s\-‐]", "", text)


def test_pages_link_their_pdfs_with_size_and_page_count(built_site, curriculum):
    from bs4 import BeautifulSoup
    for language in LANGUAGES:
        index = BeautifulSoup((built_site / f"{PREFIX[language]}toolkits/index.html")
                              .read_text(encoding="utf-8"), "html.parser")
        links = {a["href"]: a.get_text() for a in index.select("a.pdf-download")}
        for toolkit in curriculum.toolkits:
            for kind in pdf.KINDS:
                href = f"{toolkit.id}/{pdf.pdf_name(toolkit.id, kind, language)}"
                assert href in links, (language, href)
        for text in links.values():
            assert re.search(r"\(PDF, \d+ \S+, [\d,.\s]+ (KB|КБ|MB|МБ)\)", text), text
        page = BeautifulSoup((built_site / f"{PREFIX[language]}toolkits/employers/one-pager.html")
                             .read_text(encoding="utf-8"), "html.parser")
        link = page.select_one("a.pdf-download")
        assert link["href"] == pdf.pdf_name("employers", "one-pager", language)
        assert {"en": "1 page", "az": "1 səhifə", "ru": "1 страница"}[language] in link.get_text()
    assert "data-pdf" not in (built_site / "toolkits/index.html").read_text(encoding="utf-8")


def test_facts_are_filled_in_the_pages_named_and_returned_for_the_checks(tmp_path):
    """The build names the pages that link a PDF (built_pages.py), so no other page is read;
    their new text goes back to the build, whose policy and checks follow it."""
    link = '<span class="pdf-download__facts" data-pdf="t/x.pdf"></span>'
    (tmp_path / "t").mkdir()
    (tmp_path / "t/index.html").write_text(f"<p>{link}</p>", encoding="utf-8")
    (tmp_path / "other.html").write_text(f"<p>{link}</p>", encoding="utf-8")  # not named
    document = pdf.PdfDocument("t/index.html", "t/x.pdf", "en", "T", "toolkit", "v")
    rendered = [pdf.Rendered(document, 3, 2048, 0.0)]
    written = pdf.fill_in_facts(tmp_path, rendered, lambda r: f"({r.pages} pages)",
                                ["t/index.html"])
    assert written == {"t/index.html": '<p><span class="pdf-download__facts">(3 pages)</span></p>'}
    assert (tmp_path / "t/index.html").read_text(encoding="utf-8") == written["t/index.html"]
    assert (tmp_path / "other.html").read_text(encoding="utf-8") == f"<p>{link}</p>"


def test_facts_say_pages_and_size_in_the_documents_language():
    def facts(language, pages, size):
        document = pdf.PdfDocument("t/index.html", "t/x.pdf", language, "T", "toolkit", "v")
        return pdf.facts(pdf.Rendered(document, pages, size, 0.0))

    assert facts("en", 1, 120 * 1024) == "(PDF, 1 page, 120 KB)"
    assert facts("ru", 3, 1500 * 1024) == "(PDF, 3 страницы, 1,5 МБ)"  # plural form, MB
    assert facts("ru", 5, 2000) == "(PDF, 5 страниц, 2 КБ)"
    assert facts("az", 21, 1030 * 1024) == "(PDF, 21 səhifə, 1 MB)"


def test_each_toolkit_document_is_made_from_its_page_in_the_languages_folder(curriculum):
    from elearning.site.pages import PageWriter
    documents = PageWriter(curriculum, "az").pdf_documents("az/", "v")
    employers = {d.kind: d for d in documents if d.page.startswith("az/toolkits/employers/")}
    assert {k: (d.page, d.target) for k, d in employers.items()} == {
        "toolkit": ("az/toolkits/employers/index.html",
                    "az/toolkits/employers/ct-employers-toolkit-az.pdf"),
        "facilitator-guide": ("az/toolkits/employers/facilitator.html",
                              "az/toolkits/employers/ct-employers-facilitator-guide-az.pdf"),
        "one-pager": ("az/toolkits/employers/one-pager.html",
                      "az/toolkits/employers/ct-employers-one-pager-az.pdf")}
    assert employers["one-pager"].title == curriculum.toolkit("employers").one_pager.text("az").title
    assert len(documents) == sum(2 + bool(t.one_pager) for t in curriculum.toolkits)


def _site_with_page(tmp_path, path: str, article: str):
    """A built site of one page (its article only) and the stylesheet the PDFs use."""
    site = tmp_path / "site"
    (site / "stylesheets").mkdir(parents=True)
    (site / "stylesheets/flowchart.css").write_text("")
    page = site / path
    page.parent.mkdir(parents=True)
    page.write_text(f'<article class="md-content__inner md-typeset">{article}</article>',
                    encoding="utf-8")
    return site


def test_a_one_pager_that_overflows_stops_the_build_naming_file_language_and_pages(tmp_path):
    words = "<p>" + "Uzun mətn, şəxs, çox. " * 60 + "</p>"
    site = _site_with_page(tmp_path, "az/toolkits/x/one-pager.html",
                           "<h1>Başlıq</h1>" + words * 12)
    document = pdf.PdfDocument("az/toolkits/x/one-pager.html", "az/toolkits/x/ct-x-one-pager-az.pdf",
                               "az", "Başlıq", "one-pager", "Məzmunun versiyası 1.0")
    with pytest.raises(pdf.PdfError) as error:
        pdf.render_pdfs(site, [document], "https://example.az/elearning/", tmp_path / "cache")
    message = str(error.value)
    assert "ct-x-one-pager-az.pdf (az)" in message, message
    assert re.search(r"takes [2-9] pages", message), message
    assert not (site / document.target).exists()


def test_a_pdf_fetches_nothing_outside_the_site(tmp_path):
    site = _site_with_page(tmp_path, "toolkits/x/index.html",
                           '<h1>T</h1><img src="https://elsewhere.example.com/logo.png" alt="">')
    document = pdf.PdfDocument("toolkits/x/index.html", "toolkits/x/x.pdf", "en", "T",
                               "toolkit", "v")
    with pytest.raises(pdf.PdfError) as error:
        pdf.render_pdfs(site, [document], "https://example.az/elearning/", tmp_path / "cache")
    assert "https://elsewhere.example.com/logo.png" in str(error.value)
    assert "not part of the site" in str(error.value)


def test_the_facilitator_guide_holds_cases_answers_notes_tests_and_contacts(built_site,
                                                                           curriculum):
    """Assembled from the loaded content; learners' pages never show trainer notes."""
    from bs4 import BeautifulSoup
    for toolkit in curriculum.toolkits:
        course = curriculum.course(toolkit.id)
        for language in LANGUAGES:
            page = built_site / f"{PREFIX[language]}toolkits/{toolkit.id}/facilitator.html"
            html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            anchors = [h["id"] for h in html.select("h2.toolkit-item")]
            parts = ["session-plans", "cases", "decision-exercises", "test-questions",
                     "referral-contacts", "results"]
            assert [a for a in anchors if a in parts] == parts, anchors
            # Each decision exercise of the course, with every end and the path to it.
            section = html.select_one("#decision-exercises").find_parent()
            decisions = [d for m in course.modules for d in m.decisions_for(toolkit.id, language)]
            assert decisions, (toolkit.id, language)
            for decision in decisions:
                assert decision.title in section.get_text(), (page, decision.title)
            ends = sum(len(d.paths_to_ends()) for d in decisions)
            listed = [li for li in html.select("#decision-exercises ~ ul > li")
                      if li.find("strong")]
            assert len(listed) >= ends, (page, len(listed), ends)
            cases = [c for m in course.modules for c in m.text(language).cases
                     if c.audiences is None or toolkit.id in c.audiences]
            answers = [c for c in cases if c.model_answer]
            notes = [n for m in course.modules for n in m.text(language).trainer_notes
                     if n.audiences is None or toolkit.id in n.audiences]
            assert len(html.select("div.admonition.success")) == len(answers), page
            assert len(html.select("#cases ~ div.admonition.note")) >= len(notes), page
            assert html.select(".quiz-sheet__question") and html.select(".quiz-sheet__key li")
            assert html.select("a[href$='trainers/results.html']"), page
            phones = {c.phone for c in toolkit.contacts if c.phone}
            assert phones <= {a.get_text() for a in html.select("a[href^='tel:']")}
    # Learners never reach it from their course, and never see a trainer note.
    for path in (built_site / "courses").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "facilitator.html" not in text and "trainer-note" not in text, path
