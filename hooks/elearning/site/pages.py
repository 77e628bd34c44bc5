"""The Markdown of the pages the build generates, from the templates beside this file."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Mapping

import jinja2

from .. import interface
from ..domain.blocks import fences
from ..domain.plain_words import in_plain_words
from ..domain.courses import Course
from ..domain.curriculum import Curriculum
from ..domain.modules import Module
from ..domain.reports import (Gap, cases_without_model_answer, coverage, facts_to_validate,
                               modules_without_test_questions)
from ..domain.tagging import in_order
from ..domain.toolkits import Toolkit, ToolkitItem
from ..markdown.links import WRITTEN_IN
from .pdf import PdfDocument, pdf_name, toolkit_documents

HEADING = re.compile(r"^(#{1,5})(\s)")


@dataclass(frozen=True)
class ToolkitPart:
    title: str
    anchor: str
    body: str
    notice: str = ""


def demote_headings(markdown: str) -> str:
    """One level down (## -> ###), outside fenced code: items sit under their own title."""
    lines = markdown.splitlines()
    code = {index for fence in fences(markdown)
            for index in range(fence.line - 1, fence.end_line or len(lines))}
    return "\n".join(line if index in code else HEADING.sub(r"#\1\2", line)
                     for index, line in enumerate(lines))

TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                                     trim_blocks=True, lstrip_blocks=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.filters["plain"] = plain
    return environment


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!])")


def plain(text: str) -> str:
    """Front-matter text (a title) written into a generated Markdown page as the words it is:
    markup in it is shown, not rendered, so that a title such as '<b>x</b> [a](b)' breaks no
    page (HTML escaped, Markdown's special characters escaped with a backslash)."""
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # '|' has no backslash escape outside tables: an entity works in and out of table cells.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("|", "&#124;")


def _admonition(kind: str, title: str, markdown: str) -> str:
    """A titled box around Markdown text (indented under '!!! kind "title"')."""
    body = "\n".join(f"    {line}" if line.strip() else "" for line in markdown.splitlines())
    return f'!!! {kind} "{title.replace(chr(34), chr(39))}"\n\n{body}\n'


class PageWriter:
    """Renders generated pages for one curriculum in one language."""

    def __init__(self, curriculum: Curriculum, language: str, version: str = "",
                 content_version: str = "", pdfs: bool = False):
        self.curriculum = curriculum
        self.language = language
        self.version = version  # "content version 1.0, 28 November 2026", for printouts
        self.content_version = content_version  # "1.0": in every test result file
        self.pdfs = pdfs        # whether this build makes the PDF downloads (pdf.py)

    def _render(self, template: str, **values) -> str:
        return _environment().get_template(template).render(
            lang=self.language, t=self.t, audience_names=self.audience_names,
            pdf_link=self.pdf_link, **values)

    def pdf_link(self, toolkit: Toolkit, kind: str, from_index: bool = False,
                 what: str = "") -> str:
        """'Download PDF (2 pages, 120 KB)' as a link, or nothing in a build without PDFs.
        The size and page count are written in once the PDFs exist (pdf.fill_in_facts)."""
        if not self.pdfs:
            return ""
        name = pdf_name(toolkit.id, kind, self.language)
        prefix = "" if self.language == self.curriculum.languages[0] else f"{self.language}/"
        href = f"{toolkit.id}/{name}" if from_index else name
        hidden = f'<span class="visually-hidden">: {what}</span>' if what else ""
        return (f'<a class="pdf-download" href="{href}" download>{self.t("pdf_download")}'
                f'{hidden} <span class="pdf-download__facts" '
                f'data-pdf="{prefix}toolkits/{toolkit.id}/{name}"></span></a>')

    def t(self, key: str, **values) -> str:
        return interface.text(key, self.language, **values)

    def audience_names(self, module: Module) -> str:
        if set(module.audiences) == set(self.curriculum.audiences):
            return self.t("all_audiences")
        return ", ".join(self.curriculum.audiences[a].name[self.language] for a in module.audiences)

    def home_courses(self) -> str:
        return self._render("home_courses.md", courses=self.curriculum.courses)

    def course(self, course: Course) -> str:
        return self._render("course.md", course=course, course_data=self.course_data(course))

    def module_in_course(self, module: Module) -> str:
        return self._render("module_in_course.md", text=module.text(self.language))

    def course_test(self, course: Course, kind: str) -> str:
        questions = sum(len(q) for _, q in course.test_questions(self.language))
        return self._render("course_test.md", course=course, kind=kind, questions=questions,
                            course_data=self.course_data(course))

    def certificate(self, course: Course) -> str:
        return self._render("certificate.md", course=course, course_data=self.course_data(course))

    def course_data(self, course: Course, only: Module | None = None) -> str:
        """What the browser scripts need to know of the course (progress, tests, certificate).
        All its addresses are relative to the course's folder. A module's page needs only its
        own entry: a page per module carrying every module would grow the site quadratically."""
        lang = self.language
        modules = [only] if only else course.modules
        data = {
            "format": 1, "course": course.id, "language": lang,
            "courses": [c.id for c in self.curriculum.courses],  # to check imported files
            "contentVersion": self.content_version,
            "title": course.audience.name[lang], "passMark": course.audience.pass_mark,
            "modules": [{"slug": m.slug, "title": m.text(lang).title, "url": f"{m.slug}.html",
                         "quizzes": [q.id for q in course.quizzes(m, lang)],
                         # a decision exercise counts once a good end is reached
                         "decisions": [d.id for d in m.decisions_for(course.id, lang)]}
                        for m in modules],
        }
        text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return f'<script type="application/json" class="course-data">{text}</script>'

    def results(self) -> str:
        """The trainer's results page: the site's courses and test questions (no answers),
        and the page's strings, for results-page.js."""
        lang = self.language
        courses = {
            course.id: {"title": course.audience.name[lang], "modules": [
                {"slug": m.slug, "title": m.text(lang).title,
                 "questions": [{"id": q.id, "text": q.question,
                                "options": [c.text for c in q.choices]}
                               for q in m.test_questions_for(course.id, lang)]}
                for m in course.modules]}
            for course in self.curriculum.courses}
        strings = interface.page_strings("results_", lang)
        data = json.dumps({"courses": courses, "strings": strings, "language": lang},
                          ensure_ascii=False).replace("</", "<\\/")
        return self._render("results.md", data=data,
                            languages=self.curriculum.languages)

    def library(self) -> str:
        return self._render("library.md", modules=in_order(self.curriculum.modules.values()))

    def module_header(self, module: Module, course: Course | None) -> str:
        number = [m.slug for m in course.modules].index(module.slug) + 1 if course else None
        return self._render("module_header.md", module=module, course=course, number=number,
                            text=module.text(self.language), notice=self._notice(module),
                            course_data=self.course_data(course, module) if course else "")

    def glossary(self) -> str:
        terms = sorted(self.curriculum.glossary, key=lambda t: t.texts[self.language].term.casefold())
        return self._render("glossary.md", terms=terms)

    def plain(self, text: str) -> str:
        """Contact references and marks in plain words: a tooltip holds no markup."""
        return in_plain_words(text, self.curriculum.contacts, self.language,
                              interface.plain_notes(self.language))

    def abbreviations(self) -> dict[str, str]:
        """The glossary as tooltips where a term is first used (markdown/glossary_terms.py;
        set once per language, where definitions appended to every page were parsed again on
        every page, each one re-testing the rest of the block)."""
        texts = [term.texts[self.language] for term in self.curriculum.glossary]
        return {text.term: self.plain(text.meaning) for text in texts}

    def maintainers(self) -> str:
        return self._render("maintainers.md")

    def coverage(self, gaps: Mapping[str, list[Gap]] | None = None) -> str:
        return self._render("coverage.md", curriculum=self.curriculum, gaps=gaps or {},
                            rows=coverage(self.curriculum),
                            missing_answers=cases_without_model_answer(self.curriculum),
                            without_tests=modules_without_test_questions(self.curriculum))

    def to_validate(self) -> str:
        contacts = [c for c in self.curriculum.contacts.values() if not c.verified]
        return self._render("to_validate.md", contacts=contacts,
                            facts=facts_to_validate(self.curriculum, self.language))

    def translations(self) -> str:
        rows: dict[tuple[str, str], dict[str, str]] = {}
        for status in self.curriculum.translations:
            rows.setdefault((status.kind, status.name), {})[status.language] = status.state
        return self._render("translations.md", rows=sorted(rows.items()),
                            languages=self.curriculum.languages[1:])

    def guide(self, title: str, markdown: str, notice: str = "", written_in: str = "") -> str:
        """A guide from docs/ shown in the site (for maintainers; not in search). `notice`:
        said to readers where the guide is not (or no longer fully) in their language;
        `written_in`: the language of a guide shown untranslated."""
        box = f'!!! info ""\n    {notice}\n\n' if notice else ""
        body = f'<div lang="{written_in}" markdown>\n\n{markdown}\n\n</div>\n' if written_in else markdown
        return f'---\ntitle: "{title}"\nsearch:\n  exclude: true\n---\n{box}{body}'

    def toolkits(self) -> str:
        return self._render("toolkits.md", toolkits=self.curriculum.toolkits)

    def toolkit_title(self, toolkit: Toolkit) -> str:
        return self.t("toolkit_title", audience=toolkit.audience.name[self.language])

    def one_pager(self, toolkit: Toolkit) -> str:
        text = toolkit.one_pager.text(self.language)
        return self._render("one_pager.md", toolkit=toolkit, text=text, body=text.body,
                            notice=self._notice(toolkit.one_pager))

    def mini_toolkit(self, toolkit: Toolkit) -> str:
        parts = [self._part(item) for item in toolkit.in_mini_toolkit]
        parts.append(ToolkitPart(self.t("referral_contacts"), "referral-contacts",
                                 self._render("referral_contacts.md", contacts=toolkit.contacts)))
        parts.append(ToolkitPart(self.t("quiz_sheet"), "quiz-sheet",
                                 self.t("quiz_sheet_intro") + "\n\n/// quiz-sheet\n///\n"))
        return self._render("mini_toolkit.md", toolkit=toolkit, parts=parts, version=self.version)

    def pdf_documents(self, prefix: str, footer: str) -> list[PdfDocument]:
        """The PDF downloads of every toolkit in this language, with their titles (`prefix`:
        the language's folder in the site, '' or 'az/')."""
        documents = []
        for toolkit in self.curriculum.toolkits:
            titles = {"toolkit": self.toolkit_title(toolkit),
                      "facilitator-guide": self.facilitator_title(toolkit)}
            if toolkit.one_pager:
                titles["one-pager"] = toolkit.one_pager.text(self.language).title
            documents += toolkit_documents(toolkit.id, self.language,
                                           f"{prefix}toolkits/{toolkit.id}", titles, footer)
        return documents

    def facilitator_title(self, toolkit: Toolkit) -> str:
        return self.t("facilitator_title", audience=toolkit.audience.name[self.language])

    def facilitator(self, toolkit: Toolkit, course: Course) -> str:
        """The facilitator guide: what a trainer needs to run the audience's sessions, from
        the loaded content; a part whose content has not been written yet says so."""
        missing = f"*{self.t('not_available_yet')}*\n"
        plans = [self._part(item) for item in toolkit.session_plans]
        sessions = "\n\n".join(f"### {p.title}\n\n{p.notice}{demote_headings(p.body)}"
                                 for p in plans) or missing
        parts = [ToolkitPart(self.t("facilitator_sessions"), "session-plans", sessions),
                 ToolkitPart(self.t("facilitator_cases"), "cases",
                             self._cases(course) or missing),
                 ToolkitPart(self.t("facilitator_decisions"), "decision-exercises",
                             self._decisions(course) or missing),
                 ToolkitPart(self.t("facilitator_test"), "test-questions",
                             self.t("facilitator_test_intro") + "\n\n/// quiz-sheet\n///\n"),
                 ToolkitPart(self.t("referral_contacts"), "referral-contacts",
                             self._render("referral_contacts.md", contacts=toolkit.contacts)),
                 ToolkitPart(self.t("facilitator_results"), "results",
                             self.t("facilitator_results_text") +
                             f" [{self.t('facilitator_results_link')}](../../trainers/results.md)\n")]
        return self._render("facilitator.md", toolkit=toolkit, parts=parts, version=self.version,
                            title=self.facilitator_title(toolkit))

    def _cases(self, course: Course) -> str:
        """Every case of the course with its model answer, and the module's trainer notes."""
        chunks = []
        for module in course.modules:
            text = module.text(self.language)
            # What the page shows inside them is in Module.for_trainers (the page's view).
            cases = module.cases_for(course.id, self.language)
            notes = module.trainer_notes_for(course.id, self.language)
            if not cases and not notes:
                continue
            # Its links were written from modules/ (markdown/links.py rebases them).
            chunks.append(f'### {text.title} {{ {WRITTEN_IN}="modules/{module.slug}.md" }}')
            for case in cases:
                chunks.append(f"#### {self.t('case_study', title=case.title)}\n\n"
                              f"{demote_headings(demote_headings(case.text))}")
                if case.model_answer:
                    chunks.append(_admonition("success", self.t("model_answer"),
                                              case.model_answer.text))
                else:
                    chunks.append(f"*{self.t('not_available_yet')}*")
            for note in notes:
                chunks.append(_admonition("note", self.t("trainer_note"), note.text))
        return "\n\n".join(chunks)

    def _decisions(self, course: Course) -> str:
        """Every decision exercise of the course, each end with the shortest path of choices
        that reaches it: the paths to discuss with the group (the trainer notes that follow
        the exercises are in the cases part)."""
        chunks = []
        for module in course.modules:
            decisions = module.decisions_for(course.id, self.language)
            if not decisions:
                continue
            chunks.append(f"### {module.text(self.language).title}")
            for decision in decisions:
                chunks.append(f"#### {decision.title}\n\n" + self.t(
                    "facilitator_decision_points", count=decision.decision_points()))
                chunks.append("\n".join(
                    f"- **{self.t('decision_end_' + end.end)}**: "
                    f"{' → '.join(choice.label for choice in path)}. {end.debrief}"
                    for end, path in decision.paths_to_ends()))
        if chunks:
            chunks.insert(0, self.t("facilitator_decisions_intro"))
        return "\n\n".join(chunks)

    def _part(self, item: ToolkitItem) -> ToolkitPart:
        text = item.text(self.language)
        return ToolkitPart(text.title, item.slug, demote_headings(text.body), self._notice(item))

    def _notice(self, item) -> str:
        """Said to readers of a page not (or no longer fully) in their language."""
        if not item.is_translated(self.language):
            return f"!!! info \"\"\n    {self.t('not_translated')}\n\n"
        if self.curriculum.is_stale(item.slug, self.language):
            return f"!!! info \"\"\n    {self.t('translation_stale')}\n\n"
        return ""

    def module_footer(self, module: Module) -> str:
        return self._render("module_footer.md", module=module)
