"""The safety net behind the loader's block check: Markdown that reached a built page as text.

The loader stops at a block or fence left open (domain/blocks.py), the usual cause. Anything
that still slips through (a block the renderer refused, HTML inside a block that shows its
text as it is, Markdown written inside an HTML element) shows on the page as '- [x] ...',
'## ...', '///', '*[MIA]: ...', '**bold**' or an escaped '<div ...>': readers would see it, so
the build stops naming the page.
"""
from __future__ import annotations

import re

from lxml import etree

# Text inside these is shown as written on purpose (the guides show the syntax in code).
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "template"}
# Inline elements continue a line of text; every other tag starts a new one.
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "dfn", "em", "i", "mark", "q", "s", "small",
           "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img", "input", "label"}

_TAGS = "div|span|p|a|details|summary|section|article|aside|figure|table|thead|tbody|tr|td|th|" \
        "ul|ol|li|br|hr|img|strong|em|h[1-6]|blockquote|abbr"
PATTERNS = (
    ("a task-list item", re.compile(r"(?m)^[ \t]*[-*+][ \t]+\[[ xX]\](?:[ \t]|$)")),
    ("a block line", re.compile(r"(?m)^[ \t]*/{3,}[ \t]*(?:[A-Za-z][\w-]*)?[ \t]*(?:\||$)")),
    ("a heading", re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+\S")),
    ("an abbreviation definition", re.compile(r"\*\[[^\]\n]+\]:")),
    ("an HTML tag", re.compile(rf"</?(?:{_TAGS})(?=[\s>/])", re.IGNORECASE)),
    # **bold** or __bold__ around words (not 2 ** 3, not inside a word or a name).
    ("bold marks", re.compile(r"(?<![\w*\\])\*\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*\*(?![\w*])"
                              r"|(?<![\w\\])__(?=[^\s_])[^_\n]*?(?<=[^\s_])__(?!\w)")),
)


# What each pattern needs in the text, the lines run together: a page whose text has none of
# these shows no Markdown, and is spared splitting its text into lines (all pages but a few).
# The characters first, found at C speed ('[', '#' and '<' are rare in a page's text). A test
# checks that whatever a pattern finds, this finds.
_TAG_START = re.compile(rf"</?(?:{_TAGS})", re.IGNORECASE)


def _may_show(text: str) -> bool:
    return bool(("[" in text and ("[ ]" in text or "[x]" in text or "[X]" in text
                                  or "*[" in text))
                or "**" in text or "__" in text
                or "///" in text or ("#" in text and ("# " in text or "#\t" in text))
                or ("<" in text and _TAG_START.search(text)))


def raw_markdown(tops: list, verbatim: list) -> list[str]:
    """What looks like Markdown in the text a reader sees of a page: 'what: "the line"' each.
    `tops`: the page's tree (its root, and a root after it if something follows </html>: a
    browser shows that too); `verbatim`: its elements whose text is shown as written (code,
    ...), which go, with their text, but not the text after them. Then inline elements go,
    leaving their text in the line; every other element's start and end begin a new line.
    This changes the tree: the page's reading (built_pages.read_page) does it last."""
    for element in verbatim:
        element.clear(keep_tail=True)
    text = "".join(etree.tostring(top, method="text", encoding=str) for top in tops)
    if not _may_show(text):
        return []
    for top in tops:
        etree.strip_elements(top, *VERBATIM, with_tail=False)
        etree.strip_tags(top, *_INLINE)
    return _markdown_in("\n".join(text for top in tops for text in top.itertext()))


# What the patterns of a line (task list, block line, heading) all start with. A line start
# (^) is tried at every character, a newline is found at C speed: most pages have no such
# line at all and are spared those searches (a tenth of the pages' reading). A test checks
# that each of them starts so.
LINE_PATTERNS = {"a task-list item", "a block line", "a heading"}
_LINE_START = re.compile(r"[ \t]*[-*+/#]")
_LINE_QUICK = re.compile(r"\n[ \t]*[-*+/#]")


def _markdown_in(text: str) -> list[str]:
    found = []
    lines_may_match = bool(_LINE_START.match(text) or _LINE_QUICK.search(text))
    for what, pattern in PATTERNS:
        if what in LINE_PATTERNS and not lines_may_match:
            continue
        match = pattern.search(text)
        if match:
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            line = text[start: end if end >= 0 else None].strip()
            found.append(f'{what}: "{line[:70]}"')
    return found


HINT = ("this Markdown is shown to readers as raw text. Most often a block ('/// quiz', "
        "'/// case', ...) or a fence (```) above it is not closed, or is closed by a line with "
        "another number of slashes: close it (see docs/authoring.md). Markdown inside an HTML "
        "element (<div>...) is shown as written unless the element has markdown=\"1\".")
