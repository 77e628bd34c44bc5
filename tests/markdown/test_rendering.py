"""The authoring syntax rendered by Python-Markdown with the project's extensions."""
import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.markdown import PageView, ViewState, authoring_extensions

NAMES = {"employers": "Employers", "azrcs": "Counsellors"}
TEXT = """\
Everyone reads this.

/// audience | employers
Employers only.
///

/// audience | azrcs
Counsellors only.
///
"""


def render(text, view, contacts=None):
    state = ViewState(contacts=contacts or {})
    state.current = view
    md = markdown.Markdown(extensions=["attr_list", "md_in_html",
                                       *authoring_extensions(state)])
    return BeautifulSoup(md.convert(text), "html.parser")


def test_in_a_course_only_that_audiences_passages_remain():
    html = render(TEXT, PageView("en", "employers", NAMES))
    text = html.get_text()
    assert "Everyone reads this." in text and "Employers only." in text
    assert "Counsellors only." not in text


def test_in_the_library_every_passage_is_labelled_in_the_readers_language():
    html = render(TEXT, PageView("ru", None, {"employers": "Работодатели", "azrcs": "К"}))
    labels = [p.get_text() for p in html.select(".audience-passage__label")]
    assert labels == ["Для аудитории: Работодатели", "Для аудитории: К"]


def test_fact_to_validate_is_marked_in_the_readers_language():
    html = render("The line is {?free and open 24/7?}.", PageView("az"))
    mark = html.select_one(".to-validate")
    assert mark.select_one(".to-validate__fact").get_text() == "free and open 24/7"
    assert "milli koordinator" in mark.get_text()


def test_contact_reference_shows_name_and_dialable_number():
    contact = Contact("hotline-152", {"en": "Hotline", "az": "Qaynar xətt", "ru": "Линия"},
                      "152", ("employers",))
    html = render("Call {{contact:hotline-152}} now.", PageView("az"), {"hotline-152": contact})
    assert html.select_one(".contact-reference").get_text() == "Qaynar xətt: 152"
    assert html.select_one("a")["href"] == "tel:152"


def test_quiz_renders_native_inputs_in_a_fieldset_with_the_answer_in_details():
    html = render("/// quiz | Pick *one*\n- [ ] No\n    > Not this.\n- [x] Yes\n\nBecause.\n///\n",
                  PageView("en"))
    quiz = html.select_one(".quiz")
    assert quiz.select_one("fieldset legend").get_text() == "Pick one"
    assert quiz.select_one("legend em") is not None  # inline Markdown is rendered
    assert [i["type"] for i in quiz.select("input")] == ["radio", "radio"]
    assert [c["data-correct"] for c in quiz.select(".quiz__choice")] == ["false", "true"]
    answer = quiz.select_one("details.quiz__answer")
    assert "open" not in answer.attrs and "Because." in answer.get_text()


def test_case_study_is_titled():
    html = render("/// case | The café\n\"Leyla\" is 16.\n///\n", PageView("ru"))
    assert html.select_one(".case-study .admonition-title").get_text() == \
        "Пример из практики: The café"


def test_test_questions_are_never_rendered_where_they_are_written():
    text = ("Before.\n\n/// test-question | Secret question?\n    id: t-1\n\n- [ ] Decoy option\n"
            "    > Feedback.\n- [x] Key option\n///\nAfter.\n\n/// audience | employers\n"
            "/// test-question | Second secret?\n    id: t-2\n\n- [x] Key two\n///\n"
            "Employers only.\n///\n\n```markdown\n/// test-question | An example in code\n///\n```\n")
    for view in (PageView("en", "employers", NAMES), PageView("en", None, NAMES)):
        html = render(text, view)
        shown = html.get_text()
        assert "Before." in shown and "After." in shown and "Employers only." in shown
        assert "secret" not in shown.lower() and "Key option" not in shown
        assert "Decoy" not in shown and "Key two" not in shown
        assert "/// test-question | An example in code" in shown  # code is left alone
