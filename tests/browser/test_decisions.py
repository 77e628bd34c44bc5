"""Decision exercises in Chromium: played by keyboard, without JavaScript, in print, and
counted in the course progress."""
import json

from tests.browser.test_quizzes import KEY, answer

MODULE = "courses/municipalities/municipal-prevention.html"
EXERCISE = "municipal-prevention-decision-1"
TO_GOOD = ["Call the anti-trafficking hotline 152 and say what you know",
           "Ask the guardianship body to appoint a legal representative for Elvin",
           "His legal representative, a doctor and a psychologist"]


def focused(page) -> dict:
    return page.evaluate("""() => ({cls: document.activeElement.className,
                                    text: document.activeElement.textContent.trim()})""")


def choose(page, label: str) -> None:
    """Tab to the choice (as a keyboard user does) and press Enter."""
    for _ in range(12):
        page.keyboard.press("Tab")
        if focused(page)["text"] == label:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no choice '{label}' reached by Tab")


def test_keyboard_play_to_a_good_end_with_focus_and_announcements(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    box = page.locator(".decision")
    assert box.locator(".decision__nodes").is_hidden()  # one step at a time
    assert box.locator(".decision__button").count() == 3
    assert box.locator(".decision__back").is_hidden() and box.locator(".decision__again").is_hidden()
    box.locator(".decision__title").click()  # start from the exercise, then only keys
    choose(page, TO_GOOD[0])
    now = focused(page)
    assert "decision__text" in now["cls"] and now["text"].startswith("The hotline passes on")
    status = box.locator("[role=status].decision__status")
    assert "You chose: " + TO_GOOD[0] in status.text_content()
    assert "If the boy were in danger" in box.locator(".decision__given").inner_text()
    choose(page, TO_GOOD[1])
    choose(page, TO_GOOD[2])
    assert focused(page)["text"].startswith("Elvin is interviewed once")
    end = box.locator(".decision__screen .decision__end")
    assert end.inner_text().strip().endswith("End: good outcome")
    assert "guardianship body" in box.locator(".decision__screen .decision__debrief").inner_text()
    assert box.locator(".decision__path li").all_inner_texts() == TO_GOOD
    assert "End: good outcome" in status.text_content()
    assert box.locator(".decision__button").count() == 0
    assert box.locator(".decision__back").is_visible() and box.locator(".decision__again").is_visible()
    assert traffic.outside() == [] and traffic.console == []


def test_a_harmful_end_then_go_back_one_step_and_try_again(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    box = page.locator(".decision")
    box.locator(".decision__title").click()
    watch = "Watch the bazaar yourself for a few days, to be sure before you report"
    follow = "Follow the man's car to see where he takes Elvin"
    choose(page, watch)
    assert box.locator(".decision__given").inner_text().strip() == "You chose: " + watch
    choose(page, follow)
    assert box.locator(".decision__screen .decision__end").inner_text().strip() \
        .endswith("End: harmful outcome")
    assert "police work" in box.locator(".decision__screen .decision__debrief").inner_text()
    assert box.locator(".decision__path li").all_inner_texts() == [watch, follow]
    box.locator(".decision__back").focus()
    page.keyboard.press("Enter")  # back to the step before the end, its choices again
    assert focused(page)["text"].startswith("On the third day")
    assert box.locator(".decision__button").all_inner_texts() == [
        "Call the hotline 152 now", follow]
    choose(page, "Call the hotline 152 now")
    assert focused(page)["text"].startswith("The hotline passes on")
    box.locator(".decision__again").focus()
    page.keyboard.press("Enter")  # from the start, with nothing chosen
    assert focused(page)["text"].startswith("A neighbour tells you")
    assert box.locator(".decision__given").count() == 0
    assert box.locator(".decision__button").count() == 3
    assert box.locator(".decision__back").is_hidden()
    # A harmful end does not count towards the module.
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or '{"answered": {}}')
    assert EXERCISE not in stored["answered"]
    assert traffic.outside() == [] and traffic.console == []


def test_without_javascript_every_step_is_there_and_links_lead_on(open_page, site_root):
    page, _ = open_page(site_root, MODULE, java_script_enabled=False)
    box = page.locator(".decision")
    steps = box.locator(".decision__node")
    assert steps.count() == 10 and box.locator(".decision__player").count() == 0
    assert steps.locator(".decision__number").all_inner_texts()[:3] == ["Step 1", "Step 2", "Step 3"]
    for label in TO_GOOD:
        page.locator(".decision__node:target .decision__choice a, .decision__node:first-child "
                     ".decision__choice a").filter(has_text=label).last.click()
    target = page.locator(".decision__node:target")
    assert target.locator(".decision__end").inner_text().strip().endswith("End: good outcome")
    assert page.url.endswith(f"#decision-{EXERCISE}-{target.get_attribute('data-node')}")
    target.locator(".decision__restart a").click()
    assert page.url.endswith(f"#decision-{EXERCISE}-1")


def test_print_shows_every_step_numbered_and_not_the_player(open_page, site_root):
    page, _ = open_page(site_root, MODULE)
    box = page.locator(".decision")
    box.locator(".decision__button").first.click()  # a game in progress is not printed
    page.emulate_media(media="print")
    assert box.locator(".decision__player").is_hidden()
    steps = box.locator(".decision__node")
    assert steps.count() == 10
    assert all(steps.nth(i).is_visible() for i in range(10))
    assert box.locator(".decision__goto").first.inner_text() == "→ 2"
    assert box.locator(".decision__nodes .decision__end").count() == 6


def test_a_good_end_counts_in_the_course_progress(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    data = json.loads(page.locator("script.course-data").text_content())
    assert data["modules"][0]["decisions"] == [EXERCISE]
    for index in range(page.locator(".quiz").count()):
        answer(page, page.locator(".quiz").nth(index), correct=True)
    # Every question answered, the exercise not yet done: the module is not complete.
    state = page.locator(".module-progress__state")
    assert state.inner_text().startswith("1 of ")
    box = page.locator(".decision")
    for label in TO_GOOD:
        box.locator(".decision__button").filter(has_text=label).click()
    assert box.locator(".decision__counted").is_visible()
    assert "complete" in state.inner_text()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert EXERCISE in stored["answered"]
    page.goto(site_root + "courses/municipalities/index.html")
    assert page.locator(".module-state[data-module=municipal-prevention]").inner_text() == "Complete"
    assert traffic.outside() == [] and traffic.console == []


def test_the_exercise_speaks_the_readers_language(open_page, site_root):
    page, _ = open_page(site_root, "ru/courses/azrcs/counselling-desk.html")
    box = page.locator(".decision")
    assert box.locator(".decision__kind").inner_text().lower() == "упражнение на принятие решений"
    box.locator(".decision__button").first.click()
    assert box.locator(".decision__again").inner_text() == "Попробовать снова"
    assert box.locator(".decision__screen .decision__end").inner_text().strip() \
        .endswith("Конец: вредный исход")
    page.goto(site_root + "az/courses/employers/employing-foreign-workers.html")
    assert page.locator(".decision__back").inner_text() == "Bir addım geri qayıdın"
