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
        """The pre-test and final test: per module, the questions marked `test: true`, or
        the module's first question where none is marked."""
        questions = []
        for module in self.modules:
            shown = self.quizzes(module, language)
            chosen = tuple(q for q in shown if q.in_test) or shown[:1]
            if chosen:
                questions.append((module, chosen))
        return questions

    def __contains__(self, slug: str) -> bool:
        return any(module.slug == slug for module in self.modules)


def assemble_courses(audiences: Iterable[Audience], modules: Iterable[Module]) -> list[Course]:
    modules = list(modules)
    return [Course(audience, tuple(for_audience(modules, audience.id))) for audience in audiences]
