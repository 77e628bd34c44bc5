"""Toolkits in Chromium: one-pagers print on one A4 page in every language, mini-toolkits
print as booklets without blank pages or navigation, the road map works by keyboard."""
import subprocess

import pytest

from tests.helpers import pdf_page_texts

AUDIENCES = ["municipalities", "law-enforcement", "employers", "azrcs"]
LANGUAGES = {"en": "", "az": "az/", "ru": "ru/"}
# The header shows the site name: in print it must not (no navigation chrome).
SITE_NAME = {"en": "Counter-trafficking e-learning", "az": "İnsan alverinə qarşı e-təlim",
             "ru": "Обучение по противодействию торговле людьми"}


def printed_page_texts(page, path) -> list[str]:
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1])
    return pdf_page_texts(path, pages)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_one_pager_prints_on_exactly_one_page(open_page, site_url, tmp_path, audience, language):
    page, traffic = open_page(site_url, f"{LANGUAGES[language]}toolkits/{audience}/one-pager.html")
    texts = printed_page_texts(page, tmp_path / "one-pager.pdf")
    assert len(texts) == 1, f"{audience} ({language}) one-pager prints on {len(texts)} pages"
    assert page.locator("figure.flowchart").count() == 1
    assert "152" in texts[0]  # the key contacts are on the sheet
    assert traffic.outside() == [] and traffic.console == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_mini_toolkit_prints_without_blank_pages_or_navigation(open_page, site_url, tmp_path,
                                                                language):
    page, traffic = open_page(site_url, f"{LANGUAGES[language]}toolkits/employers/index.html")
    texts = printed_page_texts(page, tmp_path / "toolkit.pdf")
    assert len(texts) >= 4
    assert all(text.split() for text in texts), [len(t.split()) for t in texts]  # no blank page
    assert " ".join(texts[0].split()).startswith(page.locator("h1").inner_text())  # the cover
    assert not any(SITE_NAME[language] in " ".join(text.split()) for text in texts)
    for item in page.locator("h2.toolkit-item").all_inner_texts():  # each on a page of its own
        assert any(" ".join(text.split()).startswith(item) for text in texts), item
    assert traffic.outside() == [] and traffic.console == []


def test_road_map_scenarios_open_by_keyboard(open_page, site_root):
    page, traffic = open_page(site_root, "toolkits/azrcs/index.html")
    scenarios = page.locator("details.scenario")
    assert scenarios.count() >= 5
    first = scenarios.first
    assert not first.locator(".scenario__say").is_visible()
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert first.locator(".scenario__asks").is_visible()
    assert first.locator(".scenario__say").is_visible()
    assert first.locator(".scenario__refer a[href^='tel:']").count() >= 1
    page.keyboard.press("Enter")
    assert not first.locator(".scenario__say").is_visible()
    assert traffic.outside() == [] and traffic.console == []


def test_mini_toolkit_has_quiz_sheet_with_answer_key(open_page, site_root):
    page, _ = open_page(site_root, "toolkits/municipalities/index.html")
    questions = page.locator(".quiz-sheet__question")
    key = page.locator(".quiz-sheet__key li")
    assert questions.count() > 0 and key.count() == questions.count()
    assert page.locator("h2#answer-key.toolkit-item").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_flowchart_diagram_fits_a_phone_and_shows_every_step(open_page, site_url, audience,
                                                             language):
    """At 360 px the narrow drawing shows, readable (text not scaled below 11 px), without
    making the page scroll sideways; it holds the text of every step the text version tells."""
    page, traffic = open_page(site_url, f"{LANGUAGES[language]}toolkits/{audience}/one-pager.html",
                              viewport={"width": 360, "height": 740})
    narrow = page.locator("figure.flowchart svg.flowchart__svg--narrow")
    assert narrow.is_visible() and not page.locator("svg.flowchart__svg--wide").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = narrow.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    scale = box["width"] / float(narrow.get_attribute("width"))
    assert scale * 14 >= 11, f"step text shows at {scale * 14:.1f} px"
    drawn = " ".join(narrow.locator("g.flowchart__box text").all_text_contents())
    drawn = " ".join(drawn.replace("- ", "").split())  # words cut at the end of a line
    steps = page.locator("ol.flowchart__text > li").count()
    assert narrow.locator("g.flowchart__box").count() == steps
    decisions = narrow.locator("g.flowchart__box--decision").count()
    assert narrow.locator(":scope > text").count() == 2 * decisions  # yes and no, in words
    assert traffic.outside() == []
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.locator("svg.flowchart__svg--wide").is_visible()
    assert not narrow.is_visible()
