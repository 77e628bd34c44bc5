"""The built site shows what the loader read: every question and decision exercise of the
real curriculum is on its pages under the id it was loaded with (progress is stored by id)."""
import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES


def shown_ids(page):
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return ([f["data-quiz"] for f in html.select("div.quiz > form > fieldset")],
            [d["data-decision"] for d in html.select("section.decision")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_and_exercise_has_its_loaded_id_on_every_page(built_site, curriculum,
                                                                      language):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    pages = 0
    for slug, module in curriculum.modules.items():
        text = module.text(language)
        # The library shows every passage; a course only its audience's.
        assert shown_ids(built_site / f"{prefix}modules/{slug}.html") == (
            [q.id for q in text.quizzes], [d.id for d in text.decisions])
        for course in curriculum.courses:
            if slug in {m.slug for m in course.modules}:
                assert shown_ids(built_site / f"{prefix}courses/{course.id}/{slug}.html") == (
                    [q.id for q in module.quizzes_for(course.id, language)],
                    [d.id for d in module.decisions_for(course.id, language)])
                pages += 1
    assert pages >= len(curriculum.modules)
    assert sum(len(m.text(language).quizzes) for m in curriculum.modules.values()) >= 12
