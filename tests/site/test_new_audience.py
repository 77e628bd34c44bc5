"""A new audience builds strictly with nothing but its entry, and says what it lacks."""
from bs4 import BeautifulSoup

from tests.conftest import run_mkdocs
from tests.helpers import AUDIENCES_YML, make_project, module

JUDGES = """\
judges:
  name: {en: Judges, az: Hakimlər, ru: Судьи}
  description: {en: For judges., az: Hakimlər üçün., ru: Для судей.}
"""
ONE_PAGER = "---\ntitle: One page\naudiences: [municipalities]\nkind: one-pager\n---\nCall.\n"
PLAN = "---\ntitle: Checks\naudiences: [municipalities, employers]\nkind: checklist\n---\n- [ ] Check.\n"
SHARED = module("Shared", body="""
    /// audience | municipalities
    The municipality's part.
    ///

    /// test-question | Is this for everybody?
        id: q-shared

    - [x] Yes
    - [ ] No
    ///
    """)


def test_a_new_audience_without_toolkit_items_builds_strictly_and_says_what_it_lacks(tmp_path):
    project = make_project(tmp_path, {
        "modules/shared.md": SHARED, "toolkits/one-pager-municipalities.md": ONE_PAGER,
        "toolkits/plan.md": PLAN}, audiences=AUDIENCES_YML + JUDGES)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "'judges' still lacks" in line]
    assert line.startswith("INFO")
    for words in ("a one-pager", "printable toolkit items", "a session plan",
                  "role sections of shared modules", "(shared)", "a mention on the home page"):
        assert words in line, words
    assert "test questions" not in line  # the shared module's test question is in its course
    site = project / "site"

    def text(path):
        return BeautifulSoup((site / path).read_text("utf-8"), "html.parser").get_text(" ")

    course_page = text("courses/judges/shared.html")
    assert "Some text for Shared." in course_page and "The municipality's part" not in course_page
    assert (site / "courses/judges/final-test.html").is_file()
    assert (site / "courses/judges/certificate.html").is_file()
    assert "Not there yet for this group: the one-pager; printable items" in \
        text("toolkits/judges/index.html")
    assert "Bu qrup üçün hələ hazır deyil" in text("az/toolkits/judges/index.html")
    assert not (site / "toolkits/judges/one-pager.html").exists()
    assert "not yet" in text("toolkits/index.html")
    report = text("maintainers/coverage.html")
    assert "What each audience still lacks" in report and "Judges" in report
    assert "Чего ещё не хватает каждой аудитории" in text("ru/maintainers/coverage.html")
