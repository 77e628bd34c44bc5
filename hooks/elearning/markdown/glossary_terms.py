"""A glossary term is explained (`<abbr title>`, a tooltip) at its first use on a page only,
as a printed text defines a term once; later uses are plain words.

Why: a long page used a term dozens of times (136 tooltips on a Russian mini-toolkit), each
one a tooltip the theme prepares as the page opens (three times the script time of the page)
and a keyboard stop; the meaning repeated in every `title` also made the page larger. The
first use is the first one a learner sees: outside hidden content (quiz feedback, collapsed
details), unless the term appears only there. Every term stays in the glossary page, where
each term in its term column keeps its own (class `glossary-term`).

The terms are found as Python-Markdown's abbr extension finds its glossary (the same pattern,
in the same texts), but only the uses kept are wrapped: wrapping every use and unwrapping all
but one cost a sixth of a page's Markdown. An author's own `*[ABBR]: meaning` (the abbr
extension, still enabled) is explained at its first use as well.
"""
from __future__ import annotations

import re
from typing import Mapping
from xml.etree import ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .extension import TreeExtension
from .plain_text import is_prose


class Glossary:
    """The terms of one language and their meanings, with the pattern that finds them: made
    once per language build, not on every page."""

    def __init__(self, meanings: Mapping[str, str]):
        self.meanings = dict(meanings)
        terms = sorted(self.meanings, key=len, reverse=True)  # the longest term first
        self.pattern = (re.compile(rf"\b(?:{'|'.join(re.escape(term) for term in terms)})\b")
                        if terms else None)


def _hidden(element: etree.Element) -> bool:
    return ("hidden" in element.attrib or element.get("aria-hidden") == "true"
            or (element.tag == "details" and "open" not in element.attrib))


DEFINING = "glossary-term"  # the glossary page's term column: every term keeps its tooltip


class FirstUseOnly(Treeprocessor):
    def __init__(self, md, state):
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        view = self.state.current
        glossary = None if view is not None and view.measures else self.state.glossary
        self.pattern = glossary.pattern if glossary else None
        self.meanings = glossary.meanings if glossary else {}
        # Each use: [title, hidden, where]. `where` is an <abbr> already there (an author's
        # own abbreviation) with its parent, or a term found in a text: (element, parent or
        # None for its text, match).
        self.uses: list = []
        self.defining: list = []  # terms of the glossary's term column: always explained
        self._walk(root, False)
        kept: dict[str, list] = {}
        for use in self.uses:  # the first visible use of each meaning, else the first
            if use[0] not in kept or (kept[use[0]][1] and not use[1]):
                kept[use[0]] = use
        wraps: dict[tuple, list] = {}  # (element, parent): the matches to wrap in that text
        unwraps = []
        for use in self.uses:
            where = use[2]
            if len(where) == 2:  # an <abbr> already there
                if kept[use[0]] is not use:
                    unwraps.append(where)
            elif kept[use[0]] is use:
                wraps.setdefault(where[:2], []).append(where[2])
        for element, parent, match in self.defining:
            wraps.setdefault((element, parent), []).append(match)
        for (element, parent), matches in wraps.items():
            self._wrap(element, parent, sorted(matches, key=lambda m: m.start()))
        for abbr, parent in unwraps:  # after: a term found in an abbr's tail is wrapped first
            _unwrap(abbr, parent)

    def _walk(self, parent: etree.Element, hidden: bool) -> None:
        """The uses in `parent`'s text, its descendants and their tails, in reading order."""
        defining = DEFINING in (parent.get("class") or "").split()
        text = parent.text
        if text and not text.isspace():  # half the texts: line breaks between elements
            self._find(parent, None, text, hidden, defining)
        for child in parent:
            if child.tag == "abbr" and child.get("title") and not defining:
                self.uses.append([child.get("title"), hidden, (child, parent)])
            if len(child) or child.text:
                self._walk(child, hidden or _hidden(child))
            tail = child.tail
            if tail and not tail.isspace():
                self._find(child, parent, tail, hidden, defining)

    def _find(self, element, parent, text: str, hidden: bool, defining: bool) -> None:
        if self.pattern is None or not is_prose(text):  # code, autolinks
            return
        for match in self.pattern.finditer(text):
            title = self.meanings[match.group(0)]
            if not title:
                continue
            if defining:
                self.defining.append((element, parent, match))
            else:
                self.uses.append([title, hidden, (element, parent, match)])

    def _wrap(self, element, parent, matches) -> None:
        """The terms `matches` found in the element's text (parent None) or tail, each in an
        <abbr>, as the abbr extension writes it."""
        text = element.text if parent is None else element.tail
        at = 0 if parent is None else list(parent).index(element) + 1
        for match in reversed(matches):
            abbr = etree.Element("abbr", {"title": self.meanings[match.group(0)]})
            abbr.text = AtomicString(match.group(0))
            abbr.tail = text[match.end():]
            (element if parent is None else parent).insert(at, abbr)
            text = text[:match.start()]
        if parent is None:
            element.text = text
        else:
            element.tail = text


def _unwrap(element: etree.Element, parent: etree.Element) -> None:
    """The element's text stays in place, without the element."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    for child in list(element):  # an abbr holds text only; kept safe all the same
        parent.insert(index, child)
        index += 1
    parent.remove(element)


class GlossaryTermsExtension(TreeExtension):
    PROCESSOR = FirstUseOnly
    # After Python-Markdown's abbreviations (7: an author's own), before the test keys are
    # encoded (5).
    NAME, PRIORITY = "glossary_first_use", 6
