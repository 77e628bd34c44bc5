"""`/// quiz` shows the question the loader read, under the id its progress is stored by."""
import markdown
from bs4 import BeautifulSoup

from elearning.markdown import PageView, ViewState, authoring_extensions
from tests.markdown.loaded import module_view

TWO = """\
Text.

/// quiz | Who keeps the passport?
    id: fl-passport

- [x] The employer
- [ ] The worker
///

/// quiz | Is *this* forced labour?
- [x] Yes
- [ ] No
///
"""


def render(text, view):
    state = ViewState()
    state.current = view
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", *authoring_extensions(state)])
    return BeautifulSoup(md.convert(text), "html.parser"), state


def test_each_quiz_shows_the_loaded_question_under_its_loaded_id():
    html, state = render(TWO, module_view(TWO))
    assert [q["id"] for q in html.select("div.quiz")] == ["quiz-fl-passport", "quiz-m-2"]
    assert [f["data-quiz"] for f in html.select("fieldset")] == ["fl-passport", "m-2"]
    assert state.errors == []


def test_a_quiz_other_than_the_one_loaded_there_is_an_error_naming_file_and_line():
    changed = TWO.replace("/// quiz | Is *this* forced labour?", "/// quiz | Is that fair?")
    html, state = render(changed, module_view(TWO))
    # No question is made up from the page's text (no id of its own): shown as written.
    assert [q["id"] for q in html.select("div.quiz[id]")] == ["quiz-fl-passport"]
    assert "/// quiz | Is that fair?" in html.select_one(".quiz-as-written pre").get_text()
    assert state.errors == [
        "curriculum/modules/m.md, line 10: the page shows the question 'Is that fair?' where "
        "the content loader read 'Is *this* forced labour?' (the quiz number 2 of the text). "
        "The page would show something other than what was checked (a question under another "
        "id than the one its progress is stored by): check that every block and fence above it "
        "is closed, then build again. If the text is right, this is a fault of the build: "
        "report it."]


def test_a_quiz_the_loader_did_not_read_is_an_error():
    page = TWO + "\n/// quiz | A third one\n- [x] Yes\n///\n"
    html, state = render(page, module_view(TWO))
    assert len(html.select("fieldset")) == 2
    assert len(state.errors) == 1 and state.errors[0].startswith(
        "curriculum/modules/m.md: the page shows the question 'A third one' where the content "
        "loader read nothing (the quiz number 3 of the text).")


def test_an_invalid_quiz_is_shown_as_written_and_reported_once_by_the_loader():
    text = "/// quiz | No right answer\n- [ ] A\n- [ ] B\n///\n"
    problems = []
    html, state = render(text, module_view(text, problems=problems))
    assert problems == ["curriculum/modules/m.md:1: the question 'No right answer' has no "
                        "correct option: mark at least one with '- [x] '."]
    assert html.select("fieldset") == [] and state.errors == []
    assert "- [ ] A" in html.select_one(".quiz-as-written pre code").get_text()


def test_a_quiz_on_a_page_that_is_no_module_is_shown_as_written():
    # The loader reports a question outside a module (tests/domain/test_curriculum.py).
    html, state = render(TWO, PageView("en"))
    assert html.select("fieldset") == [] and len(html.select(".quiz-as-written")) == 2
    assert state.errors == []
