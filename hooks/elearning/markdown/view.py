"""What the page being rendered is: which language, which course, where it is shown."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class PageView:
    language: str
    audience: str | None = None  # the course shown; None shows every passage, labelled
    audience_names: Mapping[str, str] = field(default_factory=dict)  # in `language`
    source_uri: str = ""  # where the text was written, relative to the content folder
    view_uri: str = ""  # where it is shown (differs for a module seen in a course)
    # Pages whose text is shown elsewhere in this view ('modules/x.md' -> 'courses/a/x.md'),
    # so that a link to a module stays inside the course.
    shown_as: Mapping[str, str] = field(default_factory=dict)
    quizzes: tuple = ()  # the text's questions (domain Quiz), in reading order
    test_questions: tuple = ()  # on a course test page: (module slug, title, quizzes)...
    decisions: tuple = ()  # the text's decision exercises (domain Decision), loaded and valid
    trainer: bool = False  # a page for facilitators: trainer notes shown (never to learners)


@dataclass
class ViewState:
    """Shared by the extensions; the hook layer sets `current` before each page renders."""

    contacts: Mapping = field(default_factory=dict)  # id -> domain Contact
    _current: PageView | None = None
    _quizzes_rendered: int = 0
    _decisions_rendered: int = 0

    @property
    def current(self) -> PageView | None:
        return self._current

    @current.setter
    def current(self, view: PageView | None) -> None:
        self._current, self._quizzes_rendered, self._decisions_rendered = view, 0, 0

    @property
    def language(self) -> str:
        return self._current.language if self._current else "en"

    def next_quiz(self, question: str):
        """The loaded question that this page's next quiz block shows, if it was loaded."""
        quizzes = self._current.quizzes if self._current else ()
        if self._quizzes_rendered < len(quizzes):
            quiz = quizzes[self._quizzes_rendered]
            self._quizzes_rendered += 1
            if quiz.question == question.strip():
                return quiz
        return None

    def next_decision(self):
        """The loaded exercise that this page's next ```decision fence shows (None if the
        page was not loaded as a module, or the exercise is invalid and was reported)."""
        self._decisions_rendered += 1
        decisions = self._current.decisions if self._current else ()
        return next((d for d in decisions if d.position == self._decisions_rendered), None)
