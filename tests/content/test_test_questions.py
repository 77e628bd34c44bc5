"""The shipped test questions can measure learning (issue: tests that measure learning).

A pre-test and final test only show what learners learned if their questions are not the
self-check questions learners have already seen answered, if every module has enough of
them for a module score to mean something, and if the right answer cannot be found by its
place or its length. Whether a question measures its module's objectives, and whether its
distractors are plausible, needs a person; this keeps the countable part from regressing.
"""
import re
from difflib import SequenceMatcher

import pytest

from tests.conftest import LANGUAGES, ROOT

MIN_PER_MODULE = 3
# A stem this similar to a self-check stem is a rewording of it, not a new question.
SIMILAR = 0.8
# The right option may be the longest, but not by so much that length gives it away.
LONGER_BY_AT_MOST = 0.25
SLUGS = sorted(p.name[:-3] for p in (ROOT / "curriculum/modules").glob("*.md")
               if p.name.count(".") == 1)


def stem(text: str) -> str:
    """The question as a reader compares it: no markup, quotes or punctuation, one case."""
    text = re.sub(r"[*_`\"“”«»„'’(),.:;?!]", " ", text.lower())
    return " ".join(text.split())


def correct_positions(question) -> tuple[int, ...]:
    return tuple(n for n, choice in enumerate(question.choices, start=1) if choice.correct)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_module_has_enough_test_questions(curriculum, slug, language):
    questions = curriculum.modules[slug].text(language).test_questions
    assert len(questions) >= MIN_PER_MODULE, (
        f"{slug} ({language}) has {len(questions)} test questions; write at least "
        f"{MIN_PER_MODULE} so that a module score can show learning")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_test_question_repeats_a_self_check_question(curriculum, language):
    self_checks = [(m.slug, q.id, stem(q.question)) for m in curriculum.modules.values()
                   for q in m.text(language).quizzes]
    for module in curriculum.modules.values():
        for question in module.text(language).test_questions:
            asked = stem(question.question)
            for slug, quiz_id, seen in self_checks:
                ratio = SequenceMatcher(None, asked, seen).ratio()
                assert ratio < SIMILAR, (
                    f"{module.slug} ({language}): test question {question.id} repeats the "
                    f"self-check question {quiz_id} of {slug} ({ratio:.0%} alike); learners "
                    f"have seen that one answered")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_right_answers_are_not_always_in_the_same_place(curriculum, slug, language):
    questions = curriculum.modules[slug].text(language).test_questions
    positions = {correct_positions(q) for q in questions}
    assert len(questions) < 2 or len(positions) > 1, (
        f"{slug} ({language}): every test question has its right answer at {positions}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_right_answer_is_not_given_away_by_its_length(curriculum, language):
    single = [(m.slug, q) for m in curriculum.modules.values()
              for q in m.text(language).test_questions if not q.multiple]
    strictly_longest = 0
    for slug, question in single:
        right = next(len(c.text) for c in question.choices if c.correct)
        wrong = max(len(c.text) for c in question.choices if not c.correct)
        assert right <= wrong * (1 + LONGER_BY_AT_MOST), (
            f"{slug} ({language}): the right option of {question.id} is much longer than "
            f"every wrong one ({right} against {wrong} characters)")
        strictly_longest += right > wrong
    assert strictly_longest <= len(single) / 2, (
        f"{language}: the right option is the longest in {strictly_longest} of "
        f"{len(single)} single-answer test questions")


def test_right_answers_are_spread_over_the_positions(curriculum):
    """Across the English curriculum, each position holds at least half its fair share."""
    counts: dict[int, int] = {}
    single = [q for m in curriculum.modules.values() for q in m.text("en").test_questions
              if not q.multiple]
    for question in single:
        position = correct_positions(question)[0]
        counts[position] = counts.get(position, 0) + 1
    for position in range(1, 5):
        assert counts.get(position, 0) >= len(single) / 4 / 2, counts


@pytest.mark.parametrize("slug", SLUGS)
def test_test_question_ids_follow_the_module_prefix(curriculum, slug):
    """c1-t1-..., a4-t2-...: the module's quiz prefix, then t and a number, then a name."""
    text = curriculum.modules[slug].text("en")
    prefixes = {q.id.split("-")[0] for q in text.quizzes}
    for question in text.test_questions:
        prefix, number = question.id.split("-")[:2]
        assert prefix in prefixes and re.fullmatch(r"t\d+", number), (
            f"{slug}: test question id {question.id} should start with "
            f"{'/'.join(sorted(prefixes))}-t<number>-")
