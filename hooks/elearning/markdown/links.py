"""Relative links and images keep working when a module's text is shown in a course.

A module written in modules/ is also shown at courses/<audience>/<slug>.html. Its relative
links were written for modules/; this rewrites them for where the page really is, before
MkDocs resolves and checks them.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .view import PageView


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
        if view is None or view.source_uri == view.view_uri:
            return
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url:
                    element.set(attribute, rebase(url, view))


class LinkRebaseExtension(Extension):
    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def extendMarkdown(self, md):
        # Before MkDocs' own link resolution ("relpath", priority 0), which checks links.
        md.treeprocessors.register(LinkRebaseProcessor(md, self.state), "elearning-links", 1)
