"""Python-Markdown extensions for the authoring syntax. They know nothing of MkDocs: what
page they render reaches them through a `ViewState` that the hook layer sets per page."""
from __future__ import annotations

from markdown import Extension

from .audience_passage import AudiencePassageExtension
from .case_study import CaseStudyExtension
from .checklist import ChecklistExtension
from .contact_reference import ContactReferenceExtension
from .course_test import CourseTestExtension
from .glossary_terms import Glossary, GlossaryTermsExtension
from .links import LinkRebaseExtension
from .plain_text import PlainTextExtension
from .quiz import QuizExtension
from .quiz_sheet import QuizSheetExtension
from .scenario import ScenarioExtension
from .test_question import TestQuestionExtension
from .to_validate import ToValidateExtension
from .trainer_note import TrainerNoteExtension
from .view import PageView, ViewState


def authoring_extensions(state: ViewState) -> list[Extension]:
    """Every extension of the authoring syntax, sharing one view state."""
    return [
        TestQuestionExtension(),
        AudiencePassageExtension(state=state),
        CaseStudyExtension(state=state),
        TrainerNoteExtension(state=state),
        QuizExtension(state=state),
        CourseTestExtension(state=state),
        QuizSheetExtension(state=state),
        ScenarioExtension(state=state),
        ToValidateExtension(state=state),
        ContactReferenceExtension(state=state),
        LinkRebaseExtension(state=state),
        ChecklistExtension(),
        GlossaryTermsExtension(state=state),
        PlainTextExtension(),
    ]


__all__ = ["Glossary", "PageView", "ViewState", "authoring_extensions"]
