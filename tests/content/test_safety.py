"""Safety rules of the shipped content (issue: safety corrections and the referral network).

A wrong emergency number or advice that puts a person at risk is the worst bug this project
can have: these tests keep the corrections from coming back when content is edited.
"""
import re
from pathlib import Path

import pytest

from elearning import interface
from elearning.domain.contacts import CONTACT_REFERENCE
from tests.conftest import LANGUAGES, ROOT

CONTENT_FILES = sorted(p for folder in ("curriculum", "toolkits") for p in (ROOT / folder).rglob("*")
                       if p.suffix in (".md", ".yml") and p.is_file())
INTERFACE = ROOT / "hooks/elearning/interface.yml"
# "illegal migrant" in Azerbaijani, in any case, inflection or line break
ILLEGAL_MIGRANT = re.compile(r"qeyri[-\s]*qanuni\s+miqrant", re.IGNORECASE)
MES = "emergency-situations"  # 112: fires, rescue and accidents only


def _html_pages(site: Path):
    return [p for p in site.rglob("*.html") if "maintainers" not in p.parts]


@pytest.mark.parametrize("path", [*CONTENT_FILES, INTERFACE], ids=lambda p: p.name)
def test_no_illegal_migrant_in_azerbaijani(path):
    text = path.read_text(encoding="utf-8").replace("İ", "i")
    found = ILLEGAL_MIGRANT.search(text)
    assert found is None, (f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, found.start()) + 1}:"
                           " write 'nizamsız miqrant' (docs/terminology.md)")


def test_the_rule_against_it_catches_its_forms():
    for text in ("qeyri-qanuni miqrantlar", "Qeyri-qanuni\nmiqrantları", "QEYRİ-QANUNİ MİQRANT"):
        assert ILLEGAL_MIGRANT.search(text.replace("İ", "i")), text
    assert not ILLEGAL_MIGRANT.search("nizamsız miqrant; ölkədə qeyri-qanuni qalma")


def test_112_is_in_no_referral_list_and_referred_to_nowhere(curriculum):
    assert curriculum.contacts[MES].phone == "112"
    assert curriculum.contacts[MES].audiences == ()
    for path in [*CONTENT_FILES, INTERFACE]:
        text = path.read_text(encoding="utf-8")
        assert MES not in text or path.name == "contacts.yml", path
    for toolkit in curriculum.toolkits:
        assert MES not in [c.id for c in toolkit.contacts]


def test_no_page_offers_112(built_site):
    for page in _html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert 'href="tel:112"' not in html, page
        assert re.search(r"(?<![\d.,/-])112(?![\d-])", re.sub(r"<[^>]+>", " ", html)) is None, page


def test_every_referred_contact_exists(curriculum):
    for path in [*CONTENT_FILES, INTERFACE]:
        for match in CONTACT_REFERENCE.finditer(path.read_text(encoding="utf-8")):
            assert match["id"] in curriculum.contacts, f"{path.relative_to(ROOT)}: {match[0]}"


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


def test_employers_protect_and_report_before_putting_things_right(curriculum):
    """Never 'stop the practice' first (it means confronting the foreman)."""
    chart = curriculum.toolkit_items["one-pager-employers"].texts["en"]
    text = chart.body
    order = [text.index(f"contact: {c}") for c in ("police", "hotline-mia")]
    assert order == sorted(order)
    assert text.index("hotline-mia") < text.index("remedy:")
    assert "stop:" not in text
    for path, section in ((ROOT / "toolkits/employer-booklet.md", "## What to do if you find"),
                          (ROOT / "curriculum/modules/employing-foreign-workers.md",
                           "## When you find exploitation")):
        english = path.read_text(encoding="utf-8")
        assert "**Stop**" not in english and "Stop the harm" not in english, path
        steps = english[english.index(section):]
        assert steps.index("{{contact:hotline-mia}}") < steps.index("authorities' advice"), path


@pytest.mark.parametrize("language,word", [("en", "Decree No. 2173"), ("az", "2173 nömrəli Fərman"),
                                           ("ru", "Указ № 2173")])
def test_the_2020_2024_plan_is_the_same_act_in_every_language(curriculum, language, word):
    assert word in curriculum.modules["law-and-institutions"].text(language).body
