"""Finding the authoring blocks (`/// name | argument` ... `///`) in a Markdown text.

The Markdown extensions render these blocks; this scanner lets the loader check them
before anything is rendered (so errors name file and line) and tells which blocks sit
inside which audience passage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = re.compile(r"^(?P<fence>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)[ \t]*(?:\|(?P<argument>.*))?$")
CLOSING = re.compile(r"^(?P<fence>/{3,})[ \t]*$")
FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass
class TextBlock:
    name: str
    argument: str
    line: int  # of the opening line, in the file
    end_line: int | None = None  # of the closing line (None while open or never closed)
    options: str = ""  # the indented YAML lines right under the opening line
    options_line: int = 0
    content: list[str] = field(default_factory=list)
    parents: tuple["TextBlock", ...] = ()
    end_line: int | None = None  # of the closing line; None if never closed

    @property
    def text(self) -> str:
        return "\n".join(self.content)


def scan_blocks(body: str, first_line: int = 1) -> list[TextBlock]:
    """Every block in `body`, in reading order (outer blocks before the blocks they hold)."""
    found: list[TextBlock] = []
    open_blocks: list[tuple[str, TextBlock]] = []
    in_code: str | None = None
    reading_options = False
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        fence = FENCED_CODE.match(line)
        if in_code:
            if fence and fence.group(1)[0] == in_code[0] and len(fence.group(1)) >= len(in_code):
                in_code = None
            _add_content(open_blocks, line)
            continue
        if fence:
            in_code = fence.group(1)
        opening, closing = OPENING.match(line), CLOSING.match(line)
        if opening:
            block = TextBlock(opening["name"].lower(), (opening["argument"] or "").strip(), number,
                              parents=tuple(b for _, b in open_blocks))
            found.append(block)
            open_blocks.append((opening["fence"], block))
            reading_options = True
            continue
        if closing and any(f == closing["fence"] for f, _ in open_blocks):
            while open_blocks:
                fence_text, closed = open_blocks.pop()
                closed.end_line = number
                if fence_text == closing["fence"]:
                    break
            reading_options = False
            continue
        if reading_options and open_blocks and line.startswith(("    ", "\t")) and line.strip():
            block = open_blocks[-1][1]
            block.options_line = block.options_line or number
            block.options += (line[4:] if line.startswith("    ") else line[1:]) + "\n"
            continue
        reading_options = False
        _add_content(open_blocks, line)
    return found


def _add_content(open_blocks, line: str) -> None:
    if open_blocks:
        open_blocks[-1][1].content.append(line)


def without_blocks(lines: list[str], name: str) -> list[str]:
    """`lines` with every `name` block (opening to closing line) replaced by one blank line."""
    spans = [(b.line - 1, (b.end_line or len(lines)) - 1)
             for b in scan_blocks("\n".join(lines)) if b.name == name]
    kept, skip_to = [], -1
    starts = {start: end for start, end in spans}
    for index, line in enumerate(lines):
        if index <= skip_to:
            continue
        if index in starts:
            skip_to = starts[index]
            kept.append("")
            continue
        kept.append(line)
    return kept
