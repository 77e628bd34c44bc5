"""What the coordinator's staff need to see to keep the content alive: coverage of the
audiences, and everything still to be validated. (Translation status: translations.py.)"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from .blocks import scan_blocks

from .cases import missing_model_answer
from .curriculum import Curriculum
from .problems import ContentProblem
from .tagging import in_order

# The one syntax of a fact still to be validated: {?fact?}, on one line or across lines (as
# Python-Markdown matches inline patterns: a fact may wrap in a paragraph).
TO_VALIDATE_PATTERN = r"\{\?(?P<fact>.+?)\?\}"
TO_VALIDATE = re.compile(TO_VALIDATE_PATTERN, re.DOTALL)


@dataclass(frozen=True)
class FactToValidate:
    file: str
    line: int
    fact: str
    page: str  # the title of the module or toolkit item it is in


def facts_to_validate(curriculum: Curriculum, language: str) -> list[FactToValidate]:
    """Every {?fact?} in the texts of `language` (English: the source of the others)."""
    found = []
    documents = [*curriculum.modules.values(), *curriculum.toolkit_items.values()]
    for document in documents:
        if not document.is_translated(language):
            continue
        text = document.text(language)
        for match in TO_VALIDATE.finditer(text.body):
            line = text.body_line + text.body.count("\n", 0, match.start())
            found.append(FactToValidate(text.file, line, " ".join(match["fact"].split()),
                                        text.title))
    return found


def coverage(curriculum: Curriculum) -> list[tuple[str, list[int | None]]]:
    """(module slug, minutes in each course or None), courses in audience order."""
    rows = []
    for module in in_order(curriculum.modules.values()):
        rows.append((module.slug, [module.duration if module.slug in course else None
                                   for course in curriculum.courses]))
    return rows


def cases_without_model_answer(curriculum: Curriculum) -> list[ContentProblem]:
    """Every case study of a module, in any language, that has no model answer: logged as
    a warning by the build and listed in the coverage report."""
    found = []
    for module in in_order(curriculum.modules.values()):
        for text in module.texts.values():
            found += [missing_model_answer(case, text.file)
                      for case in text.cases if case.model_answer is None]
    return found



def modules_without_test_questions(curriculum: Curriculum) -> list[tuple[str, list[str]]]:
    """(module slug, the courses whose tests it has no question in), in module order: the
    pre-test and final test leave such a module out until its test questions are written."""
    rows = []
    for module in in_order(curriculum.modules.values()):
        courses = [course.id for course in curriculum.courses
                   if module.slug in course and module in course.modules_without_test_questions()]
        if courses:
            rows.append((module.slug, courses))
    return rows


# What an audience may still lack, in the order a maintainer would complete it.
GAP_KINDS = ("one_pager", "toolkit_items", "session_plan", "test_questions", "passages",
             "home_page", "translations")


@dataclass(frozen=True)
class Gap:
    kind: str  # one of GAP_KINDS
    details: tuple[str, ...] = ()  # module slugs (passages), languages (home page, translations)


def audience_gaps(curriculum: Curriculum, home_pages: Mapping[str, str]) -> dict[str, list[Gap]]:
    """audience id -> what it does not have yet (none listed for a complete audience).

    `home_pages` maps a language to the text of the home page in it. A missing piece is not an
    error: adding an audience to audiences.yml is all it takes to get its course; this says
    what to complete next."""
    gaps: dict[str, list[Gap]] = {}
    english = curriculum.languages[0]
    for audience in curriculum.audiences.values():
        found: list[Gap] = []
        toolkit = next((t for t in curriculum.toolkits if t.id == audience.id), None)
        course = next((c for c in curriculum.courses if c.id == audience.id), None)
        items = list(toolkit.items) if toolkit else []
        if toolkit is None or toolkit.one_pager is None:
            found.append(Gap("one_pager"))
        if not items:
            found.append(Gap("toolkit_items"))
        if not any(item.kind == "session-plan" for item in items):
            found.append(Gap("session_plan"))
        if course is None or not course.test_questions(english):
            found.append(Gap("test_questions"))
        modules = list(course.modules) if course else []
        without = tuple(m.slug for m in modules if _has_passages_for_others(m, audience.id))
        if without:
            found.append(Gap("passages", without))
        unmentioned = tuple(language for language, text in home_pages.items()
                            if not _mentions(text, audience.name.get(language, "")))
        if unmentioned:
            found.append(Gap("home_page", unmentioned))
        documents = [*modules, *([toolkit.one_pager] if toolkit and toolkit.one_pager else []),
                     *items]
        untranslated = tuple(language for language in curriculum.languages[1:]
                             if any(not d.is_translated(language) for d in documents))
        if untranslated:
            found.append(Gap("translations", untranslated))
        if found:
            gaps[audience.id] = found
    return gaps


def _has_passages_for_others(module, audience_id: str) -> bool:
    """A shared module with passages for other audiences (their role) but none for this one."""
    named: set[str] = set()
    for block in scan_blocks(module.text(module.source_language).body):
        if block.name == "audience":
            named |= set(block.argument.split())
    return bool(named) and audience_id not in named


def _mentions(text: str, name: str) -> bool:
    """Whether `text` speaks of the audience called `name`: one of its longer words, by its
    first letters (Azerbaijani and Russian words change their endings)."""
    stems = {word.lower()[:5] for word in re.findall(r"\w+", name) if len(word) >= 5}
    words = {word.lower()[:5] for word in re.findall(r"\w+", text)}
    return bool(stems & words) if stems else name.lower() in text.lower()
