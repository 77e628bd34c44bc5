"""Taking the pre-test and the final test, the learner's data on the device, and the
certificate, in Chromium, on a small site whose questions are known (tests/helpers.py
TESTS_CURRICULUM: options named "... right" are the right ones)."""
import json
import re
import subprocess

import pytest

KEY = "ct-elearning-progress"
CODE = re.compile(r"^[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}$")
# The written number of each option the tests choose (1 = first as written in the module).
RIGHT = {"a-t1": [3], "a-t2": [1, 3], "a-t3": [2], "b-t1": [1], "b-t2": [4]}
WRONG_FIRST = {"a-t1": [1], "a-t2": [2], "a-t3": [1], "b-t1": [2], "b-t2": [1]}
SECRETS = ("Feedback on", "Explanation of")


def answer_all(page, right=True, only=None):
    """Answer every question: the right options, or the first wrong one as written (or,
    with `only`, right only for those question ids)."""
    for fieldset in page.locator("form.course-test fieldset").all():
        quiz = fieldset.get_attribute("data-quiz")
        good = right if only is None else quiz in only
        for number in (RIGHT if good else WRONG_FIRST)[quiz]:
            fieldset.locator(f'.quiz__choice[data-option="{number}"] input').check()


def take(page, root, kind, right=True, only=None):
    page.goto(root + f"courses/employers/{kind}-test.html")
    answer_all(page, right, only)
    page.locator(".course-test__submit").click()
    return page.locator(".course-test__results")


def stored(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


def order(page):
    return page.locator("form.course-test fieldset").evaluate_all(
        "fs => fs.map(f => f.dataset.quiz + ':' + [...f.querySelectorAll('.quiz__choice')]"
        ".map(c => c.dataset.option).join(''))")


def test_questions_and_options_are_shuffled_on_each_attempt(open_page, tests_root):
    page, traffic = open_page(tests_root, "courses/employers/pre-test.html")
    seen = {tuple(order(page))}
    for _ in range(6):
        page.reload()
        seen.add(tuple(order(page)))
    assert len(seen) > 1
    # Questions stay within their module.
    for attempt in seen:
        modules = [item.split(":")[0][0] for item in attempt]
        assert modules == sorted(modules)
    assert traffic.outside() == [] and traffic.console == []


def test_pre_test_scores_by_module_and_reveals_no_right_answer(open_page, tests_root):
    page, traffic = open_page(tests_root, "courses/employers/pre-test.html")
    source = page.content()
    assert "data-correct" not in source and "data-right" not in source
    assert not any(secret in source for secret in SECRETS)
    assert page.locator("script.course-test__key").count() == 0
    page.locator(".course-test__submit").click()  # nothing is checked until every answer
    assert "Answer every question first" in page.locator(".course-test__status").inner_text()
    answer_all(page, only={"a-t1", "a-t2", "b-t1"})
    page.locator(".course-test__submit").click()
    results = page.locator(".course-test__results")
    text = results.inner_text()
    assert "Your score: 3 of 5 (60%)" in text
    assert "Alpha: 2 of 3 (67%)" in text and "Beta: 1 of 2 (50%)" in text
    assert [a.inner_text() for a in results.locator(".course-test__focus a").all()] == ["Beta", "Alpha"]
    assert "right answers are not shown" in text
    # Nothing on the page says which options were right, even now.
    after = page.content()
    assert "quiz__choice--right" not in after and "quiz__choice--wrong" not in after
    assert not any(secret in after for secret in SECRETS)
    assert page.locator(".course-test__mark").count() == 0
    result = stored(page)["tests"]["employers"]["pre"]
    assert result["score"]["percent"] == 60
    assert traffic.outside() == [] and traffic.console == []


def test_final_test_marks_reveals_and_compares_with_the_pre_test(open_page, tests_root):
    page, traffic = open_page(tests_root, "courses/employers/index.html")
    take(page, tests_root, "pre", right=False)
    results = take(page, tests_root, "final", only={"a-t1", "a-t2", "a-t3", "b-t2"})
    text = results.inner_text()
    assert "Your score: 4 of 5 (80%)" in text
    assert "Gain: +80 percentage points (pre-test 0%, final test 80%)" in text
    rows = results.locator("table.test-chart tbody tr")
    assert rows.count() == 2
    assert rows.first.locator(".bar__fill--pre").get_attribute("style") == "width: 0%;"
    assert rows.first.locator(".bar__fill--final").get_attribute("style") == "width: 100%;"
    wrong = page.locator('fieldset[data-quiz="b-t1"]')
    assert wrong.locator(".course-test__mark").inner_text() == "Not correct"
    assert "(right answer)" in wrong.locator('.quiz__choice[data-option="1"]').inner_text()
    assert "Feedback on B1 right." in wrong.inner_text()  # the right answer's feedback
    assert "Feedback on B1 wrong one." in wrong.inner_text()  # the chosen option's
    assert "Explanation of b-t1." in wrong.inner_text()
    assert wrong.locator(".quiz__choice--wrong").count() == 1
    right = page.locator('fieldset[data-quiz="a-t2"]')
    assert right.locator(".course-test__mark").inner_text() == "Correct"
    assert right.locator(".quiz__choice--right").count() == 2
    assert traffic.outside() == [] and traffic.console == []


def test_result_file_v2_records_options_by_written_number_and_the_learner_code(open_page, tests_root):
    page, _ = open_page(tests_root, "courses/employers/index.html")
    code = page.locator(".learner-code__value").inner_text()
    assert CODE.match(code)
    results = take(page, tests_root, "pre", only={"a-t2", "b-t2"})
    assert code in results.locator(".course-test__learner").inner_text()
    with page.expect_download() as download:
        results.locator(".course-test__download").click()
    assert download.value.suggested_filename == f"ct-elearning-employers-pre-test-{code}.json"
    result = json.loads(download.value.path().read_text())
    assert result["format"] == "ct-elearning-test-result" and result["version"] == 2
    assert result["learner"] == code and result["content_version"] == "1.0"
    assert result["kind"] == "pre" and result["course"] == "employers" and result["language"] == "en"
    assert "name" not in result and result["started"] <= result["date"]
    chosen = {q["id"]: q["chosen"] for q in result["questions"]}
    assert chosen == {"a-t1": [1], "a-t2": [1, 3], "a-t3": [1], "b-t1": [2], "b-t2": [4]}
    assert {q["id"]: q["correct"] for q in result["questions"]} == {
        "a-t1": False, "a-t2": True, "a-t3": False, "b-t1": False, "b-t2": True}
    assert {q["id"]: q["options"] for q in result["questions"]}["a-t3"] == 3
    assert result["modules"] == [
        {"correct": 1, "total": 3, "percent": 33, "module": "alpha"},
        {"correct": 1, "total": 2, "percent": 50, "module": "beta"}]


def test_learner_code_can_be_replaced_by_the_trainers(open_page, tests_root):
    page, _ = open_page(tests_root, "courses/employers/index.html")
    box = page.locator(".learner-code")
    box.locator("input").fill("K0M-4QX")  # 0 is not a code character
    box.locator("button").click()
    assert "6 characters" in box.locator(".learner-code__status").inner_text()
    box.locator("input").fill("k7m 4qx")
    box.locator("button").click()
    assert box.locator(".learner-code__value").inner_text() == "K7M-4QX"
    page.reload()
    assert page.locator(".learner-code__value").inner_text() == "K7M-4QX"
    assert stored(page)["learner"] == "K7M-4QX"


def complete_course(page, root):
    data = json.loads(page.locator("script.course-data").text_content())
    for module in data["modules"]:
        page.goto(root + "courses/employers/" + module["url"])
        page.locator(".module-progress__mark").click()


def test_certificate_keeps_the_best_final_result(open_page, tests_root, tmp_path):
    page, traffic = open_page(tests_root, "courses/employers/certificate.html")
    assert page.locator(".certificate-gate__missing li").count() == 4  # 3 modules + final
    complete_course(page, tests_root)
    take(page, tests_root, "final", right=True)
    take(page, tests_root, "final", right=False)  # a worse retake
    tests = stored(page)["tests"]["employers"]
    assert tests["final"]["score"]["percent"] == 0 and tests["best"]["score"]["percent"] == 100
    page.goto(tests_root + "courses/employers/certificate.html")
    assert page.locator(".certificate-gate__missing li").count() == 0
    page.locator("#certificate-name").fill("Aysel Testova")
    page.locator(".certificate-form button").click()
    certificate = page.locator(".certificate")
    assert "Aysel Testova" in certificate.inner_text() and "100%" in certificate.inner_text()
    pdf = tmp_path / "certificate.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    assert pdf_pages(pdf) == 1
    assert traffic.outside() == [] and traffic.console == []


def progress_file(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def import_file(page, path):
    page.locator(".progress-transfer__file").set_input_files(path)
    status = page.locator(".progress-transfer__status")
    page.wait_for_function("document.querySelector('.progress-transfer__status').textContent")
    return status


OTHER_DEVICE = {
    "format": "ct-elearning-progress", "version": 2, "learner": "ACD-EFG",
    "answered": {"s-beta": "2026-11-01T10:00:00.000Z"},
    "completed": {"employers": {"gamma": "2026-11-01T10:00:00.000Z"}},
    "tests": {},
}


def module_states(page):
    return {m: page.locator(f".module-state[data-module={m}]").inner_text()
            for m in ("alpha", "beta", "gamma")}


def test_import_asks_merge_or_replace(open_page, tests_root, tmp_path):
    page, traffic = open_page(tests_root, "courses/employers/index.html")
    own_code = page.locator(".learner-code__value").inner_text()
    take(page, tests_root, "pre", right=True)
    page.goto(tests_root + "courses/employers/alpha.html")
    page.locator(".module-progress__mark").click()
    page.goto(tests_root + "courses/employers/index.html")
    path = progress_file(tmp_path, "other.json", OTHER_DEVICE)

    status = import_file(page, path)
    assert "1 answered questions, 1 completed modules and 0 test results" in status.inner_text()
    assert module_states(page)["gamma"] == "Not started"  # nothing written before the choice
    page.locator(".progress-transfer__choice button", has_text="Merge").click()
    assert "Merged and saved" in status.inner_text()
    assert module_states(page) == {"alpha": "Complete", "beta": "Complete", "gamma": "Complete"}
    data = stored(page)
    assert data["learner"] == own_code and data["tests"]["employers"]["pre"]  # kept

    import_file(page, path)
    page.locator(".progress-transfer__choice button", has_text="Replace").click()
    assert "Replaced and saved" in status.inner_text()
    assert module_states(page) == {"alpha": "Not started", "beta": "Complete", "gamma": "Complete"}
    assert stored(page)["learner"] == "ACD-EFG" and stored(page)["tests"] == {}
    assert page.locator(".learner-code__value").inner_text() == "ACD-EFG"
    assert traffic.outside() == [] and traffic.console == []


@pytest.mark.parametrize("case,content,reason", [
    ("null fields", dict(OTHER_DEVICE, answered=None, completed={"employers": None}), "answered"),
    ("a course this site does not have", dict(OTHER_DEVICE, completed={"police": {"x": "2026-11-01"}}),
     "completed.police: a course this site does not have"),
    ("a newer version", dict(OTHER_DEVICE, version=3), "newer version of this site"),
    ("not JSON", "{ not json", "cannot be read"),
    ("not a progress file", {"format": "something-else"}, "not a progress file"),
    ("over 1 MB", json.dumps(dict(OTHER_DEVICE, name="x" * 1_100_000)), "too large"),
])
def test_bad_files_are_refused_with_a_reason_and_nothing_changes(open_page, tests_root, tmp_path,
                                                                  case, content, reason):
    page, traffic = open_page(tests_root, "courses/employers/alpha.html")
    page.locator(".module-progress__mark").click()
    page.goto(tests_root + "courses/employers/index.html")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    status = import_file(page, progress_file(tmp_path, "bad.json", content))
    assert "Nothing was loaded" in status.inner_text() and reason in status.inner_text()
    assert page.locator(".progress-transfer__choice button").count() == 0
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    page.reload()
    assert module_states(page)["alpha"] == "Complete"
    assert traffic.outside() == [] and traffic.console == []


def test_remove_my_data_after_confirmation(open_page, tests_root):
    page, _ = open_page(tests_root, "courses/employers/alpha.html")
    page.locator(".module-progress__mark").click()
    page.goto(tests_root + "courses/employers/index.html")
    code = page.locator(".learner-code__value").inner_text()
    page.locator(".progress-remove__start").click()
    page.locator(".progress-remove__confirm button", has_text="Cancel").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None
    page.locator(".progress-remove__start").click()
    assert "cannot be undone" in page.locator(".progress-remove__confirm").inner_text()
    page.locator(".progress-remove__confirm button", has_text="Yes, remove").click()
    assert page.locator(".progress-remove__status").inner_text() == "Your data was removed from this device."
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert module_states(page)["alpha"] == "Not started"
    assert page.locator(".learner-code__value").inner_text() != code


V1_RECORD = {
    "format": "ct-elearning-progress", "version": 1,
    "answered": {"s-alpha": "2026-11-20T09:00:00.000Z"},
    "completed": {"employers": {"beta": "2026-11-20T09:30:00.000Z"}},
    "tests": {"employers": {"final": {
        "format": "ct-elearning-test-result", "version": 1, "kind": "final",
        "course": "employers", "language": "en", "date": "2026-11-20T10:00:00.000Z",
        "questions": [{"id": "a-t1", "module": "alpha", "chosen": [3], "correct": True}],
        "modules": [{"module": "alpha", "correct": 1, "total": 1, "percent": 100}],
        "score": {"correct": 1, "total": 1, "percent": 100}}}},
    "name": "Aysel",
}


def test_progress_stored_by_todays_site_survives_the_upgrade(open_page, tests_root):
    page, traffic = open_page(tests_root, "courses/employers/index.html")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(V1_RECORD))})")
    page.reload()
    assert module_states(page) == {"alpha": "Complete", "beta": "Complete", "gamma": "Not started"}
    data = stored(page)
    assert data["version"] == 2 and CODE.match(data["learner"])
    assert data["answered"] == V1_RECORD["answered"] and data["name"] == "Aysel"
    assert data["tests"]["employers"]["best"] == V1_RECORD["tests"]["employers"]["final"]
    assert page.locator(".storage-notice").is_hidden()
    assert traffic.console == []


@pytest.mark.parametrize("record,notice", [
    ('{"format": "ct-elearning-progress", "version": 1, "answered": null, "completed": {}, "tests": {}}',
     "cannot be read"),
    ('{"format": "ct-elearning-progress", "version": 9, "answered": {}}', "newer version"),
])
def test_unusable_stored_progress_is_said_plainly_and_never_overwritten(open_page, tests_root,
                                                                        record, notice):
    page, traffic = open_page(tests_root, "courses/employers/index.html")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(record)})")
    page.goto(tests_root + "courses/employers/alpha.html")
    assert notice in page.locator(".storage-notice").inner_text()
    page.locator(".quiz").first.locator('input').first.check()  # pages still work
    page.locator(".module-progress__mark").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == record
    assert traffic.console == []


def test_module_pages_show_no_test_question(open_page, tests_root):
    for path in ("courses/employers/alpha.html", "modules/alpha.html", "toolkits/employers/index.html"):
        page, _ = open_page(tests_root, path)
        text = page.locator("body").inner_text()
        assert "Alpha self-check?" in text
        assert "Alpha one?" not in text and "A1 right" not in text


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1])
