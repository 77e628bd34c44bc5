"""The navigation: home, one section per course, the module library. Generated per
language, so that titles are in the reader's language; nothing is listed by hand."""
from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..domain.curriculum import Curriculum
from ..domain.tagging import in_order


def site_nav(curriculum: Curriculum, writer) -> list:
    lang = writer.language
    courses = [
        {course.audience.name[lang]: [
            f"courses/{course.id}/index.md",
            {writer.t("pre_test"): f"courses/{course.id}/pre-test.md"},
            *({m.text(lang).title: f"courses/{course.id}/{m.slug}.md"} for m in course.modules),
            {writer.t("final_test"): f"courses/{course.id}/final-test.md"},
            {writer.t("certificate"): f"courses/{course.id}/certificate.md"},
        ]}
        for course in curriculum.courses
    ]
    library = ["modules/index.md"] + [
        {m.text(lang).title: f"modules/{m.slug}.md"} for m in in_order(curriculum.modules.values())]
    toolkits = ["toolkits/index.md"]
    for toolkit in curriculum.toolkits:
        pages = ([{writer.t("one_pager"): f"toolkits/{toolkit.id}/one-pager.md"}]
                 if toolkit.one_pager else [])
        pages.append({writer.t("mini_toolkit"): f"toolkits/{toolkit.id}/index.md"})
        toolkits.append({toolkit.audience.name[lang]: pages})
    return [{writer.t("home"): "index.md"}, *courses, {writer.t("library"): library},
            {writer.t("toolkits"): toolkits}, {writer.t("glossary"): "glossary.md"}]


def keep_neighbours_in_section(nav: Navigation) -> None:
    """Previous/next stay inside a course (or the library) instead of running into the next."""
    for page in nav.pages:
        page.previous_page = page.next_page = None
    sections = [item for item in nav.items if not isinstance(item, Page)]
    while sections:
        section = sections.pop()
        pages = [item for item in section.children if isinstance(item, Page)]
        sections.extend(item for item in section.children if not isinstance(item, Page))
        for before, after in zip(pages, pages[1:]):
            before.next_page, after.previous_page = after, before
