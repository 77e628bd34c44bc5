"""The navigation of a long course: modules listed in groups, only the reader's own group in
full, previous/next running through the whole course."""
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_mkdocs
from elearning.site import navigation
from elearning.site.pages import PageWriter
from tests.helpers import make_project, module

MODULES = 17  # over GROUP_OVER: two groups, 1-10 and 11-17


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {f"modules/m{n:02d}.md": module(f"Module {n}", audiences="[employers]", order=n)
             for n in range(1, MODULES + 1)}
    files["modules/local.md"] = module("Local", audiences="[municipalities]")
    project = make_project(tmp_path_factory.mktemp("long"), files)
    with pytest.MonkeyPatch.context() as patch:  # English is enough for the navigation
        patch.setenv("BUILD_AZ", "false")
        patch.setenv("BUILD_RU", "false")
        result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_long_course_lists_its_modules_in_groups(site):
    nav = page(site, "courses/employers/m03.html").select_one("nav.md-nav--primary")
    titles = [link.get_text(" ", strip=True) for link in nav.select(".md-nav__link")]
    assert "Modules 1–10" in titles and "Modules 11–17" in titles
    listed = {a["href"] for a in nav.select("a.md-nav__link")}
    assert {f"m{n:02d}.html" for n in range(1, 11)} <= listed  # the reader's own group
    # The other group is one link to its first module, its modules are not listed.
    assert not {f"m{n:02d}.html" for n in range(12, 18)} & listed


@pytest.mark.parametrize("path,previous,following", [
    ("courses/employers/m10.html", "m09.html", "m11.html"),  # across the groups
    ("courses/employers/m01.html", "pre-test.html", "m02.html"),
    ("courses/employers/m17.html", "m16.html", "final-test.html"),
    ("modules/m11.html", "m10.html", "m12.html"),
])
def test_previous_and_next_run_through_the_course(site, path, previous, following):
    html = (site / path).read_text(encoding="utf-8")
    assert re.search(rf'<link rel="prev" href="{re.escape(previous)}"', html)
    assert re.search(rf'<link rel="next" href="{re.escape(following)}"', html)


def titles_and_pages(entries):
    """(group titles at this level, every page in order) of a nav list."""
    titles, pages = [], []
    for entry in entries:
        (title, value), = entry.items()
        if isinstance(value, list):
            titles.append(title)
            pages += titles_and_pages(value)[1]
        else:
            pages.append(value)
    return titles, pages


def test_a_very_long_course_lists_groups_of_groups():
    """280 modules: a page lists 3 groups of 100, the 10 groups of its own hundred and the
    10 modules of its own group, instead of 28 groups and 10 modules."""
    writer = PageWriter(None, "en")
    modules = [{f"Module {n}": f"m{n}.md"} for n in range(1, 281)]
    top = navigation._grouped(writer, modules)
    titles, pages = titles_and_pages(top)
    assert titles == ["Modules 1–100", "Modules 101–200", "Modules 201–280"]
    assert pages == [f"m{n}.md" for n in range(1, 281)]  # every module, in order
    last_hundred = titles_and_pages(top[2]["Modules 201–280"])[0]
    assert last_hundred == [f"Modules {n}–{n + 9}" for n in range(201, 281, 10)]
    assert len(titles_and_pages(navigation._grouped(writer, modules[:150]))[0]) == 15
