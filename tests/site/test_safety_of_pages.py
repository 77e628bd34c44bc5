"""Safety rules checked on the built pages (the content's own rules: tests/content/test_safety.py).

A wrong emergency number is the worst bug this project can have: no page may offer 112, and a
contact whose number is not confirmed must say so wherever it is shown. Here, not in
tests/content, because they need the whole built site (`make check` does not build it).
"""
import re
from pathlib import Path

from elearning import interface
from tests.conftest import LANGUAGES


def _html_pages(site: Path):
    return [p for p in site.rglob("*.html") if "maintainers" not in p.parts]


def test_no_page_offers_112(built_site):
    for page in _html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert 'href="tel:112"' not in html, page
        assert re.search(r"(?<![\d.,/-])112(?![\d-])", re.sub(r"<[^>]+>", " ", html)) is None, page


def test_a_contact_without_a_number_is_shown_to_be_confirmed(curriculum, built_site):
    unconfirmed = [c for c in curriculum.contacts.values() if c.phone is None]
    assert unconfirmed and all(not c.verified for c in unconfirmed)
    notes = {language: interface.text("number_to_confirm", language) for language in LANGUAGES}
    seen = 0
    for page in _html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        first = page.relative_to(built_site).parts[0]
        language = first if first in LANGUAGES[1:] else LANGUAGES[0]
        for contact in unconfirmed:
            name = re.escape(contact.name[language])
            for found in re.finditer(rf'contact-reference__name">{name}', html):
                seen += 1
                after = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html[found.end():found.end() + 700]))
                assert notes[language] in after, (page, contact.id)
        if "one-pager__contacts" in html and "&nbsp;*" in html:  # marked, the note given once
            assert notes[language] in re.sub(r"<[^>]+>", "", html), page
    assert seen, "the new referral bodies appear on no page"
