"""`/// audience | ids`: a passage for some audiences only."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from ..domain.blocks import AUDIENCE
from .extension import BlockExtension, remove_hidden


class AudiencePassage(Block):
    """In a course: shown only to the named audiences. In the library: shown, labelled."""

    NAME = AUDIENCE
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        state = self.config["state"]
        # The passage the loader read there, in a module (whose questions it assigned to
        # these audiences) or toolkit item.
        ids = state.take(AUDIENCE, self.argument, f"the passage '/// audience | "
                         f"{self.argument.strip()}'") or self.argument.split()
        view = state.current
        course = view.audience if view else None
        self.hidden = course is not None and course not in ids
        passage = etree.SubElement(parent, "div", {"class": "audience-passage",
                                                   "data-audiences": " ".join(ids)})
        if course is None:
            names = [(view.audience_names.get(i, i) if view else i) for i in ids]
            label = etree.SubElement(passage, "p", {"class": "audience-passage__label"})
            label.text = interface.text("passage_for", view.language if view else "en",
                                        audiences=", ".join(names))
        return passage

    def on_end(self, block: etree.Element) -> None:
        if self.hidden:
            remove_hidden(self.parent, block)


class AudiencePassageExtension(BlockExtension):
    BLOCKS = (AudiencePassage,)
