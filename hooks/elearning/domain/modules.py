"""Modules: one Markdown file per module, translations beside it (<slug>.az.md, <slug>.ru.md).

Modules are discovered, never listed. The English file owns `audiences`, `duration` and
`order`; a translation owns only its words (title, objectives, text).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Mapping

from pydantic import Field

from .audiences import Audience
from .documents import check_owned_by_english, checked_blocks, discover, read_source
from .problems import Problems
from .quizzes import Quiz, quizzes_in
from .schema import ContentModel, Text, validate
from .source import MarkdownSource, display_path
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
    quizzes: tuple[Quiz, ...] = ()


@dataclass(frozen=True)
class Module:
    slug: str
    audiences: tuple[str, ...]
    duration: int
    order: int | None
    texts: Mapping[str, ModuleText]  # by language; the source language is always there
    source_language: str

    def text(self, language: str) -> ModuleText:
        """The text in `language`, or in the source language where not translated."""
        return self.texts.get(language) or self.texts[self.source_language]

    def is_translated(self, language: str) -> bool:
        return language in self.texts

    def quizzes_for(self, audience_id: str, language: str) -> tuple[Quiz, ...]:
        """The questions a learner of this audience's course sees (not other audiences')."""
        return tuple(q for q in self.text(language).quizzes if q.shown_to(audience_id))


def load_modules(folder: Path, root: Path, languages: tuple[str, ...],
                 audiences: Mapping[str, Audience], problems: Problems) -> dict[str, Module]:
    files = discover(folder, root, languages, problems, what="module",
                     example="forced-labour.md", reserved=RESERVED_SLUGS)
    context = {"audiences": audiences, "languages": languages}
    modules: dict[str, Module] = {}
    for slug, by_language in files.items():
        module = _load_module(slug, by_language, root, languages[0], context, problems)
        if module is not None:
            modules[slug] = module
    return modules


def _load_module(slug, by_language, root, source_language, context, problems) -> Module | None:
    english = read_source(by_language[source_language], root, problems)
    if english is None:
        return None
    display = display_path(english.path, root)
    meta = validate(ModuleMeta, english.meta, display, problems, context=context)
    blocks = checked_blocks(english, display, context["audiences"], problems)
    if meta is None:
        return None
    texts = {source_language: _text(source_language, meta, english, display,
                                    quizzes_in(blocks, slug, display, problems))}
    for language, path in by_language.items():
        if language == source_language:
            continue
        translation = read_source(path, root, problems)
        if translation is None:
            continue
        shown = display_path(path, root)
        words = validate(TranslationMeta, translation.meta, shown, problems, context=context)
        blocks = checked_blocks(translation, shown, context["audiences"], problems)
        if words is None:
            continue
        quizzes = quizzes_in(blocks, slug, shown, problems)
        _check_same_questions(quizzes, texts[source_language].quizzes, shown, slug, problems)
        check_owned_by_english(words, meta, ("audiences", "duration", "order"), translation,
                               english, shown, slug, context["audiences"], problems)
        texts[language] = _text(language, words, translation, shown, quizzes)
    return Module(slug, meta.audiences, meta.duration, meta.order, texts, source_language)


def _text(language: str, meta, source: MarkdownSource, display: str,
          quizzes: list[Quiz]) -> ModuleText:
    return ModuleText(language, meta.title, tuple(meta.objectives), source.body, display,
                      source.body_line, getattr(meta, "translated_from", None), tuple(quizzes))


def _check_same_questions(quizzes: list[Quiz], english: tuple[Quiz, ...], display: str,
                          slug: str, problems: Problems) -> None:
    """Progress and test results are kept by question id, in every language alike."""
    ids, expected = [q.id for q in quizzes], [q.id for q in english]
    if ids != expected:
        problems.add(display, None, f"the questions differ from the English file {slug}.md: "
                     f"ids here {ids}, in English {expected}. A translation has the same "
                     "questions, in the same order, with the same ids.")
