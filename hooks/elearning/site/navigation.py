"""The navigation: home, one section per course, the module library. Generated per
language, so that titles are in the reader's language; nothing is listed by hand.

Every page carries the navigation of its own section (Material's navigation.prune), so a
section of N modules costs N links on each of its N pages. Long lists of modules are
therefore split into groups, of which only the reader's own is listed in full, and very
long lists into groups of groups: a page's navigation then stays about the same size however
long its course, and the build stays linear."""
from __future__ import annotations

from itertools import groupby
from pathlib import PurePosixPath

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..domain.curriculum import Curriculum
from ..domain.tagging import in_order

GROUP_OVER = 15  # modules; the starter's courses (7 to 12) stay one plain list
GROUP_SIZE = 10


def site_nav(curriculum: Curriculum, writer) -> list:
    lang = writer.language
    courses = [
        {course.audience.name[lang]: [
            f"courses/{course.id}/index.md",
            {writer.t("pre_test"): f"courses/{course.id}/pre-test.md"},
            *_grouped(writer, [{m.text(lang).title: f"courses/{course.id}/{m.slug}.md"}
                               for m in course.modules]),
            {writer.t("final_test"): f"courses/{course.id}/final-test.md"},
            {writer.t("certificate"): f"courses/{course.id}/certificate.md"},
        ]}
        for course in curriculum.courses
    ]
    library = ["modules/index.md", *_grouped(writer, [
        {m.text(lang).title: f"modules/{m.slug}.md"} for m in in_order(curriculum.modules.values())])]
    toolkits = ["toolkits/index.md"]
    for toolkit in curriculum.toolkits:
        pages = ([{writer.t("one_pager"): f"toolkits/{toolkit.id}/one-pager.md"}]
                 if toolkit.one_pager else [])
        pages.append({writer.t("mini_toolkit"): f"toolkits/{toolkit.id}/index.md"})
        toolkits.append({toolkit.audience.name[lang]: pages})
    return [{writer.t("home"): "index.md"}, *courses, {writer.t("library"): library},
            {writer.t("toolkits"): toolkits}, {writer.t("glossary"): "glossary.md"}]


def _grouped(writer, modules: list[dict], offset: int = 0) -> list[dict]:
    """Groups of 10; over 15 groups, groups of 100 made of groups of 10 (and so on): a page
    lists at most about 15 entries per level, so its navigation stays small however long
    the course (a course of 280 modules: 3 + 10 + 10 entries instead of 28 + 10)."""
    if len(modules) <= GROUP_OVER:
        return modules
    size = GROUP_SIZE
    while len(modules) > GROUP_OVER * size:
        size *= GROUP_SIZE
    return [{writer.t("nav_module_group", first=offset + start + 1,
                      last=offset + min(start + size, len(modules))):
             _grouped(writer, modules[start:start + size], offset + start)}
            for start in range(0, len(modules), size)]


def keep_neighbours_in_section(nav: Navigation) -> None:
    """Previous/next run through a course (or the library, or one audience's toolkit) and
    stop at its end instead of running into the next; groups of modules do not break the
    run. A run is the pages of one folder (courses/<id>/, modules/, ...) in navigation order."""
    for page in nav.pages:
        page.previous_page = page.next_page = None
    for section in (item for item in nav.items if isinstance(item, Section)):
        pages = list(_pages(section))
        for _, run in groupby(pages, key=lambda page: PurePosixPath(page.file.src_uri).parent):
            run = list(run)
            for before, after in zip(run, run[1:]):
                before.next_page, after.previous_page = after, before


def _pages(section: Section):
    for item in section.children:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item)
