"""axe-core on every page kind in every language: no serious or critical violation,
including the states scripts create (a question answered, test results shown)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

PAGE_KINDS = {
    "home": "index.html",
    "course": "courses/employers/index.html",
    "module in a course": "courses/employers/first-contact.html",
    "library module": "modules/first-contact.html",
    "module with a decision exercise": "courses/municipalities/municipal-prevention.html",
    "module library": "modules/index.html",
    "pre-test": "courses/employers/pre-test.html",
    "certificate": "courses/employers/certificate.html",
    "toolkits": "toolkits/index.html",
    "one-pager": "toolkits/azrcs/one-pager.html",
    "mini-toolkit": "toolkits/azrcs/index.html",
    "facilitator-guide": "toolkits/employers/facilitator.html",
    "glossary": "glossary.html",
    "trainer's results": "trainers/results.html",
}
LANGUAGES = {"en": "", "az": "az/", "ru": "ru/"}


def serious(page) -> list[str]:
    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in result.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_accessibility_violation(open_page, site_url, kind, language):
    page, _ = open_page(site_url, LANGUAGES[language] + PAGE_KINDS[kind])
    assert serious(page) == []


def test_the_404_page_in_three_languages_is_accessible(open_page, site_url):
    page, _ = open_page(site_url, "404.html")  # one page for every language (lang on each part)
    assert serious(page) == []


def test_answered_question_and_test_results_stay_accessible(open_page, site_url, tests_site_url):
    page, _ = open_page(site_url, PAGE_KINDS["module in a course"])
    quiz = page.locator(".quiz").first
    quiz.locator("input").first.check()
    quiz.locator(".quiz__check").click()
    assert serious(page) == []
    page.goto(tests_site_url + PAGE_KINDS["pre-test"])  # a site with known test questions
    for fieldset in page.locator("form.course-test fieldset").all():
        fieldset.locator("input").first.check()
    page.locator(".course-test__submit").click()
    assert page.locator(".course-test__results").is_visible()
    assert serious(page) == []


def test_a_decision_exercise_stays_accessible_while_played(open_page, site_url):
    page, _ = open_page(site_url, PAGE_KINDS["module with a decision exercise"])
    box = page.locator(".decision")
    box.locator(".decision__button").nth(2).click()  # a step with feedback
    assert serious(page) == []
    box.locator(".decision__button").first.click()  # an end, with its path
    assert box.locator(".decision__path").is_visible()
    assert serious(page) == []
