"""`/// audience | ids`: a passage for some audiences only."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from .extension import BlockExtension


class AudiencePassage(Block):
    """In a course: shown only to the named audiences. In the library: shown, labelled."""

    NAME = "audience"
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        ids = self.argument.split()
        view = self.config["state"].current
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
            self.parent.remove(block)


class AudiencePassageExtension(BlockExtension):
    BLOCKS = (AudiencePassage,)
