"""`/// case | Title`: a fictional case study (people in it have pseudonyms only), with
its model answer (`/// answer` inside it) as a collapsed disclosure at the end of the box:
a learner studying alone tries first, then opens it to check their reasoning."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from ..domain.cases import CASE
from .extension import BlockExtension


class CaseStudy(Block):
    NAME = CASE
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = self.config["state"]
        # The case the loader read there, in a module or toolkit item.
        loaded = state.take(CASE, self.argument, f"the case study '{self.argument.strip()}'")
        case = etree.SubElement(parent, "div", {"class": "admonition example case-study"})
        title = etree.SubElement(case, "p", {"class": "admonition-title"})
        title.text = interface.text("case_study", state.language,
                                    title=loaded.title if loaded else self.argument)
        return case

    def on_end(self, block: etree.Element) -> None:
        # Wherever the author put it, the model answer closes the case box.
        for answer in [c for c in block if "model-answer" in c.get("class", "").split()]:
            block.remove(answer)
            block.append(answer)


class ModelAnswer(Block):
    NAME = "answer"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        answer = etree.SubElement(parent, "details", {"class": "success model-answer"})
        summary = etree.SubElement(answer, "summary")
        summary.text = interface.text("model_answer", self.config["state"].language)
        return answer


class CaseStudyExtension(BlockExtension):
    BLOCKS = (CaseStudy, ModelAnswer)
