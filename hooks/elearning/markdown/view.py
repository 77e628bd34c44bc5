"""What the page being rendered is: which language, which course, where it is shown, and what
the loader read in its text (the renderer shows those objects, it never reads text again)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..domain.modules import ModuleText
from ..domain.toolkits import ItemText


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
    # The module text the page shows, as loaded (its questions and exercises in reading order:
    # `ModuleText.shown`); None: the page is no module's text.
    text: ModuleText | None = None
    # The texts a generated page joins (the toolkit items of a one-pager, mini-toolkit or
    # facilitator guide, and the modules' cases and trainer notes in the guide: see
    # Module.for_trainers), as loaded, in the order the page shows them (`shown` of each).
    items: tuple[ItemText | ModuleText, ...] = ()
    file: str = ""  # the page's source file as the author sees it (errors name it)
    test_questions: tuple = ()  # on a course test page: (module slug, title, quizzes)...
    # A pre-test or final test: it measures what a learner knows, so it gives no help that
    # could give an answer away (no glossary tooltips: a term's meaning can be the answer).
    measures: bool = False
    trainer: bool = False  # a page for facilitators: trainer notes shown (never to learners)

    @property
    def texts(self) -> tuple[ModuleText | ItemText, ...]:
        """The loaded texts the page shows, in page order (none: no module or toolkit page)."""
        return (self.text,) if self.text is not None else self.items


@dataclass
class ViewState:
    """Shared by the extensions; the hook layer sets `current` before each page renders."""

    contacts: Mapping = field(default_factory=dict)  # id -> domain Contact
    flowcharts: Mapping = field(default_factory=dict)  # YAML text -> domain Flowchart or None
    # The glossary of the language being built (glossary_terms.Glossary), or None.
    glossary: object = None
    errors: list[str] = field(default_factory=list)  # of the current page; see `take`
    _current: PageView | None = None
    _taken: dict[str, int] = field(default_factory=dict)

    @property
    def current(self) -> PageView | None:
        return self._current

    @current.setter
    def current(self, view: PageView | None) -> None:
        self._current, self._taken, self.errors = view, {}, []

    @property
    def language(self) -> str:
        return self._current.language if self._current else "en"

    def take(self, kind: str, identity: str, shown_as: str) -> object | None:
        """The loaded object (Quiz, Decision, Case, Scenario, audience ids) that the page's
        next block or fence of `kind` shows, after checking it is the same construct
        (`identity`: a block's argument, a fence's text). None: show the text as written,
        because the loader reported it (invalid), or the page shows no loaded text (no
        module or toolkit page), or it is not the construct the loader read: that is
        recorded in `errors` and stops the build (it could show a question under another
        id than the one its progress is stored by)."""
        texts = self._current.texts if self._current is not None else ()
        if not texts:
            return None
        position = self._taken.get(kind, 0)
        self._taken[kind] = position + 1
        loaded = [(text, s) for text in texts for s in text.shown if s.kind == kind]
        expected = loaded[position] if position < len(loaded) else None
        if expected is not None and expected[1].identity.strip() == identity.strip():
            return expected[1].model
        found = f"'{expected[1].identity.strip()[:60]}'" if expected else "nothing"
        message = (f"{_where(self._current, identity, expected)}: the page shows {shown_as} where the "
                   f"content loader read {found} (the {kind} number {position + 1} of the "
                   f"{'text' if len(texts) == 1 else 'page'}). The page would show something "
                   "other than what was checked (a question under another id than the one its "
                   "progress is stored by): check that every block and fence above it is "
                   "closed, then build again. If the text is right, this is a fault of the "
                   "build: report it.")
        self.errors.append(message)
        return None


def _where(view: PageView, identity: str, expected) -> str:
    """'file, line n' of the page's construct: the first loaded text holding it as written,
    else the construct the loader read in its place, else the page (its only text's file)."""
    for text in view.texts if identity.strip() else ():  # no argument: known by its place
        written = text.body.find(identity.strip())
        if written >= 0:
            return f"{text.file}, line {text.body_line + text.body.count(chr(10), 0, written)}"
    if expected is not None:
        return f"{expected[0].file}, line {expected[1].line}"
    return view.file or view.texts[0].file
