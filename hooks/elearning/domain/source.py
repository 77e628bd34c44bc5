"""Reading content files: YAML data and Markdown with front matter, keeping line numbers.

Authors fix what they can find: every value read here remembers the line it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml


class ContentSyntaxError(Exception):
    """Text that is not valid YAML; `line` is 1-based in the file."""

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
        data = self.data[key]
        depth = 1
        lines = {p[depth:]: n for p, n in self.lines.items() if p[:depth] == (key,)}
        return Located(data, lines)


def parse_yaml(text: str, first_line: int = 1) -> Located:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        # Where an unclosed bracket or quote began helps more than the end of the text.
        mark = error.context_mark or error.problem_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or error.context or "invalid YAML"
        raise ContentSyntaxError(
            line,
            f"this is not valid YAML ({problem}). Check the indentation, the colons after "
            "keys, and put text that contains ': ' or starts with a special character "
            "in quotes.",
        ) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), first_line, lines)
    return Located(data, lines)


def _record_lines(node: yaml.Node, path: tuple, first_line: int, lines: dict) -> None:
    lines.setdefault(path, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = path + (key_node.value,)
            lines[key_path] = key_node.start_mark.line + first_line
            _record_lines(value_node, key_path, first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), first_line, lines)


def read_yaml_file(path: Path) -> Located:
    return parse_yaml(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into front matter (with lines) and body."""

    path: Path
    meta: Located
    body: str
    body_line: int  # line of the file where `body` starts


def read_markdown(path: Path) -> MarkdownSource:
    text = path.read_text(encoding="utf-8-sig")
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return MarkdownSource(path, Located({}, {}), text, 1)
    _, fm_text, body = handler.FM_BOUNDARY.split(text, 2)
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
