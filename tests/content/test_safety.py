"""Safety rules of the shipped content (issue: safety corrections and the referral network).

A wrong emergency number or advice that puts a person at risk is the worst bug this project
can have: these tests keep the corrections from coming back when content is edited.
"""
import re

import pytest

from elearning.domain.contacts import CONTACT_REFERENCE
from tests.conftest import ROOT

CONTENT_FILES = sorted(p for folder in ("curriculum", "toolkits") for p in (ROOT / folder).rglob("*")
                       if p.suffix in (".md", ".yml") and p.is_file())
INTERFACE = ROOT / "hooks/elearning/interface.yml"
# "illegal migrant" in Azerbaijani, in any case, inflection or line break
ILLEGAL_MIGRANT = re.compile(r"qeyri[-\s]*qanuni\s+miqrant", re.IGNORECASE)
MES = "emergency-situations"  # 112: fires, rescue and accidents only


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


def test_every_referred_contact_exists(curriculum):
    for path in [*CONTENT_FILES, INTERFACE]:
        for match in CONTACT_REFERENCE.finditer(path.read_text(encoding="utf-8")):
            assert match["id"] in curriculum.contacts, f"{path.relative_to(ROOT)}: {match[0]}"


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
