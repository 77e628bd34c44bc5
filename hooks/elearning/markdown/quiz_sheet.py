"""`/// quiz-sheet`: the course's test questions on paper, with the answer key on its own
page (generated mini-toolkits only; the questions come from the page's view)."""
from __future__ import annotations

import string
import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from .. import interface
from .extension import BlockExtension


class QuizSheet(Block):
    NAME = "quiz-sheet"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = self.config["state"]
        language = state.language
        quizzes = [quiz for _, _, group in state.current.test_questions for quiz in group]
        sheet = etree.SubElement(parent, "ol", {"class": "quiz-sheet"})
        for quiz in quizzes:
            item = etree.SubElement(sheet, "li", {"class": "quiz-sheet__question"})
            question = etree.SubElement(item, "p")
            question.text = quiz.question
            hint = etree.SubElement(item, "p", {"class": "quiz__hint"})
            hint.text = interface.text("quiz_choose_all" if quiz.multiple else "quiz_choose_one",
                                       language)
            options = etree.SubElement(item, "ol", {"class": "quiz-sheet__options", "type": "A"})
            for choice in quiz.choices:
                etree.SubElement(options, "li").text = choice.text
        key_heading = etree.SubElement(parent, "h2", {"class": "toolkit-item",
                                                      "id": "answer-key"})
        key_heading.text = interface.text("answer_key", language)
        key = etree.SubElement(parent, "ol", {"class": "quiz-sheet__key"})
        for quiz in quizzes:
            letters = [string.ascii_uppercase[i] for i, c in enumerate(quiz.choices) if c.correct]
            etree.SubElement(key, "li").text = ", ".join(letters)
        return etree.SubElement(parent, "div", {"class": "quiz-sheet__end"})


class QuizSheetExtension(BlockExtension):
    BLOCKS = (QuizSheet,)
