"""Taking the pre-test and the final test, and the certificate, in Chromium (on a small site
whose questions are known: tests/helpers.py TESTS_CURRICULUM)."""
import json
import subprocess


def take_test(page, root, kind, correct):
    page.goto(root + f"courses/employers/{kind}-test.html")
    for fieldset in page.locator("form.course-test fieldset").all():
        for choice in fieldset.locator(".quiz__choice").all():
            right = choice.get_attribute("data-correct") == "true"
            if right == correct:
                choice.locator("input").check()
                if fieldset.get_attribute("data-multiple") == "false" or not correct:
                    break
    page.locator(".course-test__submit").click()
    return page.locator(".course-test__results")


def test_pre_test_modules_final_test_comparison_certificate(open_page, tests_root, tmp_path):
    page, traffic = open_page(tests_root, "courses/employers/pre-test.html")
    assert page.locator("form.course-test fieldset").count() == 5  # test questions only
    # The test checks nothing until the end.
    page.locator(".course-test__submit").click()
    assert "Answer every question first" in page.locator(".course-test__status").inner_text()
    results = take_test(page, tests_root, "pre", correct=False)
    assert "Your score: 0 of 5" in results.inner_text()
    focus = results.locator(".course-test__focus a")
    assert focus.count() == 2 and focus.first.get_attribute("href") == "alpha.html"
    with page.expect_download() as download:
        results.locator(".course-test__download").click()
    result = json.loads(download.value.path().read_text())
    assert result["format"] == "ct-elearning-test-result"
    assert result["kind"] == "pre" and result["course"] == "employers" and "name" not in result

    page.goto(tests_root + "courses/employers/certificate.html")
    assert page.locator(".certificate-gate__missing li").count() == 4
    assert page.locator(".certificate-form").is_hidden()

    data = json.loads(page.locator("script.course-data").text_content())
    for module in data["modules"]:
        page.goto(tests_root + "courses/employers/" + module["url"])
        page.locator(".module-progress__mark").click()
    results = take_test(page, tests_root, "final", correct=True)
    assert "Your score: 5 of 5 (100%)" in results.inner_text()
    chart = results.locator("table.test-chart")
    assert chart.locator("tbody tr").count() == 2

    page.goto(tests_root + "courses/employers/certificate.html")
    page.locator("#certificate-name").fill("Aysel Testova")
    page.locator(".certificate-form button").click()
    certificate = page.locator(".certificate")
    assert "Aysel Testova" in certificate.inner_text() and "100%" in certificate.inner_text()
    pdf = tmp_path / "certificate.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    assert pdf_pages(pdf) == 1
    assert traffic.outside() == [] and traffic.console == []


def test_module_pages_show_no_test_question(open_page, tests_root):
    for path in ("courses/employers/alpha.html", "modules/alpha.html", "toolkits/employers/index.html"):
        page, _ = open_page(tests_root, path)
        text = page.locator("body").inner_text()
        assert "Alpha self-check?" in text
        assert "Alpha one?" not in text and "A1 right" not in text


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(l for l in info.stdout.splitlines() if l.startswith("Pages:")).split()[1])
