"""`/// course-test | pre` (or `final`): a course's pre-test or final test.

Generated pages only: the questions come from the course (domain), set by the hook layer
in the page's view. Answers are checked together at the end by course-test.js, which also
shuffles the questions of each module and the options of each question.

No page shows which options are right before the learner submits (domain/answer_keys.py):
each question carries a salted check of its right answer. The final test also carries the
right answers, each option's feedback and the explanation, rendered like any text and then
encoded into one data block (KeyEncoder), which course-test.js decodes after submission.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from markdown import util
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks.block import Block

from .. import interface
from ..domain import answer_keys
from ..domain.quizzes import Quiz
from .extension import BlockExtension
from .quiz import _paragraphs, question_choice, question_fieldset

REVEAL = "course-test__reveal"


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
                render_test_question(section, quiz, language, reveal=(kind == "final"))
        submit = etree.SubElement(test, "button", {
            "type": "submit", "class": "md-button md-button--primary course-test__submit"})
        submit.text = interface.text("test_submit", language)
        results = etree.SubElement(parent, "section", {"class": "course-test__results",
                                                       "id": "results", "hidden": "hidden",
                                                       "tabindex": "-1"})
        return results


def render_test_question(parent: etree.Element, quiz: Quiz, language: str,
                         reveal: bool) -> etree.Element:
    """A question of a course test: native inputs valued by the options' written numbers,
    the check of the right answer, and (final test) what to reveal after submission."""
    base = f"test-{quiz.id}"
    fieldset = question_fieldset(parent, quiz, language, {
        "class": "quiz__fieldset course-test__question",
        "data-salt": answer_keys.salt(quiz), "data-check": answer_keys.check(quiz)})
    for number, choice in enumerate(quiz.choices, start=1):
        question_choice(fieldset, quiz, base, number, choice, {"data-option": str(number)})
    if reveal:
        hidden = etree.SubElement(fieldset, "div", {"class": REVEAL, "data-quiz": quiz.id})
        for number, choice in enumerate(quiz.choices, start=1):
            feedback = etree.SubElement(hidden, "div", {
                "class": "quiz__feedback", "data-option": str(number),
                "data-right": "true" if choice.correct else "false"})
            _paragraphs(feedback, choice.feedback)
        explanation = etree.SubElement(hidden, "div", {"class": "quiz__explanation"})
        _paragraphs(explanation, quiz.explanation)
    return fieldset


class KeyEncoder(Treeprocessor):
    """Replaces the final test's reveal parts, once their Markdown is rendered, by one
    encoded data block: {question id: encoded HTML}."""

    def run(self, root: etree.Element) -> None:
        for form in root.iter("form"):
            if "course-test" not in form.get("class", "").split():
                continue
            keys = {}
            for fieldset in list(form.iter("fieldset")):
                for part in [c for c in fieldset if c.get("class") == REVEAL]:
                    fieldset.remove(part)
                    quiz_id, salt = part.get("data-quiz"), fieldset.get("data-salt")
                    html = "".join(to_html_string(child) for child in part)
                    html = self.md.treeprocessors["unescape"].unescape(html)
                    keys[quiz_id] = answer_keys.encode(html.replace(util.AMP_SUBSTITUTE, "&"),
                                                       salt)
            if keys:
                data = etree.SubElement(form, "script", {"type": "application/json",
                                                         "class": "course-test__key"})
                data.text = json.dumps(keys)


class CourseTestExtension(BlockExtension):
    BLOCKS = (CourseTest,)

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        # After inline Markdown (20) and the glossary's abbreviations (7).
        md.treeprocessors.register(KeyEncoder(md), "course_test_keys", 5)
