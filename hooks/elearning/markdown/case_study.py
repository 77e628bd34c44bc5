"""`/// case | Title`: a fictional case study (people in it have pseudonyms only)."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from .extension import BlockExtension


class CaseStudy(Block):
    NAME = "case"
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        language = self.config["state"].language
        case = etree.SubElement(parent, "div", {"class": "admonition example case-study"})
        title = etree.SubElement(case, "p", {"class": "admonition-title"})
        title.text = interface.text("case_study", language, title=self.argument)
        return case


class CaseStudyExtension(BlockExtension):
    BLOCKS = (CaseStudy,)
