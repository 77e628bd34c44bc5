"""Reading content files: YAML data and Markdown with front matter, keeping line numbers.

Authors fix what they can find: every value read here remembers the line it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import yaml


class ContentSyntaxError(Exception):
    """Text that is not valid YAML, or a file that is not UTF-8 text (`line` None); `line` is
    1-based in the file."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Located:
    """Parsed YAML plus the line of each key or list item (by its path of keys)."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def at(self, key) -> "Located":
        """The part of the data under `key`, with lines re-rooted there."""
        return Located(self.data[key], self._below.get(key, {}))

    @cached_property
    def _below(self) -> dict[Any, dict[tuple, int]]:
        # Grouped once: `at` for each of thousands of steps stays linear.
        below: dict[Any, dict[tuple, int]] = {}
        for path, line in self.lines.items():
            if path:
                below.setdefault(path[0], {})[path[1:]] = line
        return below


# libyaml when present: the pure-Python parser takes seconds for a long flowchart. Every
# YAML file of the build is read with it.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# PyYAML's words for common mistakes, and what they mean to an author.
_PLAIN_WORDS = (
    ("mapping values are not allowed", "a ':' followed by a space inside a value: put the "
     "whole value in quotes, or check that the line above is indented like its neighbours"),
    ("could not find expected ':'", "a line that is not 'key: value': add the ':' after the "
     "key, or indent the line like the one above if it continues a value"),
    ("did not find expected key", "a line indented differently from its neighbours: give "
     "lines at the same level the same number of spaces"),
    ("did not find expected '-' indicator", "a list item indented differently from the others:"
     " start every item of a list at the same column with '- '"),
    ("found unexpected end of stream", "a quote or bracket that is never closed"),
    ("found unexpected ':'", "a ':' in the middle of a value: put the value in quotes"),
    ("found character '@' that cannot start any token", "a value that starts with '@': put it "
     "in quotes"),
    ("found character '`' that cannot start any token", "a value that starts with '`': put it "
     "in quotes"),
    ("found undefined alias", "a value that starts with '*': put it in quotes"),
    ("found undefined tag handle", "a value that starts with '!': put it in quotes"),
)


def _first_tab(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The 0-based line of the tab that caused `error`, if a tab did."""
    marks = [m.line for m in (error.problem_mark, error.context_mark) if m is not None]
    for number, line in enumerate(text.splitlines()):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        after_colon = re.search(r":\t", line) or re.match(r"\s*-\t", line)
        if ("\t" in indent or after_colon) and (not marks or number <= max(marks)):
            return number
    return None


def _plain_words(problem: str) -> str:
    for jargon, plain in _PLAIN_WORDS:
        if jargon in problem:
            return plain
    return problem


def parse_yaml(text: str, first_line: int = 1) -> Located:
    """YAML text with the line of every key. Raises ContentSyntaxError, in plain words, for
    invalid YAML and for a key written twice in the same mapping (YAML would silently keep
    the second)."""
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as error:
        # Where an unclosed bracket or quote began helps more than the end of the text.
        mark = error.context_mark or error.problem_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or error.context or "invalid YAML"
        tab = _first_tab(text, error)
        if tab is not None:
            raise ContentSyntaxError(
                tab + first_line, f"line {tab + first_line} starts with a tab: indent YAML "
                "with spaces only (replace the tab with spaces).") from None
        raise ContentSyntaxError(
            line,
            f"this is not valid YAML: {_plain_words(problem)}. Check the indentation, the "
            "colons after keys, and put text that contains ': ' or starts with a special "
            "character in quotes.",
        ) from None
    except yaml.YAMLError as error:  # e.g. a character YAML does not allow
        raise ContentSyntaxError(None, f"this is not valid YAML ({error}).") from None
    lines: dict[tuple, int] = {}
    if node is None:
        return Located(None, lines)
    _record_lines(node, (), first_line, lines)
    try:
        data = YAML_LOADER(text).construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentSyntaxError(mark.line + first_line if mark else None,
                                 f"this is not valid YAML ({getattr(error, 'problem', error)}).") from None
    except RecursionError:
        raise ContentSyntaxError(first_line, "this YAML is nested too deeply to be read: "
                                 "content needs a few levels only.") from None
    return Located(data, lines)


def _record_lines(node: yaml.Node, path: tuple, first_line: int, lines: dict) -> None:
    """The line of every key and item, iteratively (deeply nested YAML must not exhaust
    Python's stack); a key written twice in one mapping is an error."""
    waiting = [(node, path)]
    while waiting:
        node, path = waiting.pop()
        lines.setdefault(path, node.start_mark.line + first_line)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + first_line
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else line
                if key in seen:
                    raise ContentSyntaxError(
                        line, f"'{key}' is written twice (lines {seen[key]} and {line}): YAML "
                        "would silently keep only the second. Keep one of them (or rename one).")
                seen[key] = line
                key_path = path + (key,)
                lines[key_path] = line
                waiting.append((value_node, key_path))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                waiting.append((item, path + (index,)))


def read_text(path: Path) -> str:
    """A content file's text. UTF-8, with or without a byte-order mark; anything else is a
    ContentSyntaxError naming the encoding it seems to be in and how to save it as UTF-8."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentSyntaxError(None, _not_utf8("UTF-16 (what Notepad calls 'Unicode')"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ContentSyntaxError(None, NOT_TEXT) from None
        raise ContentSyntaxError(None, _not_utf8(_guess_encoding(data))) from None
    if "\x00" in text:
        raise ContentSyntaxError(None, NOT_TEXT)
    return text


NOT_TEXT = ("this is not a text file (it holds binary data): content files must be Markdown "
            "or YAML text. Move it out of the content folders, or save it again as text.")
_ENCODING_NAMES = {"cp1251": "Windows-1251 (Cyrillic)", "windows-1251": "Windows-1251 (Cyrillic)",
                   "cp1252": "Latin-1 / Windows-1252 (Western European)",
                   "latin_1": "Latin-1 / Windows-1252 (Western European)",
                   "iso8859_1": "Latin-1 / Windows-1252 (Western European)", "cp1254": "Windows-1254 (Turkish)",
                   "iso8859_9": "ISO-8859-9 (Turkish)", "koi8_r": "KOI8-R (Cyrillic)",
                   "mac_cyrillic": "Mac Cyrillic", "utf_16": "UTF-16", "cp866": "CP866 (DOS Cyrillic)"}


# When several encodings would read the bytes alike, the one people here most likely used.
_LIKELY = ("utf_16", "cp1251", "koi8_r", "cp1252", "latin_1", "cp1254")


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only for files that are not UTF-8
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return "an encoding other than UTF-8"
    candidates = {name for match in matches for name in (match.encoding, *match.could_be_from_charset)}
    encoding = next((name for name in _LIKELY if name in candidates), best.encoding)
    return _ENCODING_NAMES.get(encoding, encoding)


def _not_utf8(encoding: str) -> str:
    return (f"this file is not saved as UTF-8 (it looks like {encoding}). Open it in your "
            "editor and save it with the encoding 'UTF-8' (in Notepad: File > Save as > "
            "Encoding: UTF-8; in VS Code: click the encoding in the status bar > Save with "
            "Encoding > UTF-8), then build again.")


def read_yaml_file(path: Path) -> Located:
    return parse_yaml(read_text(path))


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into front matter (with lines) and body."""

    path: Path
    meta: Located
    body: str
    body_line: int  # line of the file where `body` starts


def read_markdown(path: Path) -> MarkdownSource:
    text = read_text(path)
    handler = frontmatter.YAMLHandler()
    parts = handler.FM_BOUNDARY.split(text, 2) if handler.detect(text) else []
    if len(parts) < 3:
        if re.match(r"---[ \t]*\r?\n", text):
            raise ContentSyntaxError(1, "the front matter that starts on line 1 is never closed: "
                                        "add a line with only '---' after its last 'key: value' "
                                        "line.")
        return MarkdownSource(path, Located({}, {}), text, 1)
    _, fm_text, body = parts
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    meta = parse_yaml(fm_text, first_line=1)  # fm_text starts right after the first '---'
    if meta.data is None:
        meta = Located({}, {})
    elif not isinstance(meta.data, dict):
        raise ContentSyntaxError(
            2, "the front matter between the '---' lines must be a list of 'key: value' lines."
        )
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    return MarkdownSource(path, meta, body, body_line)


def display_path(path: Path, root: Path) -> str:
    """`path` as the author sees it: relative to the project folder."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
