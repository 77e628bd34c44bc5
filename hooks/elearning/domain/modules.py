"""Modules: one Markdown file per module, translations beside it (<slug>.az.md, <slug>.ru.md).

Modules are discovered, never listed. The English file owns `audiences`, `duration` and
`order`; a translation owns only its words (title, objectives, text).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Mapping

from pydantic import Field

from .audiences import Audience
from .blocks import Shown, TextBlock, shown_on_page as _shown_on_page
from .cases import Case, TrainerNote, cases_in, check_translated, trainer_notes_in
from .cases import shown as shown_cases_and_notes
from .decisions import DECISION, Decision, decisions_in
from .documents import Translatable, checked_blocks, discover, load_versions
from .problems import Problems
from .quizzes import TEST_QUESTION, Quiz, quizzes_in
from .scenarios import LoadedScenario, scenarios_in
from .schema import ContentModel, Text
from .source import MarkdownSource
from .tagging import AudienceIds

RESERVED_SLUGS = {"index"}  # modules/index.html is the module library

Minutes = Annotated[int, Field(gt=0)]


class ModuleMeta(ContentModel):
    """the front matter of a module"""

    title: Text = Field(description="the module's title, as text")
    audiences: AudienceIds = Field(
        description="'all' or a list of audience ids, for example [municipalities, employers]")
    duration: Minutes = Field(description="a whole number of minutes greater than 0")
    objectives: list[Text] = Field(
        min_length=1, description="a list of at least one learning objective, one per line "
        "starting with '- '")
    order: int | None = Field(None, description="a whole number (modules are listed by order)")
    description: Text | None = Field(None, description="one sentence for search engines")


class TranslationMeta(ContentModel):
    """the front matter of a translation"""

    title: Text = Field(description="the module's title in this language")
    objectives: list[Text] = Field(
        min_length=1, description="the learning objectives in this language, one per line "
        "starting with '- '")
    # Owned by the English file; allowed here only if they say the same.
    audiences: Any = Field(None, description="nothing (it comes from the English file)")
    duration: Any = Field(None, description="nothing (it comes from the English file)")
    order: Any = Field(None, description="nothing (it comes from the English file)")
    description: Text | None = Field(None, description="one sentence for search engines")
    translated_from: str | None = Field(
        None, description="the short fingerprint of the English text this translation was "
        "made from (written by `make translations`)")


@dataclass(frozen=True)
class ModuleText:
    """A module's words in one language."""

    language: str
    title: str
    objectives: tuple[str, ...]
    body: str
    file: str  # as the author sees it
    body_line: int
    translated_from: str | None = None
    quizzes: tuple[Quiz, ...] = ()  # self-check questions, shown in the module
    cases: tuple[Case, ...] = ()  # with their model answers
    trainer_notes: tuple[TrainerNote, ...] = ()  # for facilitators, never shown to learners
    test_questions: tuple[Quiz, ...] = ()  # for the course tests only, never shown here
    decisions: tuple[Decision, ...] = ()  # the decision exercises, loaded and valid
    # What the page of this text shows, as loaded, in reading order: its question blocks,
    # decision fences, case studies and audience passages, each with its Quiz, Decision, Case
    # or audience ids (None: invalid, reported).
    shown: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class Module(Translatable):
    slug: str
    audiences: tuple[str, ...]
    duration: int
    order: int | None
    texts: Mapping[str, ModuleText]  # by language; the source language is always there
    source_language: str

    def quizzes_for(self, audience_id: str, language: str) -> tuple[Quiz, ...]:
        """The questions a learner of this audience's course sees (not other audiences')."""
        return tuple(q for q in self.text(language).quizzes if q.shown_to(audience_id))

    def test_questions_for(self, audience_id: str, language: str) -> tuple[Quiz, ...]:
        """The module's test questions in this audience's pre-test and final test."""
        return tuple(q for q in self.text(language).test_questions if q.shown_to(audience_id))

    def decisions_for(self, audience_id: str, language: str) -> tuple[Decision, ...]:
        """The decision exercises a learner of this audience's course meets."""
        return tuple(d for d in self.text(language).decisions if d.shown_to(audience_id))

    def cases_for(self, audience_id: str, language: str) -> tuple[Case, ...]:
        """The case studies a learner of this audience's course meets."""
        return tuple(c for c in self.text(language).cases
                     if c.audiences is None or audience_id in c.audiences)

    def trainer_notes_for(self, audience_id: str, language: str) -> tuple[TrainerNote, ...]:
        """The trainer notes of this audience's course (never shown to learners)."""
        return tuple(n for n in self.text(language).trainer_notes
                     if n.audiences is None or audience_id in n.audiences)

    def for_trainers(self, audience_id: str, language: str) -> ModuleText:
        """The text as the facilitator guide shows it (this audience's cases, then its
        trainer notes): what it shows inside them, in that order (a decision exercise
        written in a case)."""
        text = self.text(language)
        parts = [c.text for c in self.cases_for(audience_id, language)] + \
            [n.text for n in self.trainer_notes_for(audience_id, language)]
        decisions = [s for s in text.shown if s.kind == DECISION]
        return replace(text, shown=tuple(s for part in parts for s in decisions
                                         if s.identity.strip() in part))


def load_modules(folder: Path, root: Path, languages: tuple[str, ...],
                 audiences: Mapping[str, Audience], problems: Problems,
                 contacts: Mapping | None = None) -> dict[str, Module]:
    files = discover(folder, root, languages, problems, what="module",
                     example="forced-labour.md", reserved=RESERVED_SLUGS)
    context = {"audiences": audiences, "languages": languages, "contacts": contacts}
    modules: dict[str, Module] = {}
    for slug, by_language in files.items():
        module = _load_module(slug, by_language, root, languages[0], context, problems)
        if module is not None:
            modules[slug] = module
    return modules


def _load_module(slug, by_language, root, source_language, context, problems) -> Module | None:
    def questions(source: MarkdownSource, file: str, english: _Found | None) -> _Found:
        blocks = checked_blocks(source, file, context["audiences"], problems)
        quiz_blocks = quizzes_in(blocks, slug, file, problems)
        decision_fences = decisions_in(source.body, source.body_line, file, slug, blocks,
                                       context.get("contacts"), problems,
                                       english.decisions if english is not None else None)
        test_blocks = quizzes_in(blocks, slug, file, problems, TEST_QUESTION)
        quizzes = [s.model for s in quiz_blocks if s.model is not None]
        tests = [s.model for s in test_blocks if s.model is not None]
        valid = all(s.model is not None for s in (*quiz_blocks, *test_blocks))
        cases = cases_in(blocks, file, problems)
        notes = trainer_notes_in(blocks, file, problems)
        found = _Found(quizzes, cases, notes, tests, [s.model for s in decision_fences], valid,
                       shown_on_page(blocks, quiz_blocks, decision_fences, cases,
                                     scenarios_in(blocks, file, context.get("contacts") or {},
                                                  problems), notes))
        # An English question with an error is reported there once: its translations are
        # compared with the English text only once every English question is valid.
        if english is not None and english.valid:
            _check_same_questions(quizzes, english.quizzes, file, slug, problems)
            _check_same_questions(found.test_questions, english.test_questions, file, slug,
                                  problems, "test questions")
            check_translated(found.cases, found.notes, english.cases, english.notes, file,
                             f"{slug}.md", problems)
        return found

    versions = load_versions(slug, by_language, root, source_language,
                             (ModuleMeta, TranslationMeta), ("audiences", "duration", "order"),
                             context, problems, questions)
    if not versions:
        return None
    meta = versions[source_language].meta
    texts = {language: ModuleText(language, v.meta.title, tuple(v.meta.objectives),
                                  v.source.body, v.file, v.source.body_line,
                                  getattr(v.meta, "translated_from", None),
                                  tuple(v.body.quizzes), tuple(v.body.cases),
                                  tuple(v.body.notes), tuple(v.body.test_questions),
                                  tuple(d for d in v.body.decisions if d is not None),
                                  v.body.shown)
             for language, v in versions.items()}
    return Module(slug, meta.audiences, meta.duration, meta.order, texts, source_language)


def shown_on_page(blocks: list[TextBlock], quiz_blocks: list[Shown],
                  decision_fences: list[Shown], cases: list[Case],
                  scenarios: list[LoadedScenario] = (),
                  notes: list[TrainerNote] = ()) -> tuple[Shown, ...]:
    """What the page of a module text shows, as loaded, in reading order."""
    return _shown_on_page(blocks, quiz_blocks, decision_fences,
                          shown_cases_and_notes(blocks, cases, notes),
                          (s.shown for s in scenarios))


@dataclass(frozen=True)
class _Found:
    """What a module's text holds besides prose."""

    quizzes: list[Quiz]
    cases: list[Case]
    notes: list[TrainerNote]
    test_questions: list[Quiz]
    decisions: list  # Decision, or None where invalid (kept so positions match English)
    valid: bool = True  # every question block of the text gave a valid question
    shown: tuple[Shown, ...] = ()  # for the page: see ModuleText.shown


def _check_same_questions(quizzes: list[Quiz], english: list[Quiz], display: str,
                          slug: str, problems: Problems, kind: str = "questions") -> None:
    """Progress and test results are kept by question id, in every language alike; test
    results record options by number, so a translation keeps the number of options."""
    ids, expected = [q.id for q in quizzes], [q.id for q in english]
    if ids != expected:
        problems.add(display, None, f"the {kind} differ from the English file {slug}.md: "
                     f"ids here {ids}, in English {expected}. A translation has the same "
                     f"{kind}, in the same order, with the same ids.")
        return
    for quiz, original in zip(quizzes, english):
        marks = [c.correct for c in quiz.choices]
        if marks != [c.correct for c in original.choices]:
            problems.add(display, quiz.line, f"the question '{quiz.id}' has other options "
                         f"than in the English file {slug}.md: keep the same number of options, "
                         "in the same order, with the same ones marked [x].")
