"""The contacts directory: a number lives in one place (typed numbers are reported)."""
import pytest

from elearning.domain.contacts import Contact, check_typed_numbers
from elearning.domain.problems import Problems

NAMES = {"en": "Hotline", "az": "Qaynar xətt", "ru": "Горячая линия"}
CONTACTS = {
    "hotline-mia": Contact("hotline-mia", NAMES, "152", ()),
    "iom-azerbaijan": Contact("iom-azerbaijan", {"en": "IOM", "az": "BMqT", "ru": "МОМ"},
                              "+994 12 465 90 71", (), verified=False),
    "guardianship-body": Contact("guardianship-body", {"en": "Guardianship body", "az": "Q",
                                                       "ru": "О"}, None, (), verified=False),
}


def found(text):
    problems = Problems()
    check_typed_numbers([("m.md", 10, text)], CONTACTS, problems)
    return [str(p) for p in problems]


@pytest.mark.parametrize("text", [
    "Call the 152 hotline.", "Zəng edin: 152.", "горячая линия 152", "(152)", "152, or the police",
    "Call +994 12 465 90 71 today", "IOM: (012) 465-90-71", "IOM: 0124659071",
    # Every separator between the digits (the quick test takes them all out first)
    "IOM: +994\u00a0(12)\u00a0465.90.71", "IOM: 012–465—90–71", "IOM: 994 12 465\n90 71",
    "IOM: + 994 12\u2009465 90 71",
])
def test_a_directory_number_typed_as_text_is_reported_with_the_reference_to_use(text):
    problems = found("First line.\n" + text)
    assert len(problems) == 1
    contact = "hotline-mia" if "152" in text else "iom-azerbaijan"
    assert problems[0].startswith("m.md:11: the number '")
    assert f"of '{contact}' is typed as text" in problems[0]
    assert f"Write {{{{contact:{contact}}}}} (name and number) or {{{{number:{contact}}}}}" \
        in problems[0]


@pytest.mark.parametrize("text", [
    "Article 144-1.52 of the Code", "152-ci maddə", "152 nömrəli Əmr", "Order No. 152",
    "Article 152", "статья 152", "ст. 152", "Decision № 152", "in 2152", "1.152 AZN",
    "15.2 km", "1520 workers", "tel-152x", "{{contact:hotline-mia}}", "{{number:hotline-mia}}",
    "+994 12 465 90 72", "12/152",
])
def test_other_numbers_are_not_taken_for_a_directory_number(text):
    assert found(text) == []
