"""What the coordinator's staff need to see to keep the content alive: coverage of the
audiences, and everything still to be validated. (Translation status: translations.py.)"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cases import missing_model_answer
from .curriculum import Curriculum
from .problems import ContentProblem
from .tagging import in_order

TO_VALIDATE = re.compile(r"\{\?(?P<fact>.+?)\?\}", re.DOTALL)


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
