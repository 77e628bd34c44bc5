"""Translation status: what is still to translate, and which translations the English
text has moved away from since.

A translation records what it was translated from: `translated_from: "<fingerprint>"` in
its front matter, a short fingerprint of the English file. It travels with the file, so
stale translations are found in any copy of the project, with or without git history.
`make translations` lists the work and writes the stamp once a translator is done.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import frontmatter
import yaml

from .blocks import without_block_lines, without_fences
from .contacts import CONTACT_REFERENCE_PATTERN
from .modules import Module
from .source import YAML_LOADER, ContentSyntaxError, display_path, read_markdown
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
    stamp: str | None = None  # the translation's stamp (what it was translated from)


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
            mark = _stamp_in(translation) if translation.exists() else None
            state = _state(mark, current) if translation.exists() else MISSING
            state = _still_english(translation, language, state)
            found.append(Status("guide", slug, language, state, name,
                                display_path(translation, root), stamp=_text_or_none(mark)))
    for document in documents:
        english = root / document.texts[document.source_language].file
        current = fingerprint(english.read_text(encoding="utf-8-sig"))
        for language in languages[1:]:
            translation = english.with_name(f"{document.slug}.{language}.md")
            text = document.texts.get(language)
            mark = None
            if text is not None:
                mark = text.translated_from
            elif translation.exists():  # not loaded (the build reports why): read its stamp
                mark = _stamp_in(translation)
            state = _state(mark, current) if translation.exists() else MISSING
            state = _still_english(translation, language, state)
            found.append(Status(KINDS[type(document)], document.slug, language, state,
                                display_path(english, root), display_path(translation, root),
                                stamp=_text_or_none(mark)))
    for name in data_files:
        path = root / name
        entries = _entries(path)
        for language in languages[1:]:
            lacking = tuple(key for key, entry in entries.items()
                            if not _has_language(entry, languages[0], language))
            found.append(Status("data file", name, language, MISSING if lacking else TRANSLATED,
                                name, name, lacking))
    return found


def _still_english(translation: Path, language: str, state: str) -> str:
    if state == MISSING:
        return state
    return UNTRANSLATED if mostly_english(translation.read_text(encoding="utf-8-sig",
                                                               errors="replace"),
                                          language) else state


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


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
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=YAML_LOADER)
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


# -- text still in English, and what changed in English since a stamp ------------------------
UNTRANSLATED = "untranslated"  # the file exists, but its text is still mostly English
# Frequent English words: about a third of the words of an English text, under 2% of the
# words of the shipped Azerbaijani and Russian translations (tuned on them; tests/content).
ENGLISH_WORDS = frozenset("the and of to a in is that for it with as on be are this or by not "
                          "you your they their if what who when from at have has will can do "
                          "an was should".split())
MOSTLY_ENGLISH = 0.15  # share of ENGLISH_WORDS among the words
# Letters a text in the language has: Cyrillic for ru (over 95% of the letters of the shipped
# Russian), ə ğ ı ş ç ö ü for az (about 18% of the letters of the shipped Azerbaijani).
OWN_LETTERS = {"ru": (re.compile("[\u0400-\u0481\u048a-\u04ff]"), 0.5),  # the letters of U+04xx
               "az": (re.compile("[əğışçöüƏĞIŞÇÖÜİ]"), 0.05)}
MIN_WORDS = 20  # too short a text to judge
# Not words of the language: code, contact references, link targets, tags (block and fence
# lines are taken out by the scanner that reads them for the build, domain/blocks.py).
_WORD = re.compile(r"[^\W\d_]+")  # letters: word characters but digits and _
_NOT_WORDS = re.compile(rf"`[^`\n]*`|{CONTACT_REFERENCE_PATTERN}|\]\([^)]*\)|<[^>]*>")


def _without_front_matter(text: str) -> str:
    """The body, as frontmatter.loads(text).content gives it, without parsing the YAML
    (only the words are counted here; the loader reports bad front matter)."""
    text = text.strip()
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return text
    try:
        return handler.split(text)[1].strip()
    except ValueError:
        return text


def mostly_english(text: str, language: str) -> bool:
    """Whether the body of a translation's file is still mostly English (copied and not yet
    translated): many frequent English words, or few letters of the language."""
    body = _NOT_WORDS.sub(" ", without_block_lines(without_fences(
        _without_front_matter(text.lstrip("\ufeff")))))
    words = _WORD.findall(body.lower())
    if len(words) < MIN_WORDS:
        return False
    if sum(word in ENGLISH_WORDS for word in words) / len(words) >= MOSTLY_ENGLISH:
        return True
    if language in OWN_LETTERS:
        own, least = OWN_LETTERS[language]
        # Counted in C: a Python loop over every character was a third of the check's time.
        return len(own.findall(body)) / sum(map(str.isalpha, body)) < least
    return False


def english_when_stamped(english: Path, stamp_value: str, root: Path) -> str | None:
    """The English file as it was when the translation was stamped: the version in the git
    history whose fingerprint is the stamp (None without git, or if no version matches)."""
    relative = english.resolve().relative_to(root.resolve()).as_posix()
    try:
        commits = subprocess.run(["git", "log", "--format=%H", "-n", "200", "--", relative],
                                 cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    for commit in commits.stdout.split() if commits.returncode == 0 else ():
        shown = subprocess.run(["git", "show", f"{commit}:{relative}"], cwd=root,
                               capture_output=True, timeout=30)
        if shown.returncode != 0:
            continue
        text = shown.stdout.decode("utf-8", "replace")
        if fingerprint(text) == stamp_value:
            return text
    return None


def changed_paragraphs(old: str, new: str) -> list[tuple[str, int, str]]:
    """What changed between two versions of an English file, paragraph by paragraph:
    ('-', line in the old file, paragraph) for removed or changed text, ('+', line in the
    new file, paragraph) for its new wording or added text."""
    def paragraphs(text: str) -> list[tuple[int, str]]:
        meta, body = frontmatter.parse(text.lstrip("\ufeff"))
        offset = text.count("\n", 0, len(text) - len(body)) if body else 0
        found, lines, start = [], [], 0
        for number, line in enumerate(body.splitlines() + [""], offset + 1):
            if line.strip():
                start = start if lines else number
                lines.append(line.strip())
            elif lines:
                found.append((start, " ".join(lines)))
                lines = []
        return [(1, " ".join(f"{k}: {v}" for k, v in meta.items()
                          if k not in ENGLISH_ONLY_KEYS))] + found

    before, after = paragraphs(old), paragraphs(new)
    matcher = difflib.SequenceMatcher(a=[p for _, p in before], b=[p for _, p in after],
                                      autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes += [("-", line, text) for line, text in before[i1:i2]]
        changes += [("+", line, text) for line, text in after[j1:j2]]
    return changes
