"""`/// quiz | question`: a self-check question, rendered as a native form.

Without JavaScript the question and options are readable and the answer with its
explanation sits in a collapsed <details>; quiz.js makes it interactive.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks.block import Block, type_boolean, type_string

from .. import interface
from .extension import BlockExtension
from ..domain.quizzes import QUIZ, Quiz


class QuizBlock(Block):
    NAME = QUIZ
    ARGUMENT = True
    # 'test' is no longer an option (the loader explains); accepted here so that the block
    # is still this question's place (a refused block would shift the questions after it).
    OPTIONS = {"id": ("", type_string), "test": (False, type_boolean)}

    def on_markdown(self) -> str:
        return "raw"  # the loader has read the options list: see on_end

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "quiz"})

    def on_end(self, block: etree.Element) -> None:
        state = self.config["state"]
        quiz = state.take(QUIZ, self.argument, f"the question '{self.argument.strip()[:60]}'")
        written, block.text = block.text or "", None
        if quiz is None:  # reported by the loader (or a mismatch, which stops the build)
            block.set("class", "quiz-as-written")  # not a .quiz: quiz.js sets up questions
            pre = etree.SubElement(block, "pre")
            etree.SubElement(pre, "code").text = AtomicString(
                f"/// quiz | {self.argument}\n{written}\n///")
            return
        render(block, quiz, state.language)


def render(element: etree.Element, quiz: Quiz, language: str) -> None:
    """A self-check question: checked on its own, with feedback and a collapsed answer."""
    def t(key: str, **values) -> str:
        return interface.text(key, language, **values)

    base = f"quiz-{quiz.id}"
    element.set("id", base)
    form = etree.SubElement(element, "form", {"class": "quiz__form", "action": "#" + base})
    render_question(form, quiz, language)
    actions = etree.SubElement(form, "div", {"class": "quiz__actions"})
    check = etree.SubElement(actions, "button", {"type": "submit",
                                                 "class": "md-button md-button--primary quiz__check"})
    check.text = t("quiz_check")
    retry = etree.SubElement(actions, "button", {"type": "button", "class": "md-button quiz__retry",
                                                 "hidden": "hidden"})
    retry.text = t("quiz_try_again")
    result = etree.SubElement(element, "p", {"class": "quiz__result", "role": "status"})
    result.text = ""
    answer = etree.SubElement(element, "details", {"class": "quiz__answer"})
    summary = etree.SubElement(answer, "summary")
    summary.text = t("quiz_show_answer")
    correct = etree.SubElement(answer, "p", {"class": "quiz__correct"})
    correct.text = t("quiz_correct_answer" if not quiz.multiple else "quiz_correct_answers")
    listing = etree.SubElement(answer, "ul")
    for choice in quiz.choices:
        if choice.correct:
            etree.SubElement(listing, "li").text = choice.text
    explanation = etree.SubElement(answer, "div", {"class": "quiz__explanation"})
    _paragraphs(explanation, quiz.explanation)


def render_question(parent: etree.Element, quiz: Quiz, language: str) -> etree.Element:
    """A self-check question: native inputs in a fieldset with the question as legend, the
    right options and each option's feedback in the page (a self-check may show them)."""
    base = f"quiz-{quiz.id}"
    fieldset = question_fieldset(parent, quiz, language, {"class": "quiz__fieldset"})
    for number, choice in enumerate(quiz.choices, start=1):
        option = question_choice(fieldset, quiz, base, number, choice, {
            "data-correct": "true" if choice.correct else "false"})
        if choice.feedback:
            feedback = etree.SubElement(option, "div", {"class": "quiz__feedback", "hidden": "hidden"})
            _paragraphs(feedback, choice.feedback)
    return fieldset


def question_fieldset(parent: etree.Element, quiz: Quiz, language: str,
                      attributes: dict[str, str]) -> etree.Element:
    """What every question shows, self-check or test: the fieldset, the question as its
    legend, the introduction and the hint (one answer or several)."""
    fieldset = etree.SubElement(parent, "fieldset", {
        **attributes, "data-quiz": quiz.id, "data-multiple": "true" if quiz.multiple else "false"})
    legend = etree.SubElement(fieldset, "legend", {"class": "quiz__question"})
    legend.text = quiz.question
    _paragraphs(fieldset, quiz.intro, "quiz__intro")
    hint = etree.SubElement(fieldset, "p", {"class": "quiz__hint"})
    hint.text = interface.text("quiz_choose_all" if quiz.multiple else "quiz_choose_one", language)
    return fieldset


def question_choice(fieldset: etree.Element, quiz: Quiz, base: str, number: int, choice,
                    attributes: dict[str, str]) -> etree.Element:
    """One option: a native radio button or checkbox valued by its written number, and its
    label."""
    option = etree.SubElement(fieldset, "div", {"class": "quiz__choice", **attributes})
    input_id = f"{base}-{number}"
    etree.SubElement(option, "input", {
        "type": "checkbox" if quiz.multiple else "radio", "name": base, "id": input_id,
        "value": str(number)})
    label = etree.SubElement(option, "label", {"for": input_id})
    label.text = choice.text
    return option


def _paragraphs(parent: etree.Element, text: str, css_class: str | None = None) -> None:
    """Paragraphs of `text` (blank-line separated); their inline Markdown is rendered later."""
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if paragraph.strip():
            element = etree.SubElement(parent, "p", {"class": css_class} if css_class else {})
            element.text = " ".join(line.strip() for line in paragraph.splitlines())


class QuizExtension(BlockExtension):
    BLOCKS = (QuizBlock,)
