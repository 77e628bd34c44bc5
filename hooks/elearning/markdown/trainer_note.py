"""`/// trainer`: a note for facilitators. Learners never see it: it is left out of
module pages, the library and toolkits (so also out of the search index). The trainers'
material reads the notes from the loaded module (domain `TrainerNote`); a page made for
trainers may set `PageView.trainer` to show them in place."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from ..domain.cases import TRAINER
from .extension import BlockExtension, remove_hidden


class TrainerNote(Block):
    NAME = TRAINER
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        # Known by its place among the notes the loader read (it has no argument): a note
        # the loader did not read stops the build, even where learners would not see it.
        self.config["state"].take(TRAINER, "", "a trainer note")
        view = self.config["state"].current
        self.shown = bool(view and view.trainer)
        note = etree.SubElement(parent, "div", {"class": "admonition note trainer-note"})
        if self.shown:
            title = etree.SubElement(note, "p", {"class": "admonition-title"})
            title.text = interface.text("trainer_note", self.config["state"].language)
        return note

    def on_end(self, block: etree.Element) -> None:
        if not self.shown:
            remove_hidden(self.parent, block)


class TrainerNoteExtension(BlockExtension):
    BLOCKS = (TrainerNote,)
