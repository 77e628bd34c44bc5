"""Questions: `/// quiz | question` (self-check, shown in the module) and
`/// test-question | question` (for the course's pre-test and final test only, never shown
in the module), both with a task list of options.

The loader reads each question once (validation with file and line); the Markdown block shows
the loaded Quiz, matched to its block by position and checked by its question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from .blocks import Shown, TextBlock
from .problems import Problems
from .schema import ContentModel, validate
from .source import ContentSyntaxError, parse_yaml

OPTION = re.compile(r"^[-*+][ \t]+\[(?P<mark>[ xX])\][ \t]+(?P<text>.*)$")
LIST_ITEM = re.compile(r"^[-*+][ \t]+\S|^\d+[.)][ \t]+\S")
QuizId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


QUIZ = "quiz"
TEST_QUESTION = "test-question"


class QuizOptions(ContentModel):
    """the options of a quiz: 'id'"""

    id: QuizId | None = Field(None, description="a stable id: lower-case letters, digits and "
                              "hyphens, unique in the whole site (for example fl-passport)")


class TestQuestionOptions(ContentModel):
    """the options of a test question: 'id'"""

    # Required: results from different versions of the site are compared by this id.
    id: QuizId = Field(description="a stable id: lower-case letters, digits and hyphens, "
                       "unique in the whole site (for example c1-t1-short-name)")


OLD_TEST_OPTION = ("'test: true' is no longer an option of '/// quiz': self-check questions "
                   "do not go into the pre-test and final test any more. Remove the 'test:' "
                   "line and write the questions for the tests as '/// test-question | ...' "
                   "blocks (see docs/authoring.md, 'Test questions').")


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Quiz:
    id: str
    question: str
    choices: tuple[Choice, ...]
    explanation: str = ""
    intro: str = ""  # text between the question line and the options
    line: int | None = None
    # The audiences whose passage holds the question (None: every reader sees it).
    audiences: frozenset[str] | None = None

    @property
    def multiple(self) -> bool:
        return sum(choice.correct for choice in self.choices) > 1

    def shown_to(self, audience_id: str) -> bool:
        return self.audiences is None or audience_id in self.audiences


# More options than a learner can weigh; also keeps a pasted list of thousands of lines from
# making the build crawl.
MAX_OPTIONS = 20


def parse_content(text: str) -> tuple[str, list[Choice], str, list[tuple[int, str]]]:
    """(intro, choices, explanation, errors as (line offset, message)) of a quiz's content."""
    intro: list[str] = []
    explanation: list[str] = []
    items: list[dict] = []
    errors: list[tuple[int, str]] = []
    state = "intro"
    for offset, line in enumerate(text.splitlines()):
        indented = line.startswith(("    ", "\t")) and line.strip()
        if state in ("intro", "options") and LIST_ITEM.match(line):
            state = "options"
            option = OPTION.match(line)
            if option is None:
                errors.append((offset, "this option is not a task-list item: start it with "
                                       "'- [x] ' (correct) or '- [ ] ' (not correct)."))
                items.append({"text": line.split(maxsplit=1)[-1], "correct": False,
                              "feedback": [], "more": []})
                continue
            items.append({"text": option["text"].strip(), "correct": option["mark"] != " ",
                          "feedback": [], "more": []})
        elif state == "options" and indented:
            content = line.strip()
            item = items[-1]
            if content.startswith(">"):
                item["feedback"].append(content[1:].strip())
            elif item["feedback"]:
                item["feedback"].append(content)
            else:
                item["more"].append(content)
        elif state == "options" and not line.strip():
            continue
        elif state == "intro":
            intro.append(line)
        else:
            state = "explanation"
            explanation.append(line)
    choices = [Choice(" ".join([item["text"], *item["more"]]), item["correct"],
                      "\n".join(item["feedback"])) for item in items]
    return "\n".join(intro).strip(), choices, "\n".join(explanation).strip(), errors


def quizzes_in(blocks: list[TextBlock], slug: str, file: str, problems: Problems,
               kind: str = QUIZ) -> list[Shown]:
    """Every question block of one kind (QUIZ or TEST_QUESTION) among a text's blocks, with
    its question validated (None if invalid); self-check ids derived where none is given."""
    return [Shown(kind, block.line, block.argument,
                  _quiz(block, f"{slug}-{position}", file, problems, kind))
            for position, block in enumerate((b for b in blocks if b.name == kind), start=1)]


def report_outside_module(blocks: list[TextBlock], file: str, problems: Problems) -> None:
    """Questions belong in modules: their progress and test results are kept there (a
    block elsewhere is shown as written)."""
    for block in blocks:
        if block.name in (QUIZ, TEST_QUESTION):
            problems.add(file, block.line, f"a question ('/// {block.name}') belongs in a "
                         "module (its progress is kept there): move it to a module, or show "
                         "it as an example inside a code fence.")


def _quiz(block: TextBlock, default_id: str, file: str, problems: Problems,
          kind: str = QUIZ) -> Quiz | None:
    where = f"the {'test ' if kind == TEST_QUESTION else ''}question '{_short(block.argument)}'"
    if not block.argument:
        problems.add(file, block.line, f"this {kind} has no question: write it after "
                     f"'/// {kind} | '.")
        return None
    try:
        source = parse_yaml(block.options or "{}", first_line=block.options_line or block.line)
    except ContentSyntaxError as error:
        problems.add(file, error.line, f"the options of {where}: {error.message}")
        return None
    if not isinstance(source.data, dict):
        problems.add(file, block.options_line or block.line,
                     f"the options of {where} must be 'key: value' lines (id).")
        return None
    if kind == QUIZ and "test" in source.data:
        problems.add(file, source.line_of(("test",)), f"{where}: {OLD_TEST_OPTION}")
        return None
    found = Problems()
    options = validate(TestQuestionOptions if kind == TEST_QUESTION else QuizOptions,
                       source, file, found)
    for problem in found:
        problems.add(problem.file, problem.line, f"{where}: {problem.message}")
    if options is None:
        return None
    intro, choices, explanation, errors = parse_content(block.text)
    content_line = block.line + 1 + (block.options.count("\n") if block.options else 0)
    for offset, message in errors:
        problems.add(file, content_line + offset, f"{where}: {message}")
    if not choices:
        problems.add(file, block.line, f"{where} has no options: add a task list, one option "
                     "per line, '- [x] ' before correct ones and '- [ ] ' before the others.")
        return None
    if len(choices) > MAX_OPTIONS:
        problems.add(file, block.line, f"{where} has {len(choices)} options: a question can "
                     f"have at most {MAX_OPTIONS}. Keep the options a learner can weigh, or "
                     "split it into several questions.", stops=True)
        return None
    if not any(choice.correct for choice in choices):
        problems.add(file, block.line, f"{where} has no correct option: mark at least one "
                     "with '- [x] '.")
        return None
    if errors:
        return None
    passages = [frozenset(p.argument.split()) for p in block.parents if p.name == "audience"]
    audiences = frozenset.intersection(*passages) if passages else None
    return Quiz(options.id or default_id, block.argument, tuple(choices), explanation, intro,
                block.line, audiences)


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


