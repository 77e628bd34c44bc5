"""`{?fact?}`: a fact the national coordinator has still to confirm, marked for readers."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from .. import interface
from ..domain.reports import TO_VALIDATE_PATTERN
from .extension import InlineExtension


class ToValidateProcessor(InlineProcessor):
    def __init__(self, pattern, md, state):
        super().__init__(pattern, md)
        self.state = state

    def handleMatch(self, m, data):
        mark = etree.Element("span", {"class": "to-validate"})
        fact = etree.SubElement(mark, "span", {"class": "to-validate__fact"})
        fact.text = m["fact"].strip()
        note = etree.SubElement(mark, "span", {"class": "to-validate__note"})
        note.text = f" ({interface.text('to_validate', self.state.language)})"
        return mark, m.start(0), m.end(0)


class ToValidateExtension(InlineExtension):
    # Above emphasis (60) so that the fact's own Markdown is processed inside.
    PROCESSOR, PATTERN, NAME, PRIORITY = ToValidateProcessor, TO_VALIDATE_PATTERN, "to-validate", 65
