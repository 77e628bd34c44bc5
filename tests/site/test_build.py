"""Real MkDocs builds of small curricula made in a temporary folder."""
import pytest
from bs4 import BeautifulSoup

from elearning import interface
from tests.conftest import ROOT, run_mkdocs
from tests.helpers import AUDIENCES_YML, make_project, module

GOOD = {
    "modules/basics.md": module("Basics", order=1, body="""
        See [the employer module](hiring.md) and ![a map](../images/map.png).

        /// audience | employers
        Employers only.
        ///

        /// audience | municipalities
        Municipalities only.
        ///
        """),
    "modules/basics.az.md": "---\ntitle: Əsaslar\nobjectives: [Bir şey edin]\n---\nMətn.\n",
    "modules/hiring.md": module("Hiring", audiences="[employers]", order=2,
                                body="\nBack to [basics](basics.md).\n"),
    "modules/local.md": module("Local", audiences="[municipalities]", order=2),
    "images/map.png": "not really a png",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("good"), GOOD)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project / "site"


def test_a_good_build_prints_one_summary_line_without_mkdocs_chatter(site):
    log = (site.parent / "build.log").read_text(encoding="utf-8")
    for chatter in ("mkdocs_static_i18n", "Building documentation", "not included in the \"nav\"",
                    "Cleaning site directory", "Documentation built in"):
        assert chatter not in log, log
    last = log.splitlines()[-1]
    assert last.startswith("INFO    -  Built ") and "pages in" in last
    assert "(no problems). The site is in " in last and last.endswith("(open index.html).")


def test_verbose_shows_the_chatter_again(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module()})
    result = run_mkdocs(project, "--strict", env={"ELEARNING_VERBOSE": "1"})
    assert result.returncode == 0, result.stderr
    assert "Building 'az' documentation" in result.stderr
    assert "INFO    -  Built " in result.stderr


def page(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("prefix", ["", "az/", "ru/"])
def test_every_page_kind_exists_in_every_language(site, prefix):
    for path in ("index.html", "courses/employers/index.html", "courses/employers/basics.html",
                 "courses/employers/hiring.html", "courses/municipalities/local.html",
                 "modules/index.html", "modules/basics.html", "modules/hiring.html"):
        assert (site / prefix / path).is_file(), prefix + path


@pytest.mark.parametrize("prefix", ["", "az/", "ru/"])
def test_home_has_a_card_per_audience_in_order(site, prefix):
    # One list item per card, each with its own link, text and facts: the cards once ran
    # together into one item holding every audience, and counting links did not notice.
    cards = page(site, prefix + "index.html").select(".course-cards > ul > li")
    assert [[a["href"] for a in card.select("a")] for card in cards] == [
        ["courses/municipalities/index.html"], ["courses/employers/index.html"]]
    assert all(len(card.select(".course-card__facts")) == 1 for card in cards)


def test_course_lists_its_modules_in_order_with_duration_and_objectives(site):
    course = page(site, "courses/employers/index.html")
    assert [a["href"] for a in course.select("article ol a")] == ["basics.html", "hiring.html"]
    assert "2 modules · 20 minutes in total" in course.get_text()
    assert "Do one thing" in course.get_text()


def test_module_in_a_course_shows_only_its_audiences_passages_and_links_work(site):
    shown = page(site, "courses/employers/basics.html")
    text = shown.get_text()
    assert "Employers only." in text and "Municipalities only." not in text
    assert shown.select_one("a[href='hiring.html']")  # stays inside the course
    assert shown.select_one("img[src='../../images/map.png']")
    assert shown.select_one("a.back-to-course[href='index.html']")
    assert shown.select_one("a.md-footer__link--next[href='hiring.html']")
    other = page(site, "courses/municipalities/basics.html")
    assert other.select_one("a[href='../../modules/hiring.html']")  # not in that course


def test_library_shows_every_passage_labelled_and_is_the_only_searchable_copy(site):
    library = page(site, "modules/basics.html")
    labels = [p.get_text() for p in library.select(".audience-passage__label")]
    assert labels == ["For Employers", "For Municipal officials"]
    for folder in ("", "az/", "ru/"):  # each language has its own index
        index = (site / folder / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "courses/employers/basics.html" not in index
        assert '"modules/basics.html"' in index


def test_untranslated_module_falls_back_to_english_with_a_notice(site):
    fallback = page(site, "ru/courses/employers/hiring.html")
    assert "ещё не переведена на русский" in fallback.get_text()
    assert fallback.select_one("div[lang='en']") is not None
    translated = page(site, "az/courses/employers/basics.html")
    assert translated.select_one("h1").get_text() == "Əsaslar"
    assert "tərcümə olunmayıb" not in translated.get_text()


@pytest.mark.parametrize("language", ["az", "ru"])
def test_guides_are_published_in_the_reader_language_or_in_english_with_a_notice(site, language):
    notice = interface.text("not_translated", language)
    for name in ("maintainer-guide", "trainer-guide"):
        written = (ROOT / "docs" / f"{name}.{language}.md").read_text(encoding="utf-8")
        headings = [line[3:] for line in written.splitlines() if line.startswith("## ")]
        shown = page(site, f"{language}/maintainers/{name}.html")
        assert [h.get_text().strip() for h in shown.select("article h2")] == headings
        assert notice not in shown.get_text()
        assert shown.select_one("article div[lang='en']") is None
        english = page(site, f"maintainers/{name}.html")
        assert english.select_one("h1").get_text() != shown.select_one("h1").get_text()
    untranslated = page(site, f"{language}/maintainers/authoring.html")
    assert notice in untranslated.get_text()
    assert untranslated.select_one("article div[lang='en'] h2") is not None
    listed = page(site, f"{language}/maintainers/index.html").select("article a[href]")
    assert "trainer-guide.html" in [a["href"] for a in listed]


def test_language_switcher_links_each_page_to_its_translation(site):
    switcher = page(site, "az/courses/employers/basics.html").select("a.md-select__link")
    assert {a["hreflang"]: a["href"] for a in switcher} == {
        "en": "../../../courses/employers/basics.html",
        "az": "basics.html",  # the page itself
        "ru": "../../../ru/courses/employers/basics.html"}


def test_no_alternate_links_that_make_material_fetch_sitemaps(site):
    assert not page(site, "index.html").select("link[rel=alternate]")


BAD_INPUTS = {
    "invalid front matter YAML": (
        {"modules/m.md": "---\ntitle: What: now\naudiences: all\n---\nx\n"},
        None, "curriculum/modules/m.md:2: front matter: this is not valid YAML"),
    "invalid audiences.yml": (
        {"modules/m.md": module()}, "employers:\n  name: {en: E\n",
        "curriculum/audiences.yml:2: this is not valid YAML"),
    "missing required key": (
        {"modules/m.md": "---\ntitle: T\naudiences: all\nobjectives: [x]\n---\n"}, None,
        "curriculum/modules/m.md:2: 'duration' is missing. Add 'duration:' with a whole "
        "number of minutes greater than 0."),
    "wrongly typed key": (
        {"modules/m.md": module(duration="'10 minutes'")}, None,
        "curriculum/modules/m.md:4: 'duration' must be a whole number of minutes greater than 0"),
    "unknown audience": (
        {"modules/m.md": module(audiences="[police]")}, None,
        "curriculum/modules/m.md:3: 'police' is not an audience. Valid audiences: "
        "municipalities, employers"),
    "passage for an unknown audience": (
        {"modules/m.md": module(body="\n/// audience | police\nx\n///\n")}, None,
        "curriculum/modules/m.md:10: 'police' is not an audience."),
    "translation with other audiences": (
        {"modules/m.md": module(), "modules/m.az.md":
         "---\ntitle: T\nobjectives: [x]\naudiences: [employers]\n---\n"}, None,
        "curriculum/modules/m.az.md:4: 'audiences' differs from the English file m.md"),
    "decision exercise leading nowhere": (
        {"modules/m.md": module(body="\n```decision\ntitle: T\nstart: a\nnodes:\n  a:\n"
                                     "    text: Go?\n    choices:\n      - {label: Go, next: b}\n"
                                     "  c: {text: End., end: good, debrief: Fine.}\n```\n")},
        None, "curriculum/modules/m.md:17: the decision exercise 'T', node 'a': the choice "
        "'Go' leads to 'b', which is not a node of this exercise (a, c)."),
    "old test option of a quiz": (
        {"modules/m.md": module(body="\n/// quiz | Q?\n    test: true\n\n- [x] A\n///\n")}, None,
        "curriculum/modules/m.md:11: the question 'Q?': 'test: true' is no longer an option"),
    "test question without an id": (
        {"modules/m.md": module(body="\n/// test-question | T?\n- [x] A\n- [ ] B\n///\n")},
        None, "curriculum/modules/m.md:10: the test question 'T?': 'id' is missing."),
    "question outside a module": (
        {"modules/m.md": module(), "index.md": "---\ntitle: Home\n---\n# Home\n\n"
         "/// quiz | Q?\n- [x] A\n///\n"}, None,
        "curriculum/index.md:6: a question ('/// quiz') belongs in a module"),
    # Read by the renderer (inside a list item) but not by the loader: never shown under an
    # id of its own making (progress is stored by the loaded id).
    "question the loader did not read": (
        {"modules/m.md": module(body="\n- A list item\n\n    /// quiz | Q?\n    - [x] A\n"
                                     "    ///\n")}, None,
        "curriculum/modules/m.md, line 12: the page shows the question 'Q?' where the content "
        "loader read nothing"),
    # The same on a toolkit page: its scenarios are the ones the loader read, with the
    # contacts it checked.
    "scenario the loader did not read": (
        {"modules/m.md": module(), "toolkits/list.md": "---\ntitle: List\naudiences: "
         "[employers]\nkind: checklist\n---\n- Item\n\n    /// scenario | Q\n    /// asks\n"
         "    A?\n    ///\n    ///\n"}, None,
        "toolkits/list.md, line 8: the page shows the scenario 'Q' where the content loader "
        "read nothing"),
    "audience missing a language's name": (
        {"modules/m.md": module()},
        AUDIENCES_YML.replace("az: İşəgötürənlər, ", ""),
        "curriculum/audiences.yml:5: 'name' has no text for az"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_strict_build_with_one_clear_message_and_no_traceback(tmp_path, case):
    files, audiences, expected = BAD_INPUTS[case]
    project = make_project(tmp_path, files, audiences=audiences or AUDIENCES_YML)
    strict = run_mkdocs(project, "--strict")
    assert strict.returncode != 0
    assert expected in strict.stderr, strict.stderr
    assert "Traceback" not in strict.stderr + strict.stdout
    assert strict.stderr.count(expected) == 1  # said once, not once per language
    # It stops the build: labelled ERROR, not WARNING.
    assert f"ERROR   -  {expected}" in strict.stderr, strict.stderr


def test_bad_input_only_warns_in_a_non_strict_build(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module(),
                                      "modules/n.md": module(audiences="[police]")})
    result = run_mkdocs(project)
    assert result.returncode == 0
    assert "WARNING -  curriculum/modules/n.md:3: 'police' is not an audience" in result.stderr


def test_a_question_the_loader_did_not_read_stops_even_a_non_strict_build(tmp_path):
    files, _, expected = BAD_INPUTS["question the loader did not read"]
    result = run_mkdocs(make_project(tmp_path, files))
    assert result.returncode != 0
    assert f"ERROR   -  {expected}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_invalid_question_is_reported_and_shown_as_written_in_a_non_strict_build(tmp_path):
    body = "\n/// quiz | Which one?\n- [ ] A\n- [ ] B\n///\n\nAfter.\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)})
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    assert ("WARNING -  curriculum/modules/m.md:10: the question 'Which one?' has no correct "
            "option") in result.stderr
    page = BeautifulSoup((project / "site/modules/m.html").read_text(encoding="utf-8"),
                         "html.parser")
    # No question under an id of the renderer's making (and nothing for quiz.js to set up).
    assert page.select("fieldset") == [] and page.select(".quiz") == []
    assert "- [ ] B" in page.select_one(".quiz-as-written pre").get_text()
    assert "After." in page.get_text()


def test_a_page_loading_an_outside_file_fails_the_build(tmp_path):
    body = '\n<img src="https://cdn.example.org/x.png" alt="x">\n'
    project = make_project(tmp_path, {"modules/m.md": module(body=body)})
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert "load files from outside the site" in result.stderr
    assert "modules/m.html: <img src> https://cdn.example.org/x.png" in result.stderr
    assert "Traceback" not in result.stderr


def test_stale_translation_builds_strictly_with_a_notice_to_readers(tmp_path):
    stale = "---\ntitle: Əsaslar\nobjectives: [x]\ntranslated_from: \"0000000000\"\n---\nMətn.\n"
    project = make_project(tmp_path, {"modules/m.md": module(), "modules/m.az.md": stale})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    shown = page(project / "site", "az/courses/employers/m.html")
    assert "ingiliscə əsli tərcümə ediləndən sonra dəyişib" in shown.get_text()
    report = page(project / "site", "maintainers/translations.html").get_text()
    assert "stale" in report
    # The report in Azerbaijani says what each row is in Azerbaijani, not in English.
    row = page(project / "site", "az/maintainers/translations.html").find("code", string="m")
    cells = [cell.get_text(strip=True) for cell in row.find_parent("tr").find_all("td")]
    assert cells[0] == "modul" and "köhnəlib" in cells, cells


def test_personal_data_in_content_stops_the_build(tmp_path):
    body = "\n/// case | A call\n\"Aysel\" called from +994 50 123 45 67, passport AA1234567.\n///\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)})
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "curriculum/modules/m.md:11: the phone number '+994 50 123 45 67' is not in the " \
           "contacts directory" in result.stderr
    assert "AA1234567" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_tab_in_the_contacts_directory_gives_one_message_not_a_cascade(tmp_path):
    from tests.helpers import HOTLINE_YML
    body = "\nCall {{contact:hotline-mia}}, or {{number:hotline-mia}}.\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)},
                           contacts=HOTLINE_YML.replace("  name:", "\tname:"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 4, lines
    assert "ERROR   -  toolkits/contacts.yml:2: line 2 starts with a tab" in result.stderr
    assert "not in the contacts directory" not in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bundle_refuses_a_site_built_for_the_placeholder_address(site, tmp_path):
    import subprocess
    import sys
    from tests.conftest import ROOT
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--site",
                             str(site), "--out", str(tmp_path / "dist")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "built for the example address https://elearning.example.az/elearning/" in result.stderr
    assert 'site_url: !ENV [SITE_URL, "https://elearning.example.az/elearning/"]' in result.stderr
    assert "make bundle SITE_URL=https://<portal>/elearning/" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "dist").exists()
