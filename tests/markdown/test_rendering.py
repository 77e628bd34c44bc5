"""The authoring syntax rendered by Python-Markdown with the project's extensions."""
import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.markdown import PageView, ViewState, authoring_extensions
from tests.markdown.loaded import module_view

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
    contact = Contact("hotline-mia", {"en": "Hotline", "az": "Qaynar xətt", "ru": "Линия"},
                      "152", ("employers",))
    html = render("Call {{contact:hotline-mia}} now.", PageView("az"), {"hotline-mia": contact})
    assert html.select_one(".contact-reference").get_text() == "Qaynar xətt: 152"
    assert html.select_one("a")["href"] == "tel:152"


def test_number_form_shows_only_the_dialable_number():
    contact = Contact("police", {"en": "Police", "az": "Polis", "ru": "Полиция"}, "102", ())
    html = render("Dial {{number:police}}.", PageView("ru"), {"police": contact})
    assert html.select_one(".contact-reference").get_text() == "102"
    assert html.select_one("a")["href"] == "tel:102"


def test_a_contact_without_a_number_says_it_is_to_be_confirmed():
    contact = Contact("guardianship-body", {"en": "Guardianship body", "az": "Qəyyumluq orqanı",
                                            "ru": "Орган опеки"}, None, (), verified=False)
    contacts = {"guardianship-body": contact}
    html = render("Ask {{contact:guardianship-body}}.", PageView("en"), contacts)
    assert html.select_one(".contact-reference").get_text() == (
        "Guardianship body (number to be confirmed by the national coordinator)")
    assert html.select_one("a") is None  # nothing to dial
    html = render("{{number:guardianship-body}}", PageView("az"), contacts)
    assert html.get_text().strip() == "(nömrə milli koordinator tərəfindən təsdiqlənməlidir)"


def test_quiz_renders_native_inputs_in_a_fieldset_with_the_answer_in_details():
    text = "/// quiz | Pick *one*\n- [ ] No\n    > Not this.\n- [x] Yes\n\nBecause.\n///\n"
    html = render(text, module_view(text))
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


CASE_WITH_ANSWER = """\
/// case | The café
"Leyla" is 16.

/// answer
Call the **hotline**.
///

**Questions to discuss**
///
"""


def test_model_answer_is_a_collapsed_disclosure_at_the_end_of_the_case():
    html = render(CASE_WITH_ANSWER, PageView("az"))
    case = html.select_one(".case-study")
    answer = case.select_one("details.model-answer")
    assert "open" not in answer.attrs
    assert answer.select_one("summary").get_text() == \
        "Nümunəvi cavab: təcrübəli əməkdaş nə edərdi və niyə"
    assert answer.select_one("strong").get_text() == "hotline"  # Markdown inside
    assert case.find_all(recursive=False)[-1] is answer  # after the questions
    assert "Questions to discuss" not in answer.get_text()


def test_outer_block_may_use_more_slashes_than_the_answer():
    text = "//// case | T\nStory.\n\n/// answer\nDo this.\n///\n////\n\nAfter.\n"
    html = render(text, PageView("en"))
    assert html.select_one(".case-study details.model-answer p").get_text() == "Do this."
    assert html.select_one(".case-study").find_next_sibling("p").get_text() == "After."


def test_trainer_note_is_never_rendered_for_learners():
    text = "Before.\n\n/// trainer\nAsk the group *first*.\n///\n\nAfter.\n"
    for view in (PageView("en"), PageView("ru", "employers", NAMES)):
        html = render(text, view)
        assert "Ask the group" not in str(html)
        assert [p.get_text() for p in html.select("p")] == ["Before.", "After."]


def test_trainer_note_is_shown_on_a_page_made_for_trainers():
    html = render("/// trainer\nAsk the group first.\n///\n", PageView("ru", trainer=True))
    note = html.select_one(".trainer-note")
    assert note.select_one(".admonition-title").get_text() == "Заметка для тренера"
    assert "Ask the group first." in note.get_text()



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


def test_the_loaders_block_scanner_knows_every_block_the_renderer_has():
    """The scanner (domain/blocks.py) decides what is a block, which need an argument and which
    take options; it must agree with the registered blocks, or an unclosed or refused block
    would slip past the loader."""
    from elearning.domain.blocks import BLOCK_NAMES, NEEDS_ARGUMENT, TAKE_OPTIONS
    from elearning.domain.quizzes import TEST_QUESTION

    blocks = [block for ext in authoring_extensions(ViewState())
              for block in getattr(ext, "BLOCKS", ())]
    assert {b.NAME for b in blocks} == BLOCK_NAMES - {TEST_QUESTION}  # taken out before
    assert {b.NAME for b in blocks if b.ARGUMENT is True} == NEEDS_ARGUMENT - {TEST_QUESTION}
    assert {b.NAME for b in blocks if b.OPTIONS} == TAKE_OPTIONS - {TEST_QUESTION}


def test_in_a_module_cases_and_passages_are_the_ones_the_loader_read():
    state = ViewState()
    state.current = module_view(TEXT + CASE_WITH_ANSWER, "en", audience="employers",
                                audience_names=NAMES)
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", *authoring_extensions(state)])
    html = BeautifulSoup(md.convert(TEXT + CASE_WITH_ANSWER), "html.parser")
    assert [p["data-audiences"] for p in html.select(".audience-passage")] == ["employers"]
    assert html.select_one(".case-study .admonition-title").get_text().endswith("The café")
    assert state.errors == []
    # A case the loader did not read (indented in a list item) is no case of the module.
    text = TEXT + "\n- Item\n\n    /// case | Hidden\n    Text.\n    ///\n"
    state.current = module_view(text, "en")
    md.reset()
    md.convert(text)
    assert len(state.errors) == 1 and state.errors[0].startswith(
        "curriculum/modules/m.md, line 13: the page shows the case study 'Hidden' where the "
        "content loader read nothing (the case number 1 of the text).")
