"""SCORM 1.2 packages in Chromium against a real SCORM runtime: scorm-again's Scorm12API as
the platform's API object in the parent page (a test "LMS" page framing the package's launch
page, as Moodle does), on the small site whose questions are known (tests/helpers.py
TESTS_CURRICULUM). A full run: launch, study, final test, leave, relaunch in a fresh browser
and resume; a failed final test; the package opened outside a platform."""
import json
import re
import shutil
import zipfile

import pytest

from tests.browser.test_course_tests import answer_all
from tests.conftest import ROOT, serve_under_sub_path

COURSE = "employers"
PACKAGE = "ct-employers-en"
TIMESPAN = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")  # HHHH:MM:SS.SS, as sent
RECORDED_TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")  # CMITimespan
RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
# The test platform: a Scorm12API as window.API, every API call counted, the SCO in a frame.
LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script><script src="lms.js"></script></head>
<body><iframe id="sco" title="Course" width="1000" height="700"></iframe></body></html>
"""
LMS_SCRIPT = """
window.calls = []
window.startLMS = function (previous) {
  window.API = new Scorm12API({ logLevel: 5 })
  window.sent = {}  // the values as the package sent them (the runtime may normalise them)
  ;["LMSInitialize", "LMSFinish", "LMSCommit"].forEach(function (name) {
    window.API.on(name, function () { window.calls.push(name) })
  })
  window.API.on("LMSSetValue.cmi.*", function (element, value) { window.sent[element] = value })
  if (previous) window.API.loadFromJSON(previous)
}
window.launch = function (path) { document.getElementById("sco").src = path }
window.recorded = function () { return JSON.parse(JSON.stringify(window.API.cmi)) }
"""


@pytest.fixture(scope="session")
def lms_url(tests_site, tmp_path_factory):
    """The packages of the small site, unzipped beside the test LMS page, over http."""
    if not RUNTIME.is_file():
        pytest.fail("node_modules/scorm-again is missing: run `npm ci` (make test does)")
    from elearning.exports_cli import load
    from elearning.site.scorm import write_packages
    project = tests_site.parent
    dist = tmp_path_factory.mktemp("scorm-dist")
    written = write_packages(load(project), tests_site, dist, "1.0")
    folder = tmp_path_factory.mktemp("lms")
    for path in written:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(folder / path.name.removesuffix("-scorm12.zip"))
    shutil.copy(RUNTIME, folder / "scorm12.min.js")
    (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    (folder / "lms.js").write_text(LMS_SCRIPT, encoding="utf-8")
    yield from serve_under_sub_path(folder, tmp_path_factory.mktemp("lms-www"))


def launch(open_page, lms_url, package=PACKAGE, previous=None):
    page, traffic = open_page(lms_url, "lms.html")
    page.evaluate("previous => startLMS(previous)", previous)
    page.evaluate("path => launch(path)", f"{package}/launch.html")
    return page, course_frame(page), traffic


def course_frame(page):
    """The frame in which the launch page shows the course, once a course page is in it."""
    page.wait_for_function("() => window.calls.includes('LMSInitialize')")
    course = page.frame(name="course")
    course.wait_for_url("**/*.html")
    course.wait_for_load_state()
    return course


def cmi(page, path):
    return page.evaluate(f"() => window.recorded().{path}")


def wait_for(page, path, value):
    page.wait_for_function(f"value => window.recorded().{path} === value", arg=value)


def self_checks(frame, module):
    frame.locator(f'article a[href="{module}.html"]').first.click()
    frame.wait_for_url(f"**/{module}.html")
    for quiz in frame.locator(".quiz").all():
        for choice in quiz.locator('.quiz__choice[data-correct="true"]').all():
            choice.locator("input").check()
        quiz.locator(".quiz__check").click()
    frame.goto(frame.url.rsplit("/", 1)[0] + "/index.html")


def leave(page):
    """The learner leaves: the platform unloads the SCO."""
    page.evaluate("() => launch('about:blank')")
    page.wait_for_function("() => window.calls.includes('LMSFinish')")


def problems(traffic):
    """The console's errors, less the search worker's file loads cut short by leaving the
    course while a page was still starting its search (a missing file is a 404 of its own)."""
    return [line for line in traffic.console
            if not line.startswith("pageerror: Failed to execute 'importScripts'")]


def final_test(frame, only):
    frame.goto(frame.url.rsplit("/", 1)[0] + "/final-test.html")
    answer_all(frame, only=only)
    frame.locator(".course-test__submit").click()
    frame.locator(".course-test__results").wait_for()


def test_a_full_run_is_recorded_and_resumes_in_a_fresh_browser(open_page, lms_url):
    page, course, traffic = launch(open_page, lms_url)
    assert course.url.endswith(f"{PACKAGE}/courses/{COURSE}/index.html")
    wait_for(page, "core.lesson_status", "incomplete")
    assert cmi(page, "core.score.min") == "0" and cmi(page, "core.score.max") == "100"
    assert cmi(page, "core.score.raw") == ""
    # Packaged pages have one language: no language switcher.
    course.locator(".md-select").first.wait_for(state="hidden", timeout=5000)
    # Inside a platform the course page does not say that nothing is sent anywhere.
    course.locator(".in-package-only").wait_for(state="visible", timeout=5000)
    assert "platform" in course.locator(".in-package-only").inner_text()
    assert not course.locator(".on-site-only").is_visible()

    for module in ("alpha", "beta", "gamma"):
        self_checks(course, module)
    wait_for(page, "core.lesson_status", "completed")
    assert cmi(page, "core.score.raw") == ""

    final_test(course, only={"b-t1", "b-t2"})  # 2 of 5: below the pass mark (80)
    wait_for(page, "core.lesson_status", "failed")
    assert cmi(page, "core.score.raw") == "40"
    final_test(course, only={"a-t1", "a-t2", "a-t3", "b-t2"})  # 4 of 5
    wait_for(page, "core.lesson_status", "passed")
    assert cmi(page, "core.score.raw") == "80"
    final_test(course, only=set())  # a worse retake keeps the best score
    wait_for(page, "core.lesson_status", "passed")
    page.wait_for_timeout(600)
    assert cmi(page, "core.score.raw") == "80"

    course.goto(course.url.rsplit("/", 1)[0] + "/beta.html")
    wait_for(page, "core.lesson_location", f"courses/{COURSE}/beta.html")
    leave(page)

    recorded = page.evaluate("() => window.recorded()")
    core = recorded["core"]
    assert page.evaluate("() => window.calls.filter(c => c === 'LMSInitialize').length") == 1
    assert page.evaluate("() => window.calls.filter(c => c === 'LMSFinish').length") == 1
    assert core["lesson_status"] == "passed"
    assert core["score"] == {"raw": "80", "min": "0", "max": "100"}
    assert core["lesson_location"] == f"courses/{COURSE}/beta.html"
    assert core["exit"] == "suspend"
    session_time = page.evaluate("() => window.sent['cmi.core.session_time']")
    assert TIMESPAN.match(session_time), session_time
    assert RECORDED_TIMESPAN.match(core["session_time"]) and core["session_time"] != "00:00:00"
    suspend = recorded["suspend_data"]
    assert 0 < len(suspend) <= 4096
    data = json.loads(suspend)
    assert data["c"] == COURSE and set(data["a"]) == {"s-alpha", "s-beta", "s-gamma"}
    assert [data["t"]["b"][0], data["t"]["f"][0]] == [80, 0]
    assert traffic.outside() == [] and problems(traffic) == []

    # A relaunch in a fresh browser (nothing on the device): progress comes from the platform.
    previous = {"suspend_data": suspend, "core": {"lesson_location": core["lesson_location"],
                                                  "lesson_status": core["lesson_status"],
                                                  "entry": "resume"}}
    page, course, traffic = launch(open_page, lms_url, previous=previous)
    assert course.url.endswith(f"{PACKAGE}/courses/{COURSE}/beta.html")
    course.goto(course.url.rsplit("/", 1)[0] + "/index.html")
    assert course.locator(".course-progress__count").inner_text() == "3 of 3 modules complete"
    state = course.evaluate("() => [CTE.learnerCode, CTE.testResult('employers', 'best').score]")
    assert state == [data["l"], {"percent": 80, "correct": 4, "total": 5}]
    course.goto(course.url.rsplit("/", 1)[0] + "/certificate.html")
    assert course.locator(".certificate-form").is_visible()  # earned on the platform, shown here
    wait_for(page, "core.lesson_location", f"courses/{COURSE}/certificate.html")
    assert cmi(page, "core.lesson_status") == "passed" and cmi(page, "core.score.raw") == "80"
    assert page.evaluate("() => window.calls.filter(c => c === 'LMSInitialize').length") == 1
    assert traffic.outside() == [] and problems(traffic) == []


def test_a_first_launch_starts_clean_on_a_shared_computer(open_page, lms_url):
    """Progress someone left in this browser is not handed to the platform's learner."""
    page, course, _ = launch(open_page, lms_url)
    self_checks(course, "alpha")
    final_test(course, only={"a-t1"})
    wait_for(page, "core.lesson_status", "failed")
    code = course.evaluate("() => CTE.learnerCode")
    leave(page)
    # Another learner, same browser (same context), first launch on the platform.
    page.evaluate("() => { window.calls = []; startLMS(null); launch('%s/launch.html') }" % PACKAGE)
    course = course_frame(page)
    assert course.locator(".course-progress__count").inner_text() == "0 of 3 modules complete"
    assert course.evaluate("() => [CTE.testResult('employers', 'final'), CTE.learnerCode]")[0] is None
    assert course.evaluate("() => CTE.learnerCode") != code
    wait_for(page, "core.lesson_status", "incomplete")


def test_in_a_new_window_the_api_is_found_through_the_opener(open_page, lms_url):
    """Moodle's "New window": the launch page is a window the platform's page opened."""
    page, traffic = open_page(lms_url, "lms.html")
    page.evaluate("() => startLMS(null)")
    with page.expect_popup() as opened:
        page.evaluate("path => { window.open(path, 'sco') }", f"{PACKAGE}/launch.html")
    popup = opened.value
    page.wait_for_function("() => window.calls.includes('LMSInitialize')")
    course = popup.frame(name="course")
    course.wait_for_url("**/courses/employers/index.html")
    wait_for(page, "core.lesson_location", f"courses/{COURSE}/index.html")
    assert cmi(page, "core.lesson_status") == "incomplete"
    popup.close(run_before_unload=True)  # the learner closes the window
    page.wait_for_function("() => window.calls.includes('LMSFinish')")
    assert cmi(page, "core.exit") == "suspend"


def test_outside_a_platform_the_package_is_the_site(open_page, lms_url):
    page, traffic = open_page(lms_url, f"{PACKAGE}/launch.html")
    page.wait_for_url(f"**/{PACKAGE}/courses/{COURSE}/index.html")
    assert page.locator(".course-progress").is_visible()
    assert page.locator(".md-select").count() == 1  # the site's own header, unchanged
    assert page.locator(".on-site-only").is_visible()
    assert not page.locator(".in-package-only").is_visible()
    assert traffic.outside() == [] and problems(traffic) == []


@pytest.mark.parametrize("language", ["az", "ru"])
def test_each_language_launches_its_own_pages(open_page, lms_url, language):
    page, course, traffic = launch(open_page, lms_url, f"ct-employers-{language}")
    assert course.url.endswith(f"/{language}/courses/{COURSE}/index.html")
    assert course.evaluate("() => document.documentElement.lang") == language
    wait_for(page, "core.lesson_status", "incomplete")
    assert traffic.outside() == [] and problems(traffic) == []


def test_a_location_outside_the_package_is_not_followed(open_page, lms_url):
    previous = {"suspend_data": json.dumps({"v": 1, "c": COURSE, "a": [], "m": [], "t": {}}),
                "core": {"lesson_location": "../../lms.html", "entry": "resume"}}
    page, course, _ = launch(open_page, lms_url, previous=previous)
    assert course.url.endswith(f"{PACKAGE}/courses/{COURSE}/index.html")


@pytest.fixture(scope="session")
def largest_course(built_site, tmp_path_factory):
    """The real course with the most items, packaged in English, beside the test LMS page."""
    from elearning.exports_cli import load
    from elearning.site.app import precache
    from elearning.site.scorm import language_files, packages, write_package
    curriculum = load(ROOT)
    course = max(curriculum.courses, key=lambda c: len(items(c)))
    package = next(p for p in packages(curriculum) if p.course is course and p.language == "en")
    files = language_files(built_site, precache(built_site, curriculum.languages),
                           curriculum.languages, "en")
    path = write_package(built_site, package, files, tmp_path_factory.mktemp("zip"), "1.0")
    folder = tmp_path_factory.mktemp("lms-full")
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder / "package")
    shutil.copy(RUNTIME, folder / "scorm12.min.js")
    (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    (folder / "lms.js").write_text(LMS_SCRIPT, encoding="utf-8")
    for url in serve_under_sub_path(folder, tmp_path_factory.mktemp("lms-full-www")):
        yield course, url


def items(course):
    return [i for m in course.modules
            for i in [q.id for q in course.quizzes(m, "en")] + [d.id for d in m.decisions_for(course.id, "en")]]


def test_a_full_course_fits_in_suspend_data(open_page, largest_course):
    """The largest real course with everything done and long test results on the device
    stays within SCORM 1.2's 4,096 characters."""
    largest, url = largest_course
    page, course, _ = launch(open_page, url, "package")
    course.evaluate("""() => {
      const data = CTE.course()
      const questions = Array.from({length: 200}, (_, i) => ({id: 'question-' + i, chosen: [1, 2, 3], correct: false}))
      const result = kind => ({format: 'ct-elearning-test-result', version: 2, kind, learner: CTE.learnerCode,
        course: data.course, language: 'en', content_version: '1.0', started: new Date().toISOString(),
        date: new Date().toISOString(), questions,
        modules: data.modules.map(m => ({module: m.slug, percent: 100, correct: 99, total: 99})),
        score: {percent: 100, correct: 200, total: 200}})
      data.modules.forEach(m => { m.quizzes.concat(m.decisions).forEach(id => CTE.markDone(id)); CTE.markComplete(data.course, m.slug) })
      CTE.saveTestResult(data.course, 'pre', result('pre'))
      CTE.saveTestResult(data.course, 'final', result('final'))
    }""")
    wait_for(page, "core.lesson_status", "passed")
    suspend = cmi(page, "suspend_data")
    data = json.loads(suspend)
    assert data["a"] == items(largest)
    assert len(data["m"]) == len(largest.modules) and set(data["t"]) == {"p", "f", "b"}
    assert len(suspend) <= 4096
    print(f"suspend_data of {largest.id}, everything done: {len(suspend)} characters")
