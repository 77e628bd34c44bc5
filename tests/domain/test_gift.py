"""Question banks for Moodle: every exported GIFT file, read back by an existing GIFT
parser (the npm package gift-pegjs, as pinned in package.json), holds the model's questions,
options, right answers, weights and feedback, in the right categories."""
import json
import os
import shutil
import subprocess

import pytest

from elearning.domain.courses import Course
from elearning.domain.gift import SELF_CHECK_CATEGORY, TEST_CATEGORY, course_gift
from elearning.domain.quizzes import Choice, Quiz
from elearning.exports_cli import load, plain_words, write_gift
from tests.conftest import LANGUAGES, ROOT

# Skipped on an author's machine without `npm ci`; CI (CI=true) must run them.
pytestmark = pytest.mark.skipif(
    os.environ.get("CI") != "true"
    and (not shutil.which("node") or not (ROOT / "node_modules/gift-pegjs").exists()),
    reason="node and `npm ci` (gift-pegjs) are needed (run `make test`)")


def parsed(*files) -> dict:
    result = subprocess.run(["node", str(ROOT / "tests/gift_parse.js"), *map(str, files)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def check_question(found: dict, quiz: Quiz, plain) -> None:
    assert found["type"] == "MC" and found["title"] == quiz.id
    assert found["stem"]["format"] == "markdown"
    stem = plain(quiz.question) + (f"\n\n{plain(quiz.intro)}" if quiz.intro else "")
    assert found["stem"]["text"] == lines(stem)
    assert (found["globalFeedback"] or {}).get("text", "") == lines(plain(quiz.explanation))
    assert [c["text"]["text"] for c in found["choices"]] == [lines(plain(c.text))
                                                          for c in quiz.choices]
    assert [(c["feedback"] or {}).get("text", "") for c in found["choices"]] == \
        [lines(plain(c.feedback)) for c in quiz.choices]
    right = [c.correct for c in quiz.choices]
    if sum(right) == 1:
        assert [c["isCorrect"] for c in found["choices"]] == right
    else:  # weights: the right ones sum to 100, each wrong one takes a share away
        weights = [c["weight"] for c in found["choices"]]
        assert [w > 0 for w in weights] == right
        assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)
        assert all(w < 0 for w, r in zip(weights, right) if not r)


def test_special_characters_and_multiple_answers_survive(tmp_path):
    tricky = "a~b=c#d{e}f:g \\ h"
    quiz = Quiz("odd-one", f"Which {tricky}?", (
        Choice(f"right {tricky}", True, f"yes {tricky}"),
        Choice("also right", True, ""),
        Choice("also right, too", True, "third"),
        Choice("wrong: no", False, "feedback\non two lines")),
        explanation=f"Because {tricky}.\n\nSecond paragraph.", intro="Read: this.")

    class Module:
        slug = "m"

        def text(self, language):
            return type("T", (), {"title": "M"})()

        def test_questions_for(self, audience, language):
            return (quiz,)

        def quizzes_for(self, audience, language):
            return ()

    course = Course(type("A", (), {"id": "x"})(), (Module(),))
    file = tmp_path / "x.gift"
    file.write_text(course_gift(course, "en", str, ["a header: with {braces}"]), encoding="utf-8")
    questions = parsed(file)[str(file)]
    assert [q["type"] for q in questions] == ["Category", "MC"]
    assert questions[0]["title"] == f"$course$/ct-x-en/{TEST_CATEGORY}"
    check_question(questions[1], quiz, str)
    assert [round(c["weight"], 5) for c in questions[1]["choices"]] == [33.33333] * 3 + [-33.33333]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    curriculum = load(ROOT)
    files = write_gift(curriculum, tmp_path_factory.mktemp("gift"), "1.0")
    return curriculum, files, parsed(*files)


def test_every_file_parses_and_holds_the_courses_questions(exported):
    curriculum, files, result = exported
    assert len(files) == len(curriculum.courses) * len(LANGUAGES)
    counted = 0
    for course in curriculum.courses:
        for language in LANGUAGES:
            file = next(f for f in files if f.name == f"ct-{course.id}-{language}.gift")
            found = result[str(file)]
            assert "error" not in found, (file.name, found)
            plain = plain_words(curriculum, language)
            expected = [(TEST_CATEGORY, q) for _, qs in course.test_questions(language) for q in qs]
            expected += [(SELF_CHECK_CATEGORY, q) for m in course.modules
                         for q in course.quizzes(m, language)]
            kind, got = None, []
            for item in found:
                if item["type"] == "Category":
                    kind = item["title"].rsplit("/", 1)[1]
                    assert item["title"] == f"$course$/ct-{course.id}-{language}/{kind}"
                else:
                    got.append((kind, item))
            assert [(k, q["title"]) for k, q in got] == [(k, q.id) for k, q in expected]
            for (_, item), (_, quiz) in zip(got, expected):
                check_question(item, quiz, plain)
            assert "{{contact" not in file.read_text(encoding="utf-8")
            counted += len(got)
    assert counted > 100
