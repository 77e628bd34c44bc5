"""Courses: one per audience, made of the modules tagged for it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .audiences import Audience
from .modules import Module
from .quizzes import Quiz
from .tagging import for_audience


@dataclass(frozen=True)
class Course:
    audience: Audience
    modules: tuple[Module, ...]

    @property
    def id(self) -> str:
        return self.audience.id

    @property
    def duration(self) -> int:
        return sum(module.duration for module in self.modules)

    def neighbours(self, slug: str) -> tuple[Module | None, Module | None]:
        slugs = [module.slug for module in self.modules]
        index = slugs.index(slug)
        before = self.modules[index - 1] if index > 0 else None
        after = self.modules[index + 1] if index + 1 < len(self.modules) else None
        return before, after

    def quizzes(self, module: Module, language: str) -> tuple[Quiz, ...]:
        """The module's questions that a learner of this course sees."""
        return module.quizzes_for(self.id, language)

    def test_questions(self, language: str) -> list[tuple[Module, tuple[Quiz, ...]]]:
        """The pre-test and final test: per module, its test questions (`/// test-question`)
        for this audience; modules without any are left out (the maintainer report lists
        them). Self-check questions never go into the tests."""
        questions = []
        for module in self.modules:
            chosen = module.test_questions_for(self.id, language)
            if chosen:
                questions.append((module, chosen))
        return questions

    def modules_without_test_questions(self) -> list[Module]:
        return [m for m in self.modules if not m.test_questions_for(self.id, m.source_language)]

    def __contains__(self, slug: str) -> bool:
        return any(module.slug == slug for module in self.modules)


def assemble_courses(audiences: Iterable[Audience], modules: Iterable[Module]) -> list[Course]:
    modules = list(modules)
    return [Course(audience, tuple(for_audience(modules, audience.id))) for audience in audiences]
