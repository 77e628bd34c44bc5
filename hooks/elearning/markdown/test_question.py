"""`/// test-question | question`: a question for the course's pre-test and final test.

Never rendered where it is written: the blocks are taken out of the text before anything
else reads it, so they reach no module page, no search index and no printout. The course
test pages render them from the loaded curriculum (course_test.py).
"""
from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from ..domain.blocks import without_blocks
from ..domain.quizzes import TEST_QUESTION


class WithoutTestQuestions(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return without_blocks(lines, TEST_QUESTION)


class TestQuestionExtension(Extension):
    def extendMarkdown(self, md):
        # Before every other preprocessor (normalize_whitespace is 30, fenced code 25).
        md.preprocessors.register(WithoutTestQuestions(md), "without_test_questions", 40)
