"""Relative links and images keep working when a module's text is shown elsewhere.

A module written in modules/ is also shown at courses/<audience>/<slug>.html, and its cases
and trainer notes in the facilitator guide (toolkits/<audience>/facilitator.html). Its
relative links were written for modules/; this rewrites them for where the page really is,
before MkDocs resolves and checks them. A page that joins texts written in several places
marks where each part was written on the part's heading (WRITTEN_IN): the part runs to the
next heading of the same level or higher.
"""
from __future__ import annotations

import posixpath
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from markdown.treeprocessors import Treeprocessor

from .extension import TreeExtension
from .view import PageView

WRITTEN_IN = "data-written-in"  # on a heading: 'modules/x.md', where its part was written
_HEADINGS = {f"h{level}": level for level in range(1, 7)}


def rebase(url: str, view: PageView) -> str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(view.source_uri), parts.path))
    target = view.shown_as.get(target, target)
    path = posixpath.relpath(target, posixpath.dirname(view.view_uri) or ".")
    return urlunsplit(("", "", path, parts.query, parts.fragment))


class LinkRebaseProcessor(Treeprocessor):
    def __init__(self, md, state):
        super().__init__(md)
        self.state = state

    def run(self, root):
        view = self.state.current
        if view is None:
            return
        part, level = view, 7  # level: of the heading that marked where the part was written
        for block in root:
            if block.tag in _HEADINGS:
                marked = block.attrib.pop(WRITTEN_IN, None)
                if marked is not None:
                    part, level = replace(view, source_uri=marked), _HEADINGS[block.tag]
                elif _HEADINGS[block.tag] <= level:
                    part, level = view, 7
            if part.source_uri == part.view_uri:
                continue
            for element in block.iter():
                for attribute in ("href", "src"):
                    url = element.get(attribute)
                    if url:
                        element.set(attribute, rebase(url, part))


class LinkRebaseExtension(TreeExtension):
    PROCESSOR = LinkRebaseProcessor
    # Before MkDocs' own link resolution ("relpath", priority 0), which checks links.
    NAME, PRIORITY = "elearning-links", 1
