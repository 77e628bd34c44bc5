"""A course's questions as a GIFT file, the text format of Moodle's question bank import.

One file per course and language: the test questions (pre-test and final test) and the
self-check questions in two categories. Built from the loaded model (`Course`, `Quiz`), never
by reading Markdown again.

Text format: `[markdown]`. The content is written in Markdown already, so Moodle shows the
same emphasis and lists the site shows; plain sentences are valid Markdown too. Contact
references and {?facts to validate?} are turned into words before export (`plain`), since
Moodle knows neither.

Scoring: one right option: `=`; several: each right option `%<100/n>%` and each wrong one
the same negative weight, so ticking every box scores 0 (Moodle never goes below 0).
"""
from __future__ import annotations

from typing import Callable, Iterable

from .courses import Course
from .quizzes import Quiz

# GIFT's control characters (Moodle docs, "GIFT format": ~ = # { } : are escaped with \).
SPECIAL = "\\~=#{}:"
TEST_CATEGORY = "test-questions"
SELF_CHECK_CATEGORY = "self-checks"


def escape(text: str) -> str:
    """Text safe inside a GIFT question: special characters escaped, and line breaks written
    as \\n (a blank line would end the question)."""
    escaped = "".join("\\" + char if char in SPECIAL else char for char in text)
    return "\\n".join(line.rstrip() for line in escaped.strip().splitlines())


def weight(right: int) -> str:
    """Moodle accepts weights from its own list; 100/n is on it for n up to 10 with
    5 decimals (33.33333)."""
    value = 100 / right
    return f"{value:.5f}".rstrip("0").rstrip(".")


def question(quiz: Quiz, plain: Callable[[str], str]) -> str:
    text = plain(quiz.question) + (f"\n\n{plain(quiz.intro)}" if quiz.intro else "")
    right = sum(choice.correct for choice in quiz.choices)
    lines = [f"::{escape(quiz.id)}::[markdown]{escape(text)} {{"]
    for choice in quiz.choices:
        if right == 1:
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{'' if choice.correct else '-'}{weight(right)}%"
        feedback = f" #{escape(plain(choice.feedback))}" if choice.feedback else ""
        lines.append(f"\t{mark}{escape(plain(choice.text))}{feedback}")
    if quiz.explanation:
        lines.append(f"\t####{escape(plain(quiz.explanation))}")
    lines.append("}")
    return "\n".join(lines)


def category(course_name: str, kind: str) -> str:
    # $course$: the question bank of the Moodle course the file is imported into.
    return f"$CATEGORY: $course$/{course_name}/{kind}"


def course_gift(course: Course, language: str, plain: Callable[[str], str],
                header: Iterable[str] = ()) -> str:
    """The GIFT file of one course in one language. `plain` makes a text ready for Moodle
    (contact references, facts to validate); `header` lines become // comments."""
    name = f"ct-{course.id}-{language}"
    parts = ["\n".join(f"// {line}" for line in header)] if header else []

    def section(kind: str, groups) -> None:
        groups = [(module, quizzes) for module, quizzes in groups if quizzes]
        if not groups:
            return
        parts.append(category(name, kind))
        for module, quizzes in groups:
            parts.append(f"// {module.slug}: {' '.join(module.text(language).title.split())}")
            parts.extend(question(quiz, plain) for quiz in quizzes)

    section(TEST_CATEGORY, course.test_questions(language))
    section(SELF_CHECK_CATEGORY, ((m, course.quizzes(m, language)) for m in course.modules))
    return "\n\n".join(parts) + "\n"
