"""Session plans (issue: trainers' material): every audience has a half-day plan and a short
briefing, their timings add up in every language, and they type no emergency number.

The agenda is read here on its own terms (the first table's first column, in minutes), apart
from the build's check, so that a change to that check cannot silently relax this one.
"""
import re

from elearning import interface
from tests.conftest import LANGUAGES

HALF_DAY = range(165, 196)
SHORT = range(30, 46)
CONTACT = re.compile(r"\{\{\s*contact:[^}]*\}\}")
# A number a reader could dial: 101 fire, 102 police, 103 ambulance, 112 MES, 152 hotline.
# Plans refer to the contacts directory instead, so one edit there changes every printout.
TYPED_NUMBER = re.compile(r"(?<![\d-])(101|102|103|112|152)(?![\d-])")


def plans(curriculum):
    return [item for item in curriculum.toolkit_items.values() if item.kind == "session-plan"]


def agenda_minutes(body: str) -> list[int]:
    """The first column of the first Markdown table below its header, as whole numbers."""
    lines = body.splitlines()
    start = next(i for i in range(len(lines) - 1)
                 if lines[i].lstrip().startswith("|") and re.match(r"\s*\|\s*-{3}", lines[i + 1]))
    minutes = []
    for line in lines[start + 2:]:
        if not line.lstrip().startswith("|"):
            break
        minutes.append(int(line.split("|")[1].strip()))
    return minutes


def test_every_audience_has_a_half_day_plan_and_a_short_briefing(curriculum):
    for audience in curriculum.audiences:
        durations = sorted(item.duration for item in plans(curriculum)
                           if audience in item.audiences)
        assert len(durations) == 2, (audience, durations)
        short, half_day = durations
        assert short in SHORT, f"{audience}: the short briefing takes {short} minutes"
        assert half_day in HALF_DAY, f"{audience}: the half day takes {half_day} minutes"


def test_parts_add_up_to_the_declared_total_in_every_language(curriculum):
    checked = 0
    for item in plans(curriculum):
        english = agenda_minutes(item.texts["en"].body)
        assert sum(english) == item.duration, (item.slug, english, item.duration)
        assert len(english) >= 5, f"{item.slug}: an agenda of {len(english)} parts"
        for language in LANGUAGES[1:]:
            assert item.is_translated(language), f"{item.slug}.{language}.md is missing"
            minutes = agenda_minutes(item.texts[language].body)
            assert minutes == english, f"{item.slug}.{language}.md: other timings {minutes}"
            checked += 1
    assert checked == 8 * (len(LANGUAGES) - 1)


def test_the_half_day_starts_with_the_pre_test_and_ends_with_the_final_test(curriculum):
    """The test rows, found by the course's own words for them, open and close the session."""
    for item in plans(curriculum):
        if item.duration not in HALF_DAY:
            continue
        for language in LANGUAGES:
            rows = [line.split("|")[2].strip() for line in
                    item.texts[language].body.splitlines() if re.match(r"\|\s*\d+\s*\|", line)]
            pre, final = interface.text("pre_test", language), interface.text("final_test", language)
            assert pre in rows[1], (item.slug, language, rows[1])
            assert any(final in row for row in rows[-2:]), (item.slug, language, rows[-2:])


def test_no_emergency_or_hotline_number_is_typed(curriculum):
    for item in plans(curriculum):
        for language, text in item.texts.items():
            typed = TYPED_NUMBER.findall(CONTACT.sub("", text.body))
            assert not typed, f"{text.file}: type {{{{contact:<id>}}}} instead of {typed}"
