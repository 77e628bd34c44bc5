"""A glossary term is explained (`<abbr title>`, a tooltip) at its first use on a page only,
as a printed text defines a term once; later uses are plain words.

Why: a long page used a term dozens of times (136 tooltips on a Russian mini-toolkit), each
one a tooltip the theme prepares as the page opens (three times the script time of the page)
and a keyboard stop; the meaning repeated in every `title` also made the page larger. The
first use is the first one a learner sees: outside hidden content (quiz feedback, collapsed
details), unless the term appears only there. Every term stays in the glossary page, where
each term in its term column keeps its own (class `glossary-term`).
"""
from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


def _hidden(element: etree.Element) -> bool:
    return ("hidden" in element.attrib or element.get("aria-hidden") == "true"
            or (element.tag == "details" and "open" not in element.attrib))


DEFINING = "glossary-term"  # the glossary page's term column: every term keeps its tooltip


def _uses(parent: etree.Element, hidden: bool, found: list) -> None:
    """(abbr, its parent, inside hidden content) in document order."""
    for child in parent:
        if child.tag == "abbr" and child.get("title"):
            if DEFINING not in (parent.get("class") or "").split():
                found.append((child, parent, hidden))
        _uses(child, hidden or _hidden(child), found)


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


class FirstUseOnly(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        uses: list = []
        _uses(root, False, uses)
        kept: dict[str, tuple[etree.Element, bool]] = {}
        for abbr, _, hidden in uses:  # the first visible use of each term, else the first
            title = abbr.get("title")
            if title not in kept or (kept[title][1] and not hidden):
                kept[title] = (abbr, hidden)
        for abbr, parent, _ in uses:
            if kept[abbr.get("title")][0] is not abbr:
                _unwrap(abbr, parent)


class GlossaryTermsExtension(Extension):
    def extendMarkdown(self, md):
        # After Python-Markdown's abbreviations (7), before the test keys are encoded (5).
        md.treeprocessors.register(FirstUseOnly(md), "glossary_first_use", 6)
