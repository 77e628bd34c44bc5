"""The whole curriculum, loaded and validated in one pass: audiences, modules, courses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .audiences import Audience, load_audiences
from .contacts import CONTACT_REFERENCE, Contact, load_contacts, unknown_contact_message
from .courses import Course, assemble_courses
from .modules import Module, load_modules
from .problems import Problems
from .source import display_path


@dataclass(frozen=True)
class Curriculum:
    languages: tuple[str, ...]  # the first is the source language
    audiences: dict[str, Audience]
    modules: dict[str, Module]
    courses: list[Course] = field(default_factory=list)
    contacts: dict[str, Contact] = field(default_factory=dict)

    def course(self, audience_id: str) -> Course:
        return next(course for course in self.courses if course.id == audience_id)


def load_curriculum(content_dir: Path, toolkits_dir: Path, root: Path,
                    languages: tuple[str, ...]) -> tuple[Curriculum, Problems]:
    """Load curriculum/ and toolkits/. Problems are returned, not raised: authors see all."""
    problems = Problems()
    audiences_file = content_dir / "audiences.yml"
    audiences = load_audiences(audiences_file, display_path(audiences_file, root), languages, problems)
    contacts = load_contacts(toolkits_dir / "contacts.yml", root, languages, audiences, problems)
    modules = load_modules(content_dir / "modules", root, languages, audiences, problems)
    for module in modules.values():
        for text in module.texts.values():
            _check_contact_references(text.body, text.file, text.body_line, contacts, problems)
    _check_unique_quiz_ids(modules.values(), problems)
    courses = assemble_courses(audiences.values(), modules.values())
    for course in courses:
        if not course.modules:
            problems.add(display_path(audiences_file, root), None,
                         f"the course for '{course.id}' has no modules: tag at least one module "
                         f"with 'audiences: [{course.id}]' (or 'all').")
    return Curriculum(languages, audiences, modules, courses, contacts), problems


def _check_contact_references(body: str, file: str, first_line: int,
                              contacts: dict[str, Contact], problems: Problems) -> None:
    for match in CONTACT_REFERENCE.finditer(body):
        if match["id"] not in contacts:
            line = first_line + body.count("\n", 0, match.start())
            problems.add(file, line, unknown_contact_message(match["id"], contacts))


def _check_unique_quiz_ids(modules, problems: Problems) -> None:
    first_seen: dict[str, tuple[str, int | None]] = {}
    for module in modules:
        text = module.text(module.source_language)
        for quiz in text.quizzes:
            if quiz.id in first_seen:
                file, line = first_seen[quiz.id]
                problems.add(text.file, quiz.line, f"the question id '{quiz.id}' is already used "
                             f"at {file}:{line}: give each question its own id.")
            else:
                first_seen[quiz.id] = (text.file, quiz.line)
