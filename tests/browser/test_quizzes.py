"""Self-checks, progress on the device, course tests and the certificate, in Chromium."""
import json

import pytest

MODULE = "courses/employers/first-contact.html"
KEY = "ct-elearning-progress"


def answer(page, quiz, correct):
    """Choose the correct options (or one wrong one) with the keyboard, then check."""
    choices = quiz.locator(".quiz__choice")
    for index in range(choices.count()):
        choice = choices.nth(index)
        is_correct = choice.get_attribute("data-correct") == "true"
        if (correct and is_correct) or (not correct and not is_correct):
            choice.locator("input").focus()
            page.keyboard.press("Space")
            if not correct:
                break
    quiz.locator(".quiz__check").focus()
    page.keyboard.press("Enter")


def test_wrong_then_right_with_the_keyboard(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    quiz = page.locator(".quiz").first
    assert not quiz.locator(".quiz__answer").is_visible()  # with JS the answer waits
    answer(page, quiz, correct=False)
    assert quiz.locator(".quiz__result").inner_text() == "Not quite. Read the feedback and try again."
    assert quiz.locator(".quiz__result").get_attribute("role") == "status"
    assert quiz.locator(".quiz__feedback:visible").count() == 1  # the chosen option's feedback
    page.keyboard.press("Enter")  # focus moved to "Try again"
    assert quiz.locator("input:checked").count() == 0
    answer(page, quiz, correct=True)
    assert quiz.locator(".quiz__result").inner_text() == "Correct."
    assert quiz.locator(".quiz__answer").is_visible()
    assert quiz.locator(".quiz__explanation").inner_text().strip()
    assert traffic.outside() == [] and traffic.console == []


def test_progress_persists_and_shows_on_the_course_page(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    for index in range(page.locator(".quiz").count()):
        answer(page, page.locator(".quiz").nth(index), correct=True)
    assert "complete" in page.locator(".module-progress__state").inner_text()
    page.reload()
    assert "complete" in page.locator(".module-progress__state").inner_text()
    page.goto(site_root + "courses/employers/index.html")
    assert page.locator(".module-state[data-module=first-contact]").inner_text() == "Complete"
    assert page.locator(".course-progress__count").inner_text() == "1 of 7 modules complete"
    assert page.locator(".course-progress__bar").get_attribute("value") == "1"
    continue_link = page.locator(".course-progress__continue")
    assert continue_link.get_attribute("href") == "what-is-trafficking.html"
    # The same module in another course shares its question ids, hence its progress.
    page.goto(site_root + "courses/azrcs/index.html")
    assert page.locator(".module-state[data-module=first-contact]").inner_text() == "Complete"
    assert traffic.outside() == [] and traffic.console == []


def test_a_question_in_another_audiences_passage_does_not_count(open_page, site_root):
    page, _ = open_page(site_root, "courses/employers/index.html")
    data = json.loads(page.locator("script.course-data").text_content())
    shown = {m["slug"]: m["quizzes"] for m in data["modules"]}
    page.goto(site_root + "courses/employers/first-contact.html")
    on_page = page.locator(".quiz fieldset").evaluate_all("f => f.map(x => x.dataset.quiz)")
    assert shown["first-contact"] == on_page


@pytest.mark.parametrize("storage", ["blocked", "full", "corrupt"])
def test_quizzes_work_when_storage_fails(open_page, site_root, storage, browser):
    scripts = {
        "blocked": "Object.defineProperty(window, 'localStorage', {get() {"
                   " throw new DOMException('denied', 'SecurityError') }})",
        "full": "Storage.prototype.setItem = function () {"
                " throw new DOMException('full', 'QuotaExceededError') }",
        "corrupt": f"localStorage.setItem('{KEY}', '{{not json')",
    }
    context = browser.new_context()
    context.add_init_script(scripts[storage])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_root + MODULE)
    quiz = page.locator(".quiz").first
    answer(page, quiz, correct=True)
    assert quiz.locator(".quiz__result").inner_text() == "Correct."
    notice = page.locator(".storage-notice")
    expected = "nothing you do now is saved" if storage == "corrupt" else "not being saved"
    assert notice.is_visible() and expected in notice.inner_text()
    assert errors == []
    context.close()


def test_export_and_import_of_progress(open_page, site_root, tmp_path):
    page, _ = open_page(site_root, MODULE)
    page.locator(".module-progress__mark").click()
    page.goto(site_root + "courses/employers/index.html")
    with page.expect_download() as download:
        page.locator(".progress-transfer__export").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == "ct-elearning-progress" and data["version"] == 2
    assert "first-contact" in data["completed"]["employers"]
    fresh, _ = open_page(site_root, "courses/employers/index.html")  # another "device"
    assert fresh.locator(".module-state[data-module=first-contact]").inner_text() == "Not started"
    fresh.locator(".progress-transfer__file").set_input_files(str(saved))
    fresh.locator(".progress-transfer__choice button", has_text="Merge").click()
    assert fresh.locator(".module-state[data-module=first-contact]").inner_text() == "Complete"


@pytest.mark.parametrize("language,check", [("az", "Cavabı yoxlayın"), ("ru", "Проверить ответ")])
def test_quiz_interface_is_in_the_readers_language(open_page, site_root, language, check):
    page, _ = open_page(site_root, f"{language}/{MODULE}")
    quiz = page.locator(".quiz").first
    assert quiz.locator(".quiz__check").inner_text() == check
    answer(page, quiz, correct=True)
    assert quiz.locator(".quiz__result").inner_text() in ("Düzgündür.", "Верно.")
