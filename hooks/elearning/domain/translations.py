"""Translation status: what is still to translate, and which translations the English
text has moved away from since.

A translation records what it was translated from: `translated_from: "<fingerprint>"` in
its front matter, a short fingerprint of the English file. It travels with the file, so
stale translations are found in any copy of the project, with or without git history.
`make translations` lists the work and writes the stamp once a translator is done.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import frontmatter
import yaml

from .modules import Module
from .source import ContentSyntaxError, display_path, read_markdown
from .toolkits import ToolkitItem

STAMP_KEY = "translated_from"
FINGERPRINT_LENGTH = 10
# Front matter the English file owns (modules.py, toolkits.py): a new duration or audience
# needs no translator, so it does not make translations stale.
ENGLISH_ONLY_KEYS = frozenset({"audiences", "duration", "order", "kind"})
# Data files that hold every language side by side, each entry with a text per language.
DATA_FILES = ("curriculum/audiences.yml", "curriculum/glossary.yml", "toolkits/contacts.yml")
# Guides published in every language (docs/<name>.az.md beside docs/<name>.md): the
# coordinator's staff and trainers work in Azerbaijani. The other guides (authoring,
# terminology, test results) stay in English and the site says so in each language.
GUIDE_FILES = ("docs/maintainer-guide.md", "docs/trainer-guide.md")
KINDS = {Module: "module", ToolkitItem: "toolkit item"}

TRANSLATED, MISSING, STALE, UNSTAMPED = "translated", "missing", "stale", "unstamped"


@dataclass(frozen=True)
class Status:
    kind: str  # "module", "toolkit item" or "data file"
    name: str  # the slug, or the data file
    language: str
    state: str  # translated, missing, stale (English changed since) or unstamped (no stamp yet)
    english: str  # the English file, as the author sees it
    translation: str  # the translation's file (to be created, where missing)
    entries: tuple[str, ...] = ()  # data files: the entries without this language's text


def fingerprint(english_text: str) -> str:
    """A short fingerprint of an English file: any changed word changes it; re-wrapped
    lines, indentation and the keys the English file owns (ENGLISH_ONLY_KEYS) do not."""
    meta, body = frontmatter.parse(english_text.lstrip("\ufeff"))
    translated = {key: value for key, value in meta.items() if key not in ENGLISH_ONLY_KEYS}
    canonical = json.dumps(_words(translated), sort_keys=True, ensure_ascii=False, default=str)
    text = canonical + "\n" + " ".join(body.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def _words(value: Any) -> Any:
    """`value` with the whitespace of every text normalised."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {str(key): _words(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_words(item) for item in value]
    return value


def translation_status(documents: Iterable[Module | ToolkitItem], languages: tuple[str, ...],
                       root: Path, data_files: Iterable[str] = DATA_FILES,
                       guides: Iterable[str] = GUIDE_FILES) -> list[Status]:
    """The state of every translation of `documents` (modules and toolkit items, as loaded),
    of the `data_files` and of the `guides` (relative to `root`), for each language after
    the first."""
    found = []
    for name in guides:
        english = root / name
        if not english.exists():
            continue
        current = fingerprint(english.read_text(encoding="utf-8-sig"))
        slug = english.name.removesuffix(".md")
        for language in languages[1:]:
            translation = english.with_name(f"{slug}.{language}.md")
            state = _state(_stamp_in(translation), current) if translation.exists() else MISSING
            found.append(Status("guide", slug, language, state, name,
                                display_path(translation, root)))
    for document in documents:
        english = root / document.texts[document.source_language].file
        current = fingerprint(english.read_text(encoding="utf-8-sig"))
        for language in languages[1:]:
            translation = english.with_name(f"{document.slug}.{language}.md")
            text = document.texts.get(language)
            if text is not None:
                state = _state(text.translated_from, current)
            elif translation.exists():  # not loaded (the build reports why): read its stamp
                state = _state(_stamp_in(translation), current)
            else:
                state = MISSING
            found.append(Status(KINDS[type(document)], document.slug, language, state,
                                display_path(english, root), display_path(translation, root)))
    for name in data_files:
        path = root / name
        entries = _entries(path)
        for language in languages[1:]:
            lacking = tuple(key for key, entry in entries.items()
                            if not _has_language(entry, languages[0], language))
            found.append(Status("data file", name, language, MISSING if lacking else TRANSLATED,
                                name, name, lacking))
    return found


def _state(stamp: object, current: str) -> str:
    if stamp is None:
        return UNSTAMPED
    return TRANSLATED if str(stamp) == current else STALE


def _stamp_in(path: Path) -> object:
    try:
        return read_markdown(path).meta.data.get(STAMP_KEY)
    except ContentSyntaxError:
        return None


def _entries(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError:  # the build reports it with its line
        return {}
    return data if isinstance(data, dict) else {}


def _has_language(entry: Any, source: str, language: str) -> bool:
    """Wherever the entry gives a text in the source language, it gives one in `language`."""
    if isinstance(entry, dict):
        if source in entry and not _is_text(entry.get(language)):
            return False
        return all(_has_language(value, source, language)
                   for key, value in entry.items() if key not in (source, language))
    if isinstance(entry, list):
        return all(_has_language(item, source, language) for item in entry)
    return True


def _is_text(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip() not in ("", "...")  # '...' is the placeholder of the guide
    return value is not None


# -- stamping -------------------------------------------------------------------------------
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*(?P<newline>\r?\n)(?P<meta>.*?)^---[ \t]*\r?$",
                          re.DOTALL | re.MULTILINE)
STAMP_LINE = re.compile(rf"^{STAMP_KEY}:[ \t]*(?P<value>[^\s#]*)", re.MULTILINE)


def stamp(translation_path: Path, english_path: Path) -> bool:
    """Record in the translation that it matches the English file as it is now.

    Only the `translated_from` line changes (or is added at the end of the front matter):
    the rest of the file stays byte for byte as the translator wrote it.
    Returns whether the file changed."""
    current = fingerprint(english_path.read_text(encoding="utf-8-sig"))
    value = f'"{current}"'  # quoted: a fingerprint of digits only must stay text in YAML
    text = translation_path.read_bytes().decode("utf-8")
    front = FRONT_MATTER.match(text)
    if front is None:  # no front matter yet (the build asks for a title anyway)
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        newline = "\r\n" if "\r\n" in text else "\n"
        changed = f"{bom}---{newline}{STAMP_KEY}: {value}{newline}---{newline}{text[len(bom):]}"
    else:
        line = STAMP_LINE.search(text, front.start("meta"), front.end("meta"))
        if line is not None:
            if line["value"].strip("'\"") == current:
                return False
            changed = text[:line.start("value")] + value + text[line.end("value"):]
        else:
            end = front.end("meta")
            changed = text[:end] + f"{STAMP_KEY}: {value}{front['newline']}" + text[end:]
    translation_path.write_bytes(changed.encode("utf-8"))
    return True


def english_file_of(translation_path: Path, languages: tuple[str, ...]) -> Path | None:
    """`forced-labour.az.md` -> `forced-labour.md` (None if the name is not a translation's)."""
    slug, _, language = translation_path.name.removesuffix(".md").partition(".")
    if not translation_path.name.endswith(".md") or language not in languages[1:]:
        return None
    return translation_path.with_name(f"{slug}.md")
