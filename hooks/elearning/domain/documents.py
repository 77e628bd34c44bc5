"""Documents written in English with their translations beside them (<slug>.az.md, ...).

Modules and toolkit items are both such documents: found by file name, never listed; the
English file owns how a document is tagged and ordered, a translation owns only its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .audiences import Audience, unknown_audience_message
from .blocks import TextBlock, scan
from .problems import Problems
from .schema import validate
from .source import ContentSyntaxError, MarkdownSource, display_path, read_markdown

# Blocks inside blocks: a case inside an audience passage inside a details is plenty; a deep
# pile is a mistake (unclosed blocks) and would exhaust the Markdown renderer's stack.
MAX_DEPTH = 8
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def discover(folder: Path, root: Path, languages: tuple[str, ...], problems: Problems, *,
             what: str, example: str, reserved: Iterable[str] = ()) -> dict[str, dict[str, Path]]:
    """slug -> language -> file, for every English document of `folder` (and its translations)."""
    source_language = languages[0]
    files: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.glob("*.md")):
        slug, _, language = path.name[: -len(".md")].partition(".")
        display = display_path(path, root)
        if language and language not in languages:
            problems.add(display, None, f"'.{language}.md' is not a language of this site: "
                         f"name translations <slug>.{'.md, <slug>.'.join(languages[1:])}.md.")
            continue
        if not SLUG.match(slug) or slug in reserved:
            problems.add(display, None, f"'{slug}' cannot be a {what} file name: use lower-case "
                         f"letters, digits and hyphens, for example {example}.")
            continue
        files.setdefault(slug, {})[language or source_language] = path
    for slug, by_language in list(files.items()):
        if source_language not in by_language:
            for path in by_language.values():
                problems.add(display_path(path, root), None,
                             f"this translation has no English file: add {slug}.md beside it "
                             f"(the English file says whom the {what} is for).")
            del files[slug]
    return files


class Translatable:
    """A document's texts by language (`texts`), the source language always among them."""

    texts: Mapping[str, Any]
    source_language: str

    def text(self, language: str):
        """The text in `language`, or in the source language where not translated."""
        return self.texts.get(language) or self.texts[self.source_language]

    def is_translated(self, language: str) -> bool:
        return language in self.texts


@dataclass(frozen=True)
class Version:
    """One language's file of a document, its validated front matter and what its text holds
    (questions, flowcharts... as the kind of document's body check found them)."""

    language: str
    source: MarkdownSource
    file: str  # as the author sees it
    meta: Any
    body: Any


def load_versions(slug: str, by_language: Mapping[str, Path], root: Path, source_language: str,
                  models: tuple[type, type], owned: tuple[str, ...], context: dict,
                  problems: Problems,
                  check_body: Callable[[MarkdownSource, str, Any], Any]) -> dict[str, Version]:
    """The English version and every valid translation of one document (empty if the English
    one is invalid). `check_body(source, file, english_body)` checks a text (for a translation,
    against the English text's findings) and returns its findings."""
    meta_model, translation_model = models
    english = read_source(by_language[source_language], root, problems)
    if english is None:
        return {}
    display = display_path(english.path, root)
    meta = validate(meta_model, english.meta, display, problems, context=context)
    body = check_body(english, display, None)
    _check_plain_title(meta, english, display, problems)
    if meta is None:
        return {}
    versions = {source_language: Version(source_language, english, display, meta, body)}
    for language, path in by_language.items():
        if language == source_language:
            continue
        translation = read_source(path, root, problems)
        if translation is None:
            continue
        shown = display_path(path, root)
        words = validate(translation_model, translation.meta, shown, problems, context=context)
        translated = check_body(translation, shown, body)
        _check_plain_title(words, translation, shown, problems)
        if words is None:
            continue
        check_owned_by_english(words, meta, owned, translation, english, shown, slug,
                               context["audiences"], problems)
        versions[language] = Version(language, translation, shown, words, translated)
    return versions


_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")


def _check_plain_title(meta, source: MarkdownSource, file: str, problems: Problems) -> None:
    """A title is shown in headings, lists, the browser tab and printouts: plain words only."""
    title = getattr(meta, "title", None)
    found = _MARKUP.search(title) if isinstance(title, str) else None
    if found:
        problems.add(file, source.meta.line_of(("title",)), f"the title contains the markup "
                     f"'{found[0]}': write the title as plain words (it is shown as written "
                     "everywhere: headings, lists, the browser tab, printouts).")


def read_source(path: Path, root: Path, problems: Problems) -> MarkdownSource | None:
    try:
        return read_markdown(path)
    except ContentSyntaxError as error:
        where = "front matter: " if error.line else ""  # no line: the file itself is unreadable
        problems.add(display_path(path, root), error.line, where + error.message)
        return None


def check_owned_by_english(words, english, keys: tuple[str, ...], translation: MarkdownSource,
                           english_source: MarkdownSource, shown: str, slug: str,
                           audiences: Mapping[str, Audience], problems: Problems) -> None:
    """A translation may repeat what the English file owns, but not change it."""
    for key in keys:
        stated = getattr(words, key)
        if stated is None:
            continue
        compared = _as_ids(stated, audiences) if key == "audiences" else stated
        if compared != getattr(english, key):
            problems.add(shown, translation.meta.line_of((key,)),
                         f"'{key}' differs from the English file {slug}.md "
                         f"({stated!r} here, {english_source.meta.data.get(key)!r} there). "
                         f"Remove '{key}' from the translation: it comes from the English file.")


def checked_blocks(source: MarkdownSource, display: str, audiences: Mapping[str, Audience],
                   problems: Problems) -> list[TextBlock]:
    """The text's blocks; audience passages must name known audiences. A block or fence left
    open (or closed by the wrong line) stops the build: it would publish raw Markdown."""
    structure = scan(source.body, source.body_line)
    for problem in structure.problems:
        problems.add(display, problem.line, problem.message, stops=True)
    blocks = structure.blocks
    for block in blocks:
        if len(block.parents) == MAX_DEPTH:  # reported once, at the first block too deep
            problems.add(display, block.line, f"this block is inside {MAX_DEPTH} other blocks: "
                         "blocks can be nested a few levels only. Check that every block is "
                         "closed with its '///' line.", stops=True)
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


def _as_ids(value: Any, audiences: Mapping[str, Audience]) -> tuple[str, ...]:
    if value == "all":
        return tuple(audiences)
    return tuple(value.split() if isinstance(value, str) else value or ())
