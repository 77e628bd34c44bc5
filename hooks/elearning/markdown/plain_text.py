"""Texts that hold no inline Markdown are given to Python-Markdown's inline step as done.

Why: that step tries each of its 16 inline patterns on every text of the page, one regular
expression search each, whether or not the text could hold that syntax: four texts in five
(answer options, table cells, list items, headings, the quizzes' interface words) hold none
of the characters any pattern needs, and trying them was a third of a page's Markdown time.
Such a text is marked as Python-Markdown's own `AtomicString` ("not to be processed"), as the
inline step leaves it anyway.

Each pattern is known by its name with the characters without which it cannot match (its
regular expression starts with or requires one of them). If a pattern that is not in `MARKS`
is registered (an upgrade, a new extension), nothing is marked: the page is rendered as
before, only slower, and tests/markdown/test_plain_text.py says what to add.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX, AtomicString

# Inline pattern name -> the texts one of which it needs (Python-Markdown 3.11's patterns,
# markdown/inlinepatterns.py `build_inlinepatterns`, and this project's).
MARKS = {
    "backtick": ("`", "\\"),  # a code span, or escaped backslashes before one
    "escape": ("\\",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",),
    "image_link": ("[",), "image_reference": ("[",), "short_image_ref": ("[",),  # ![
    "autolink": ("<",), "automail": ("<",), "html": ("<",),
    "linebreak": ("  \n",),
    "entity": ("&",),
    "em_strong": ("*", "_"), "em_strong2": ("*", "_"), "not_strong": ("*", "_"),
    "to-validate": ("{",),  # {? ... ?}
    "contact-reference": ("{",),  # {{contact:id}}
}


class Plain(AtomicString):
    """A text in which no inline pattern can match. Unlike Python-Markdown's other atomic
    texts (code, autolinks) it is prose: the glossary finds its terms in it."""


def is_prose(text: str) -> bool:
    """Not code or another atomic text: a text the glossary may explain terms in."""
    return not isinstance(text, AtomicString) or isinstance(text, Plain)


class PlainTexts(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        patterns = self.md.inlinePatterns
        known = [name for name in MARKS if name in patterns]
        if len(known) != len(patterns):  # a pattern this module does not know
            return
        abbreviations = self.md.treeprocessors["abbr"] if "abbr" in self.md.treeprocessors else None
        if getattr(abbreviations, "abbrs", None):
            # The page defines its own `*[ABBR]:` abbreviations: Python-Markdown's abbr
            # extension wraps them in texts that are not atomic.
            return
        marks = sorted({mark for name in known for mark in MARKS[name]} | {STX})
        mark = re.compile("|".join(re.escape(m) for m in marks)).search
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not mark(text):
                element.text = Plain(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString) and not mark(tail):
                element.tail = Plain(tail)


class PlainTextExtension(Extension):
    def extendMarkdown(self, md):
        # Just before the inline step (20), after the task list's (25).
        md.treeprocessors.register(PlainTexts(md), "plain_texts", 20.5)
