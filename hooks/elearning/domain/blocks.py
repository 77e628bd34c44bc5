"""Finding the authoring blocks (`/// name | argument` ... `///`) in a Markdown text.

The Markdown extensions render these blocks; this scanner lets the loader check them
before anything is rendered (so errors name file and line) and tells which blocks sit
inside which audience passage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Iterable

OPENING = re.compile(r"^(?P<fence>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)[ \t]*(?:\|(?P<argument>.*))?$")
CLOSING = re.compile(r"^(?P<fence>/{3,})[ \t]*$")
# The one reading of fenced code (```info ... ```) for every part of the build.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")

# Every block the Markdown extensions render (tests/markdown checks the two lists agree). A
# '/// name' line with another name is not a block: it would be published as raw text.
BLOCK_NAMES = frozenset({"audience", "case", "answer", "trainer", "quiz", "test-question",
                         "scenario", "asks", "say", "do", "course-test", "quiz-sheet"})
# Blocks the renderer refuses (publishing them as raw text) without a '| argument', and the
# only ones that take options (indented 'key: value' lines under the opening line).
NEEDS_ARGUMENT = frozenset({"audience", "case", "quiz", "test-question", "scenario",
                            "course-test"})
TAKE_OPTIONS = frozenset({"quiz", "test-question", "scenario"})
# Said here for the blocks whose loader does not already say it in its own words.
_ARGUMENT_WORDS = {"case": "title", "scenario": "title"}


@dataclass(frozen=True)
class Fence:
    """A fenced code block: what follows the opening marker (`info`), the lines between the
    fence lines (`text`, without the opening line's indentation), the lines of both fences
    (`end_line` None: never closed, so code to the end of the text)."""

    line: int
    info: str
    text: str
    end_line: int | None


def closes_fence(line: str, opening: str) -> bool:
    """Whether `line` closes the fence opened by the marker `opening`: the same character at
    least as many times and nothing after it (as pymdownx.superfences reads it)."""
    found = FENCE.match(line)
    return bool(found) and not found["info"].strip() and found["fence"][0] == opening[0] \
        and len(found["fence"]) >= len(opening)


def fences(body: str, first_line: int = 1) -> list[Fence]:
    """Every fenced code block of `body`, in reading order. A fence line inside a fence
    (Markdown shown as an example) is code, not a fence of its own."""
    found: list[Fence] = []
    lines = body.splitlines()
    opening: tuple[re.Match, int] | None = None
    for offset, line in enumerate(lines):
        if opening is None:
            match = FENCE.match(line)
            opening = (match, offset) if match else None
        elif closes_fence(line, opening[0]["fence"]):
            found.append(_fence(lines, *opening, offset, first_line))
            opening = None
    if opening is not None:
        found.append(_fence(lines, *opening, None, first_line))
    return found


def without_fences(text: str) -> str:
    """`text` with every fenced block, fence lines included, blanked (line numbers kept)."""
    lines = text.splitlines(keepends=True)
    for fence in fences(text):
        for index in range(fence.line - 1, fence.end_line or len(lines)):
            lines[index] = re.sub(r"[^\n]", " ", lines[index])
    return "".join(lines)


def without_block_lines(text: str) -> str:
    """`text` with the opening, option and closing lines of every block blanked (line numbers
    kept): the words written, without the syntax around them."""
    lines = text.splitlines(keepends=True)
    for block in scan_blocks(text):
        options = range(block.options_line, block.options_line + block.options.count("\n")) \
            if block.options_line else ()
        for number in (block.line, *options, block.end_line):
            if number:
                lines[number - 1] = re.sub(r"[^\n]", " ", lines[number - 1])
    return "".join(lines)


def _fence(lines: list[str], opening: re.Match, start: int, end: int | None,
           first_line: int) -> Fence:
    indent = len(opening["indent"])
    text = "\n".join(line[indent:] if not line[:indent].strip() else line.lstrip()
                     for line in lines[start + 1: end])
    return Fence(first_line + start, opening["info"].strip(), text,
                 None if end is None else first_line + end)


@dataclass
class TextBlock:
    name: str
    argument: str
    line: int  # of the opening line, in the file
    fence: str = "///"  # the slashes of the opening line; the closing line has as many
    options: str = ""  # the indented YAML lines right under the opening line
    options_line: int = 0
    content: list[str] = field(default_factory=list)
    parents: tuple["TextBlock", ...] = ()
    end_line: int | None = None  # of the closing line; None if never closed

    @property
    def text(self) -> str:
        return "\n".join(self.content)


@dataclass(frozen=True)
class Shown:
    """One construct of a text as the loader read it, in reading order, for the renderer to
    show in its place: its kind (a block name, or a fence's: 'decision'), its line, what
    identifies it as written (a block's argument, a fence's text) and the loaded object
    (None: invalid, reported with file and line)."""

    kind: str
    line: int
    identity: str
    model: object | None


AUDIENCE = "audience"  # a passage for some audiences only


def shown_on_page(blocks: list["TextBlock"], *found: Iterable[Shown]) -> tuple[Shown, ...]:
    """What the page of a text shows, as loaded, in reading order: the constructs `found`
    (questions, fences, cases, scenarios...) and the audience passages, but for the blocks
    the renderer does not meet (see `rendered`)."""
    hidden = {b.line for b in blocks if not rendered(b)}
    passages = (Shown(AUDIENCE, b.line, b.argument, tuple(b.argument.split()))
                for b in blocks if b.name == AUDIENCE)
    return tuple(sorted((s for s in chain(*found, passages) if s.line not in hidden),
                        key=lambda s: s.line))


# Blocks whose content the loader reads but the renderer never parses as blocks: a question's
# text is raw to it, a test question is taken out of the page before anything else.
_NOT_RENDERED_INSIDE = frozenset({"quiz", "test-question"})


def rendered(block: "TextBlock") -> bool:
    """Whether the renderer meets `block` as a block of the page."""
    return not any(parent.name in _NOT_RENDERED_INSIDE for parent in block.parents)


@dataclass(frozen=True)
class StructureProblem:
    """A block or fence that the Markdown renderer would not close where the author meant:
    everything after it would be published as raw text ('- [x]', '## ', '///')."""

    line: int
    message: str


@dataclass
class Scan:
    blocks: list[TextBlock] = field(default_factory=list)  # in reading order, outer first
    problems: list[StructureProblem] = field(default_factory=list)


def scan_blocks(body: str, first_line: int = 1) -> list[TextBlock]:
    """Every block in `body`, in reading order (outer blocks before the blocks they hold)."""
    return scan(body, first_line).blocks


def scan(body: str, first_line: int = 1) -> Scan:
    """The blocks of `body` and the problems of its structure, read as the renderer reads
    them: code fences first (nothing inside one is a block), then `///` blocks, each closed
    by a line of as many slashes as its opening line, innermost first."""
    result = Scan()
    open_blocks: list[TextBlock] = []
    code: tuple[str, int] | None = None  # the open fence and its line
    reading_options = False
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        if code:
            if closes_fence(line, code[0]):
                code = None
            _add_content(open_blocks, line)
            continue
        fence = FENCE.match(line)
        if fence:
            code = (fence["fence"], number)
        opening, closing = OPENING.match(line), CLOSING.match(line)
        if opening:
            name = opening["name"].lower()
            if name not in BLOCK_NAMES:
                result.problems.append(StructureProblem(number, _unknown_block(name, opening["fence"])))
            block = TextBlock(name, (opening["argument"] or "").strip(), number,
                              opening["fence"], parents=tuple(open_blocks))
            if not block.argument and name in _ARGUMENT_WORDS:
                result.problems.append(StructureProblem(number, (
                    f"this '{opening['fence']} {name}' block has no {_ARGUMENT_WORDS[name]}: "
                    f"write it after '{opening['fence']} {name} | '. Without it the block is "
                    "published as raw text.")))
            result.blocks.append(block)
            open_blocks.append(block)
            reading_options = True
            continue
        if closing:
            _close(open_blocks, closing["fence"], number, result.problems)
            reading_options = False
            continue
        if reading_options and open_blocks and line.startswith(("    ", "\t")) and line.strip():
            block = open_blocks[-1]
            if not block.options and block.name in BLOCK_NAMES - TAKE_OPTIONS:
                result.problems.append(StructureProblem(number, (
                    f"the block '{_opening(block)}' (line {block.line}) takes no options, but "
                    "this indented line right under its opening line reads as one: remove the "
                    "indentation, or leave a blank line above it. The renderer would refuse "
                    "the block and publish it as raw text.")))
            block.options_line = block.options_line or number
            block.options += (line[4:] if line.startswith("    ") else line[1:]) + "\n"
            continue
        reading_options = False
        _add_content(open_blocks, line)
    if code:
        result.problems.append(StructureProblem(code[1], _unclosed_fence(code[0], body, code[1] - first_line)))
    for block in open_blocks:
        result.problems.append(StructureProblem(block.line, _unclosed(block)))
    return result


def _close(open_blocks: list[TextBlock], fence: str, number: int,
           problems: list[StructureProblem]) -> None:
    """A closing line closes the innermost open block if it has as many slashes."""
    if open_blocks and open_blocks[-1].fence == fence:
        open_blocks.pop().end_line = number
        return
    outer = next((b for b in reversed(open_blocks) if b.fence == fence), None)
    if outer is None:
        inner = open_blocks[-1] if open_blocks else None
        problems.append(StructureProblem(number, (
            f"this '{fence}' line closes no block: remove it, or write the block's opening "
            f"line ('{fence} name | ...') above." if inner is None else
            f"this '{fence}' line does not close the block '{_opening(inner)}' (line "
            f"{inner.line}): a block is closed by a line with as many slashes as its opening "
            f"line ('{inner.fence}').")))
        return
    inner = open_blocks[-1]
    problems.append(StructureProblem(number, (
        f"this '{fence}' line closes the block '{_opening(outer)}' (line {outer.line}) while "
        f"the block '{_opening(inner)}' (line {inner.line}) inside it is still open: close "
        f"the inner block first, with a line '{inner.fence}' where it ends.")))
    while open_blocks:  # read on as if the inner blocks were closed: one mistake, one message
        closed = open_blocks.pop()
        closed.end_line = number
        if closed is outer:
            break


def _opening(block: TextBlock) -> str:
    return f"{block.fence} {block.name}" + (f" | {block.argument}" if block.argument else "")


def _unclosed(block: TextBlock) -> str:
    return (f"the block '{_opening(block)}' is never closed: add a line with only "
            f"'{block.fence}' where it ends. Until then everything after it is published as "
            "raw text ('- [x]', '## ', '///').")


def _unclosed_fence(fence: str, body: str, index: int) -> str:
    info = body.splitlines()[index].strip()
    return (f"the fence '{info}' is never closed: add a line with only '{fence}' after its "
            "last line. Until then everything after it is published as code.")


def _unknown_block(name: str, fence: str) -> str:
    known = ", ".join(sorted(BLOCK_NAMES - {"course-test", "quiz-sheet"}))
    return (f"'{fence} {name}' is not a kind of block (the blocks are: {known}): check the "
            "spelling. An unknown block is published as raw text.")


def _add_content(open_blocks: list[TextBlock], line: str) -> None:
    if open_blocks:
        open_blocks[-1].content.append(line)


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
