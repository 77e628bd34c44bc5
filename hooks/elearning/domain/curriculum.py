"""The whole curriculum, loaded and validated in one pass: audiences, modules, courses."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .audiences import Audience, load_audiences
from .blocks import scan
from .confidentiality import (ALLOW_FILE, check_confidentiality, check_directory_phones,
                              content_texts, load_allowed)
from .contacts import Contact, check_references, check_typed_numbers, load_contacts
from .files import survey
from .markup import check_markup
from .decisions import DECISION_INFO
from .flowcharts import (Flowchart, LoadedFlowchart, check_translated_flowcharts,
                         fenced_flowcharts, flowcharts_in)
from .quizzes import report_outside_module
from .glossary import Term, load_glossary
from .courses import Course, assemble_courses
from .modules import Module, load_modules
from .problems import Problems
from .toolkits import Toolkit, ToolkitItem, assemble_toolkits, load_toolkit_items
from .translations import Status, translation_status
from .source import ContentSyntaxError, display_path, read_markdown


@dataclass(frozen=True)
class Curriculum:
    languages: tuple[str, ...]  # the first is the source language
    audiences: dict[str, Audience]
    modules: dict[str, Module]
    courses: list[Course] = field(default_factory=list)
    contacts: dict[str, Contact] = field(default_factory=dict)
    toolkit_items: dict[str, ToolkitItem] = field(default_factory=dict)
    toolkits: list[Toolkit] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    translations: list[Status] = field(default_factory=list)
    # Every flowchart of every published text, by its YAML text, as the loader read it (None:
    # invalid, reported): pages draw these, never parse a fence again.
    flowcharts: dict[str, Flowchart | None] = field(default_factory=dict)

    def is_stale(self, name: str, language: str) -> bool:
        """The English text changed after this translation was made."""
        return (name, language) in self._stale

    @cached_property
    def _stale(self) -> frozenset[tuple[str, str]]:
        return frozenset((s.name, s.language) for s in self.translations if s.state == "stale")

    def toolkit(self, audience_id: str) -> Toolkit:
        return next(toolkit for toolkit in self.toolkits if toolkit.id == audience_id)

    def course(self, audience_id: str) -> Course:
        return next(course for course in self.courses if course.id == audience_id)


def load_curriculum(content_dir: Path, toolkits_dir: Path, root: Path,
                    languages: tuple[str, ...],
                    guides: tuple[Path, ...] = ()) -> tuple[Curriculum, Problems]:
    """Load curriculum/ and toolkits/ (and check the published `guides` for personal data).
    Problems are returned, not raised: authors see all."""
    problems = Problems()
    survey(content_dir, toolkits_dir, root, problems)
    if problems.stops:  # a file that cannot be read: say so once, without what follows from it
        return Curriculum(languages, {}, {}), problems
    audiences_file = content_dir / "audiences.yml"
    audiences = load_audiences(audiences_file, display_path(audiences_file, root), languages, problems)
    if problems.stops:  # the audiences file cannot be read: each of its uses would be reported
        return Curriculum(languages, {}, {}), problems
    contacts = load_contacts(toolkits_dir / "contacts.yml", root, languages, audiences, problems)
    glossary = load_glossary(content_dir / "glossary.yml", root, languages, problems)
    if problems.stops:  # a data file that cannot be read: say so, not what follows from it
        return Curriculum(languages, {}, {}), problems
    modules = load_modules(content_dir / "modules", root, languages, audiences, problems,
                           contacts)
    used = set()
    loaded: list[LoadedFlowchart] = []
    for module in modules.values():
        english = module.text(module.source_language)
        charts = flowcharts_in(english.body, english.body_line, english.file, contacts, problems)
        loaded += charts
        for text in module.texts.values():
            used |= check_references(text.body, text.file, text.body_line, contacts, problems)
            if text is not english:
                translated = flowcharts_in(text.body, text.body_line, text.file, contacts,
                                           problems)
                check_translated_flowcharts(translated, charts, text.file, problems)
                loaded += translated
        used |= {step.contact for _, chart, _ in charts if chart for step in chart.steps
                 if step.contact}
        used |= {node.contact for decision in english.decisions for node in decision.nodes
                 if node.contact}
    _check_unique_quiz_ids(modules.values(), problems)
    loaded += check_page_structure([*sorted(content_dir.glob("*.md")), *guides], root,
                                   contacts, problems)
    items = load_toolkit_items(toolkits_dir, root, languages, audiences, contacts, problems)
    for item in items.values():
        for text in item.texts.values():
            used |= text.contacts_used
            loaded += text.flowcharts
    contacts_file = display_path(toolkits_dir / "contacts.yml", root)
    # A contact for no audience (`audiences: []`, e.g. 112) is kept so its number is known.
    for contact_id in {c.id for c in contacts.values() if c.audiences} - used:
        reference = "{{contact:" + contact_id + "}}"
        problems.add(contacts_file, None, f"the contact '{contact_id}' is not used by any "
                     f"module, toolkit item or flowchart: refer to it ({reference}) or remove it.")
    toolkits = assemble_toolkits(audiences, items, contacts, problems,
                                 display_path(toolkits_dir, root) + "/")
    courses = assemble_courses(audiences.values(), modules.values())
    for course in courses:
        if not course.modules:
            problems.add(display_path(audiences_file, root), None,
                         f"the course for '{course.id}' has no modules: tag at least one module "
                         f"with 'audiences: [{course.id}]' (or 'all').")
    allowed = load_allowed(content_dir / ALLOW_FILE, root, problems)
    check_confidentiality(content_texts(content_dir, toolkits_dir, root, guides), contacts,
                          allowed, problems)
    check_directory_phones(toolkits_dir / "contacts.yml", root, allowed, problems)
    check_markup(content_texts(content_dir, toolkits_dir, root, guides), problems)
    interface_file = Path(__file__).parent.parent / "interface.yml"
    interface_text = ([(display_path(interface_file, root), 1,
                        interface_file.read_text(encoding="utf-8"))]
                      if interface_file.exists() else [])
    check_typed_numbers([*content_texts(content_dir, toolkits_dir, root), *interface_text],
                        contacts, problems)
    glossary_file = content_dir / "glossary.yml"
    if glossary_file.exists():  # meanings may refer to contacts too (resolved in tooltips)
        used |= check_references(glossary_file.read_text(encoding="utf-8"),
                                 display_path(glossary_file, root), 1, contacts, problems)
    statuses = translation_status([*modules.values(), *items.values()], languages, root)
    return (Curriculum(languages, audiences, modules, courses, contacts, items, toolkits,
                       glossary, statuses, {text: chart for _, chart, text in loaded}), problems)


def _check_unique_quiz_ids(modules, problems: Problems) -> None:
    first_seen: dict[str, tuple[str, int | None]] = {}
    for module in modules:
        text = module.text(module.source_language)
        # One namespace: progress and result files keep questions of both kinds by id.
        for quiz in (*text.quizzes, *text.test_questions):
            if quiz.id in first_seen:
                file, line = first_seen[quiz.id]
                problems.add(text.file, quiz.line, f"the question id '{quiz.id}' is already used "
                             f"at {file}:{line}: give each question its own id.")
            else:
                first_seen[quiz.id] = (text.file, quiz.line)


def check_page_structure(paths, root: Path, contacts: dict[str, Contact],
                         problems: Problems) -> list[LoadedFlowchart]:
    """Published pages that are neither modules nor toolkit items (the home pages, the guides):
    a block or fence left open would publish raw Markdown there too. Their flowcharts are
    loaded like any other (returned). Files that cannot be read are reported by the survey of
    files."""
    loaded: list[LoadedFlowchart] = []
    for path in paths:
        try:
            source = read_markdown(path)
        except (ContentSyntaxError, OSError):
            continue
        file = display_path(path, root)
        structure = scan(source.body, source.body_line)
        for problem in structure.problems:
            problems.add(file, problem.line, problem.message, stops=True)
        report_outside_module(structure.blocks, file, problems)
        for line, _ in fenced_flowcharts(source.body, source.body_line, DECISION_INFO):
            problems.add(file, line, "a decision exercise belongs in a module (its progress "
                         "is kept there): move it to a module.")
        loaded += flowcharts_in(source.body, source.body_line, file, contacts, problems)
    return loaded
