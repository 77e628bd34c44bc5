"""The course tests in a real build: made of test questions only, which appear nowhere else."""
import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_mkdocs
from tests.helpers import make_project, module

SECRETS = ("Alpha one?", "A1 right", "A2 wrong one", "Feedback on B2 right", "Explanation of a-t3")
KEY_TEXTS = ("Feedback on", "Explanation of", "data-correct", "data-right")  # never in plain text
RIGHT = {"a-t1": ["3"], "a-t2": ["1", "3"], "a-t3": ["2"], "b-t1": ["1"], "b-t2": ["4"]}


@pytest.fixture
def site(tests_site):
    """The small site of TESTS_CURRICULUM, built once per run (tests/conftest.py)."""
    return tests_site


def page(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("prefix", ["", "az/", "ru/"])
def test_tests_hold_the_test_questions_of_the_courses_modules(site, prefix):
    employers = page(site, f"{prefix}courses/employers/pre-test.html")
    ids = [f["data-quiz"] for f in employers.select("form.course-test fieldset")]
    assert ids == ["a-t1", "a-t2", "a-t3", "b-t1", "b-t2"]
    assert [s["data-module"] for s in employers.select(".course-test__module")] == ["alpha", "beta"]
    final = page(site, f"{prefix}courses/municipalities/final-test.html")
    assert len(final.select("form.course-test fieldset")) == 5


def test_test_questions_appear_on_no_other_page_nor_in_search(site):
    tests = {f"{p}courses/{c}/{k}-test.html" for p in ("", "az/", "ru/")
             for c in ("employers", "municipalities") for k in ("pre", "final")}
    for path in site.rglob("*"):
        # The facilitator guide is the trainers' copy of the tests, with their key.
        if path.suffix not in (".html", ".json", ".js", ".xml") or \
                path.relative_to(site).as_posix() in tests or path.name == "facilitator.html":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        # The trainer's page names questions and options (for its tables), never the key.
        trainers = path.name == "results.html" and path.parent.name == "trainers"
        for secret in (SECRETS[3:] if trainers else SECRETS):
            assert secret not in text, (path, secret)
        if trainers:
            assert "Alpha one?" in text and not any(k in text for k in KEY_TEXTS)
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "Alpha self-check?" in json.dumps(index)  # self-checks stay searchable


def test_the_quiz_sheet_shows_the_self_checks_and_the_report_lists_modules_without_tests(site):
    sheet = page(site, "toolkits/employers/index.html").select(".quiz-sheet__question")
    assert [q.p.get_text() for q in sheet] == ["Alpha self-check?", "Beta self-check?",
                                                "Gamma self-check?"]
    report = page(site, "maintainers/coverage.html")
    section = report.find(id="modules-without-test-questions").find_next("table")
    assert [r.get_text(" ", strip=True) for r in section.select("tbody tr")] == ["Gamma Employers"]


def test_a_course_without_test_questions_builds_and_says_so(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module(
        body="\n/// quiz | Self?\n- [x] A\n- [ ] B\n///\n")})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    for prefix, words in (("", "no test questions yet"), ("az/", "test sualları yoxdur"),
                          ("ru/", "нет тестовых вопросов")):
        test = page(project / "site", f"{prefix}courses/employers/pre-test.html")
        assert not test.select("form.course-test")
        assert words in test.select_one(".course-test__empty").get_text()


@pytest.mark.parametrize("prefix", ["", "az/", "ru/"])
def test_no_test_page_shows_the_key_in_its_source(site, prefix):
    from elearning.domain import answer_keys
    for kind in ("pre", "final"):
        source = (site / f"{prefix}courses/employers/{kind}-test.html").read_text(encoding="utf-8")
        assert not any(text in source for text in KEY_TEXTS), kind
    assert "course-test__key" not in (site / f"{prefix}courses/employers/pre-test.html").read_text()
    final = page(site, f"{prefix}courses/employers/final-test.html")
    keys = json.loads(final.select_one("script.course-test__key").string)
    for fieldset in final.select("fieldset.course-test__question"):
        quiz = fieldset["data-quiz"]
        revealed = BeautifulSoup(answer_keys.decode(keys[quiz], fieldset["data-salt"]), "html.parser")
        right = [f["data-option"] for f in revealed.select(".quiz__feedback[data-right=true]")]
        assert right == RIGHT[quiz]
        assert f"Explanation of {quiz}." in revealed.get_text()
        check = answer_keys.cyrb53(f"{fieldset['data-salt']}:{quiz}:{','.join(RIGHT[quiz])}")
        assert format(check, "x") == fieldset["data-check"]
