"""`/// course-test | pre` (or `final`): a course's pre-test or final test.

Generated pages only: the questions come from the course (domain), set by the hook layer
in the page's view. Answers are checked together at the end by course-test.js.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from .extension import BlockExtension
from .quiz import render_question


class CourseTest(Block):
    NAME = "course-test"
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = self.config["state"]
        language = state.language
        kind = self.argument.strip()
        test = etree.SubElement(parent, "form", {"class": "course-test", "data-kind": kind,
                                                 "action": "#results"})
        for number, (slug, title, quizzes) in enumerate(state.current.test_questions, start=1):
            section = etree.SubElement(test, "section", {"class": "course-test__module",
                                                         "data-module": slug})
            heading = etree.SubElement(section, "h2", {"id": f"test-module-{number}"})
            heading.text = title
            for quiz in quizzes:
                render_question(section, quiz, language)
        submit = etree.SubElement(test, "button", {
            "type": "submit", "class": "md-button md-button--primary course-test__submit"})
        submit.text = interface.text("test_submit", language)
        results = etree.SubElement(parent, "section", {"class": "course-test__results",
                                                       "id": "results", "hidden": "hidden",
                                                       "tabindex": "-1"})
        return results


class CourseTestExtension(BlockExtension):
    BLOCKS = (CourseTest,)
