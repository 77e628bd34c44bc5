"""Modules: one Markdown file per module, translations beside it (<slug>.az.md, <slug>.ru.md).

Modules are discovered, never listed. The English file owns `audiences`, `duration` and
`order`; a translation owns only its words (title, objectives, text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Mapping

from pydantic import Field

from .audiences import Audience, unknown_audience_message
from .blocks import TextBlock, scan_blocks
from .problems import Problems
from .quizzes import Quiz, quizzes_in
from .schema import ContentModel, Text, validate
from .source import ContentSyntaxError, MarkdownSource, display_path, read_markdown
from .tagging import AudienceIds

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    source_language = languages[0]
    files: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.glob("*.md")):
        slug, _, language = path.name[: -len(".md")].partition(".")
        display = display_path(path, root)
        if language and language not in languages:
            problems.add(display, None, f"'.{language}.md' is not a language of this site: "
                         f"name translations <slug>.{'.md, <slug>.'.join(languages[1:])}.md.")
            continue
        if not SLUG.match(slug) or slug in RESERVED_SLUGS:
            problems.add(display, None, f"'{slug}' cannot be a module file name: use lower-case "
                         "letters, digits and hyphens (and not 'index'), for example "
                         "forced-labour.md.")
            continue
        files.setdefault(slug, {})[language or source_language] = path

    context = {"audiences": audiences, "languages": languages}
    modules: dict[str, Module] = {}
    for slug, by_language in files.items():
        if source_language not in by_language:
            for path in by_language.values():
                problems.add(display_path(path, root), None,
                             f"this translation has no English file: add {slug}.md beside it "
                             "(the English file says which courses the module belongs to).")
            continue
        module = _load_module(slug, by_language, root, source_language, context, problems)
        if module is not None:
            modules[slug] = module
    return modules


def _load_module(slug, by_language, root, source_language, context, problems) -> Module | None:
    english = _read(by_language[source_language], root, problems)
    if english is None:
        return None
    display = display_path(english.path, root)
    meta = validate(ModuleMeta, english.meta, display, problems, context=context)
    blocks = _checked_blocks(english, display, context["audiences"], problems)
    if meta is None:
        return None
    texts = {source_language: _text(source_language, meta, english, display,
                                    quizzes_in(blocks, slug, display, problems))}
    for language, path in by_language.items():
        if language == source_language:
            continue
        translation = _read(path, root, problems)
        if translation is None:
            continue
        shown = display_path(path, root)
        words = validate(TranslationMeta, translation.meta, shown, problems, context=context)
        blocks = _checked_blocks(translation, shown, context["audiences"], problems)
        if words is None:
            continue
        quizzes = quizzes_in(blocks, slug, shown, problems)
        _check_same_questions(quizzes, texts[source_language].quizzes, shown, slug, problems)
        for key in ("audiences", "duration", "order"):
            stated = getattr(words, key)
            if stated is None:
                continue
            expected = getattr(meta, key)
            if key == "audiences":
                stated = _as_ids(stated, context["audiences"])
            if stated != expected:
                problems.add(shown, translation.meta.line_of((key,)),
                             f"'{key}' differs from the English file {slug}.md "
                             f"({getattr(words, key)!r} here, {english.meta.data.get(key)!r} "
                             f"there). Remove '{key}' from the translation: it comes from "
                             "the English file.")
        texts[language] = _text(language, words, translation, shown, quizzes)
    return Module(slug, meta.audiences, meta.duration, meta.order, texts, source_language)


def _read(path: Path, root: Path, problems: Problems) -> MarkdownSource | None:
    try:
        return read_markdown(path)
    except ContentSyntaxError as error:
        problems.add(display_path(path, root), error.line, f"front matter: {error.message}")
        return None


def _text(language: str, meta, source: MarkdownSource, display: str,
          quizzes: list[Quiz]) -> ModuleText:
    return ModuleText(language, meta.title, tuple(meta.objectives), source.body, display,
                      source.body_line, getattr(meta, "translated_from", None), tuple(quizzes))


def _as_ids(value: Any, audiences: Mapping[str, Audience]) -> tuple[str, ...]:
    if value == "all":
        return tuple(audiences)
    return tuple(value.split() if isinstance(value, str) else value or ())


def _checked_blocks(source: MarkdownSource, display: str, audiences: Mapping[str, Audience],
                    problems: Problems) -> list[TextBlock]:
    """The text's blocks; audience passages must name known audiences."""
    blocks = scan_blocks(source.body, source.body_line)
    for block in blocks:
        if block.name != "audience":
            continue
        ids = block.argument.split()
        if not ids:
            problems.add(display, block.line, "this audience passage names no audience: write "
                         "'/// audience | ' followed by one or more audience ids.")
        for audience_id in ids:
            if audience_id not in audiences:
                problems.add(display, block.line, unknown_audience_message(audience_id, audiences))
    return blocks


def _check_same_questions(quizzes: list[Quiz], english: tuple[Quiz, ...], display: str,
                          slug: str, problems: Problems) -> None:
    """Progress and test results are kept by question id, in every language alike."""
    ids, expected = [q.id for q in quizzes], [q.id for q in english]
    if ids != expected:
        problems.add(display, None, f"the questions differ from the English file {slug}.md: "
                     f"ids here {ids}, in English {expected}. A translation has the same "
                     "questions, in the same order, with the same ids.")
