"""Exercises that teach on their own: every case study has a model answer, every option of a
self-check question says why, and no question gives its answer away by position or length."""
import re
from collections import Counter

import pytest

from tests.conftest import LANGUAGES, ROOT

# Feedback that only grades ("Correct.") and teaches nothing, in the three languages.
BARE = re.compile(r"^\W*(correct|right|wrong|incorrect|yes|no|düzdür|doğru|düzgündür|səhv|"
                  r"yanlışdır|bəli|xeyr|верно|правильно|неверно|неправильно|да|нет)\W*$",
                  re.IGNORECASE)
STANDS_OUT = 1.15  # an option this much longer than every other one is a giveaway


def quizzes(curriculum, language):
    return [(module, quiz) for module in curriculum.modules.values()
            for quiz in module.text(language).quizzes]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_case_study_has_a_model_answer(curriculum, language):
    cases = [(module.text(language).file, case) for module in curriculum.modules.values()
             for case in module.text(language).cases]
    assert len(cases) >= 21
    missing = [f"{file}:{case.line}" for file, case in cases if case.model_answer is None]
    assert missing == []
    assert all(len(case.model_answer.text.split()) >= 40 for _, case in cases)


def test_an_adult_trafficked_inside_azerbaijan_for_sexual_exploitation_is_a_case():
    text = (ROOT / "curriculum/modules/recognising-victims.md").read_text(encoding="utf-8")
    assert '"Aynur" (a pseudonym), 22' in text and "never left Azerbaijan" in text
    assert "Since 2012, Article 144-1" in text


def test_the_agent_case_says_no_visa_is_needed_for_russia(curriculum):
    module = curriculum.modules["municipal-prevention"]
    expected = {"en": "need no visa for Russia", "az": "Rusiyaya viza lazım deyil",
                "ru": "виза в Россию не нужна"}
    for language, words in expected.items():
        [agent] = [c for c in module.text(language).cases if "500" in c.text]
        assert words in agent.model_answer.text, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_option_feedback_says_why(curriculum, language):
    bare = [(module.slug, quiz.id, choice.text) for module, quiz in quizzes(curriculum, language)
            for choice in quiz.choices if _reason(choice.feedback).count(" ") < 1]
    assert bare == []


def _reason(feedback: str) -> str:
    """The feedback without a leading grade ("Correct. Safety first." -> "Safety first.")."""
    first, _, rest = feedback.strip().partition(" ")
    return rest if BARE.match(first) else feedback.strip()


def test_bare_feedback_is_recognised():
    for word in ("Correct.", "Wrong.", "Incorrect.", "Düzdür.", "Doğru.", "Səhv.", "Верно.",
                 "Правильно.", "Неверно.", "Yes."):
        assert BARE.match(word), word
    assert not BARE.match("Correct. For a child, act and purpose are enough.")
    assert _reason("Верно.") == "" and _reason("Düzdür. Əvvəlcə təhlükəsizlik.") != ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_correct_options_move_around(curriculum, language):
    """Single-answer questions: no position holds the correct option in more than half of
    them, and in a module with several such questions they are not all at one position."""
    positions = Counter()
    by_module: dict[str, set[int]] = {}
    for module, quiz in quizzes(curriculum, language):
        if quiz.multiple:
            continue
        position = next(i for i, choice in enumerate(quiz.choices) if choice.correct)
        positions[position] += 1
        by_module.setdefault(module.slug, set()).add(position)
    total = sum(positions.values())
    assert total >= 10
    assert max(positions.values()) <= total / 2, positions
    last = sum(1 for _, q in quizzes(curriculum, language) if not q.multiple
               and q.choices[-1].correct)
    assert last <= total / 2
    counts = Counter(module.slug for module, quiz in quizzes(curriculum, language)
                     if not quiz.multiple)
    assert all(len(by_module[slug]) > 1 for slug, n in counts.items() if n > 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_correct_option_is_rarely_the_one_that_stands_out_by_length(curriculum, language):
    """Single-answer: the correct option is clearly the longest in at most a third of the
    questions. Several answers: the correct options are never all longer than every
    distractor."""
    single = [q for _, q in quizzes(curriculum, language) if not q.multiple]
    standing_out = [q.id for q in single
                    if max(len(c.text) for c in q.choices if c.correct)
                    > STANDS_OUT * max(len(c.text) for c in q.choices if not c.correct)]
    assert len(standing_out) <= len(single) / 3, standing_out
    several = [q for _, q in quizzes(curriculum, language) if q.multiple]
    giveaway = [q.id for q in several
                if min(len(c.text) for c in q.choices if c.correct)
                > max(len(c.text) for c in q.choices if not c.correct)]
    assert giveaway == []


def test_one_person_one_pseudonym():
    """A pseudonym names one person: the same name always comes with the same age."""
    ages: dict[str, set[str]] = {}
    files = [*sorted((ROOT / "curriculum/modules").glob("*.md")),
             *sorted((ROOT / "toolkits").glob("*.md"))]
    for path in files:
        if path.name.count(".") > 1:
            continue  # English files: translations follow them
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'"([A-Z][a-z]+)"(?: \(a pseudonym\))?,? (\d+)', text):
            ages.setdefault(match[1], set()).add(match[2])
        for match in re.finditer(r"'([A-Z][a-z]+)', (\d+)", text):
            ages.setdefault(match[1], set()).add(match[2])
    clashes = {name: found for name, found in ages.items() if len(found) > 1}
    assert clashes == {}
    assert len(ages) >= 10  # the pattern still finds the pseudonyms
