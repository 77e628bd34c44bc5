"""A learner's path through the real site in Chromium: home -> course -> module -> next,
in every language, over http under a sub-path and from file://."""
import pytest

LANGUAGES = {"en": "", "az": "az/", "ru": "ru/"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_course_module_next(open_page, site_root, language):
    prefix = LANGUAGES[language]
    page, traffic = open_page(site_root, prefix + "index.html")
    assert page.locator("html").get_attribute("lang") == language
    page.locator(".course-cards a").first.click()
    assert page.url.endswith(prefix + "courses/municipalities/index.html")
    page.locator("article ol a").first.click()
    first_module = page.url
    assert "/courses/municipalities/" in first_module
    assert page.locator(".module-facts").inner_text().strip()
    page.locator("a.md-footer__link--next").click()
    assert page.url != first_module and "/courses/municipalities/" in page.url
    page.locator("a.back-to-course").click()
    assert page.url.endswith(prefix + "courses/municipalities/index.html")
    page.wait_for_load_state("networkidle")
    assert traffic.outside() == []
    assert traffic.console == []


def test_language_switcher_keeps_the_page(open_page, site_root):
    page, traffic = open_page(site_root, "courses/employers/index.html")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=ru]").click()
    assert page.url.endswith("ru/courses/employers/index.html")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.wait_for_load_state("networkidle")
    assert traffic.outside() == [] and traffic.console == []


def test_library_labels_passages_and_a_course_hides_other_audiences(open_page, site_root):
    page, _ = open_page(site_root, "modules/first-contact.html")
    assert page.locator(".audience-passage__label").count() >= 2
    page, _ = open_page(site_root, "courses/employers/first-contact.html")
    assert page.locator(".audience-passage__label").count() == 0
    audiences = page.locator(".audience-passage").evaluate_all(
        "els => els.map(e => e.dataset.audiences)")
    assert audiences and all("employers" in a.split() for a in audiences)
