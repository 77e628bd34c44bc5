"""The real site behind Debian's nginx with the generated nginx.conf, hence with the
generated Content-Security-Policy header, under /elearning/: every kind of page works in
Chromium in every language without a CSP violation, a request outside the site or a
console error."""
from __future__ import annotations

import json

import pytest

from elearning.site import server_config
from elearning.site.built_pages import BuiltPages
from tests.browser.conftest import Traffic
from tests.webserver import Served

LANGUAGES = {"en": "", "az": "az/", "ru": "ru/"}
COURSE = "employers"
# Typed into search, and a word the results must contain (see test_search.py).
SEARCHES = {"en": ("trafficking", "trafficking"), "az": ("insan", "insan"),
            "ru": ("торговля", "торговл")}

# Recorded in every document before its own scripts run (Playwright's init scripts are
# not subject to the page's CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "")
    + " at " + event.sourceFile + ":" + event.lineNumber + " " + (event.sample || ""));
}, true);
"""


def csp_opener(browser, served: Served):
    """opener(path) -> (page, traffic), violations recorded; see assert_clean."""
    contexts = []

    def opener(path: str):
        context = browser.new_context(accept_downloads=True)
        contexts.append(context)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        traffic = Traffic(served.root)
        page.on("request", lambda request: traffic.requests.append(request.url))
        page.on("console", lambda message: (message.type in ("error", "warning") or
                                            "Content Security Policy" in message.text)
                and traffic.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: traffic.console.append(f"pageerror: {error}"))
        response = page.goto(served.root + path)
        assert response.status == 200, path
        assert response.headers.get("content-security-policy") == served.policy
        return page, traffic

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def open_with_csp(browser, served):
    yield from csp_opener(browser, served)


@pytest.fixture
def open_tests_with_csp(browser, served_tests_site):
    yield from csp_opener(browser, served_tests_site)


def assert_clean(page, traffic):
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in traffic.console if "Content Security Policy" in m] == []
    assert traffic.outside() == []
    assert traffic.console == []


def answer_correctly(page, quiz):
    for choice in quiz.locator(".quiz__choice").all():
        if choice.get_attribute("data-correct") == "true":
            choice.locator("input").check()
    quiz.locator(".quiz__check").click()


# -- every kind of page, in every language ---------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_home(open_with_csp, language):
    page, traffic = open_with_csp(LANGUAGES[language] + "index.html")
    assert page.locator(".course-cards a").count() >= 4
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_course_with_progress_export(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}courses/{COURSE}/index.html")
    assert page.locator(".module-state").count() >= 1
    with page.expect_download() as download:  # a blob: URL made by progress.js
        page.locator(".progress-transfer__export").click()
    assert json.loads(download.value.path().read_text())["format"] == "ct-elearning-progress"
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_module_in_course_with_a_quiz_answered(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}courses/{COURSE}/first-contact.html")
    quiz = page.locator(".quiz").first
    answer_correctly(page, quiz)
    assert quiz.locator(".quiz__answer").is_visible()
    glossary_term = page.locator("article abbr").first
    if glossary_term.count():
        glossary_term.hover()  # Material's tooltip: innerHTML and CSSOM positions
        page.wait_for_timeout(300)
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_module(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}modules/first-contact.html")
    assert page.locator(".audience-passage__label").count() >= 2
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pre_test_submitted(open_tests_with_csp, language):
    page, traffic = open_tests_with_csp(f"{LANGUAGES[language]}courses/{COURSE}/pre-test.html")
    for fieldset in page.locator("form.course-test fieldset").all():
        fieldset.locator(".quiz__choice input").first.check()
    page.locator(".course-test__submit").click()
    results = page.locator(".course-test__results")
    results.wait_for()
    assert results.locator(".course-test__focus a").count() >= 1 or \
        "100%" in results.inner_text()
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_certificate(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}courses/{COURSE}/certificate.html")
    assert page.locator(".certificate-gate__missing li").count() >= 1
    # A learner who completed the course: every module and a passed final test.
    page.evaluate("""() => {
      const course = JSON.parse(document.querySelector("script.course-data").textContent);
      const done = {};
      course.modules.forEach(m => { done[m.slug] = new Date().toISOString() });
      localStorage.setItem("ct-elearning-progress", JSON.stringify({
        format: "ct-elearning-progress", version: 1, answered: {},
        completed: {[course.course]: done},
        tests: {[course.course]: {final: {format: "ct-elearning-test-result", version: 1,
                                          kind: "final", course: course.course,
                                          date: new Date().toISOString(), questions: [],
                                          modules: [],
                                          score: {percent: 100, correct: 1, total: 1}}}}}));
    }""")
    page.reload()
    page.locator("#certificate-name").fill("Aysel Testova")
    page.locator(".certificate-form button").click()
    assert "Aysel Testova" in page.locator(".certificate").inner_text()
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_pager(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}toolkits/{COURSE}/one-pager.html")
    assert page.locator("figure.flowchart").count() == 1
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_mini_toolkit_with_a_road_map_scenario_opened(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}toolkits/azrcs/index.html")
    scenario = page.locator("details.scenario").first
    scenario.locator("summary").click()
    assert scenario.locator(".scenario__say").is_visible()
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary(open_with_csp, language):
    page, traffic = open_with_csp(f"{LANGUAGES[language]}glossary.html")
    assert page.locator("article").inner_text().strip()
    assert_clean(page, traffic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_typed_in(open_with_csp, language):
    """The search worker (its own script, importing lunr's language files) runs under the
    policy too: nginx sends the header with every file."""
    typed, word = SEARCHES[language]
    page, traffic = open_with_csp(LANGUAGES[language] + "index.html")
    search = page.locator("input.md-search__input")
    page.keyboard.press("/")
    results = page.locator(".md-search-result__link")
    for _ in range(20):  # the worker loads the index in the background: type until it answers
        search.fill("")
        page.keyboard.type(typed)
        page.keyboard.press("End")  # a key event for letters Playwright inserts without one
        page.wait_for_timeout(500)
        if results.count():
            break
    page.wait_for_timeout(300)
    assert results.count() > 0
    assert word in page.locator(".md-search-result").inner_text().lower()
    assert_clean(page, traffic)


def test_no_page_carries_inline_styles(served):
    """The policy's style-src is 'self' alone: a style attribute or <style> element would need
    a hash (and 'unsafe-hashes'). Markdown tables with aligned columns write style="" unless
    `tables` has use_align_attribute, so check every page of the real site has none."""
    pages = BuiltPages.of_folder(served.site).pages
    assert len(pages) > 200, "the built site should have every page kind in three languages"
    assert [path for path, seen in pages.items()
            if seen.inline_code.style_attributes or seen.inline_code.style_elements] == []


# -- the checks above can fail ---------------------------------------------------------------

def test_the_policy_is_enforced_and_violations_are_seen(open_with_csp):
    """Inline code that is not one of Material's hashed scripts is blocked and recorded."""
    page, _ = open_with_csp("index.html")
    page.wait_for_load_state("networkidle")
    ran = page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      document.body.insertAdjacentHTML("beforeend", '<p style="color: red">styled</p>');
      return window.__injected === true;
    }""")
    assert ran is False
    page.wait_for_function("window.__cspViolations.length >= 2")
    violations = page.evaluate("window.__cspViolations")
    assert any(v.startswith("script-src") for v in violations), violations
    assert any(v.startswith("style-src") for v in violations), violations


# -- the server setup: headers and the 404 page -------------------------------------------------

def test_every_response_sends_the_security_headers(served, browser):
    context = browser.new_context()
    response = context.request.get(served.root + "index.html")
    for name, value in server_config.HEADERS:
        assert response.headers.get(name.lower()) == value, name
    context.close()


@pytest.mark.parametrize("missing", ["nothing.html", "courses/none/deep/page.html"])
def test_a_missing_page_gets_the_site_s_404_page_styled_and_clean(served, browser, missing):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    failed = []
    page.on("response", lambda r: r.status >= 400 and r.url != served.root + missing
            and failed.append(r.url))
    response = page.goto(served.root + missing)
    assert response.status == 404
    assert response.headers.get("content-security-policy") == served.policy
    page.wait_for_load_state("networkidle")
    assert failed == []  # its stylesheets and scripts load from a missing page deep in the site
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        in ("sticky", "fixed")
    assert page.evaluate("window.__cspViolations") == []
    context.close()


def test_the_404_page_works_from_a_usb_stick(built_site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "404.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        in ("sticky", "fixed")
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert not home.startswith("/")
    # One page for every language (not the last language built): each says it in its own
    # words and leads to its own home page.
    assert page.locator("html").get_attribute("lang") == "en"
    sections = page.locator("section.not-found")
    assert [sections.nth(i).get_attribute("lang") for i in range(sections.count())] \
        == ["en", "az", "ru"]
    assert sections.nth(2).locator("h2").inner_text() == "Страница не найдена"
    sections.nth(1).locator("a").click()
    assert page.url == (built_site / "az" / "index.html").as_uri()
    assert page.locator("html").get_attribute("lang") == "az"
    context.close()


def test_the_server_files_are_not_in_the_published_site(built_site):
    assert not any("server" in p.name for p in built_site.iterdir())
    assert (server_config.server_folder(built_site) / server_config.NGINX_FILE).is_file()
