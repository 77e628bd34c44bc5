"""Toolkit pages (one-pager, mini-toolkit, facilitator guide) show the scenarios, cases and
passages of their items as the loader read them, like module pages: one model for both."""
import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.markdown import ViewState, authoring_extensions
from tests.markdown.loaded import item_text, items_view

CONTACTS = {
    "hotline-mia": Contact("hotline-mia", {"en": "Hotline", "az": "Qaynar xətt",
                                           "ru": "Горячая линия"}, "152", ("azrcs",)),
    "police": Contact("police", {"en": "Police", "az": "Polis", "ru": "Полиция"}, "102", ()),
}
AUDIENCES = {"employers": None, "azrcs": None}
ROAD = """\
Intro.

/// scenario | A job offer abroad
    contacts: [hotline-mia]

/// asks
Is it safe?
///

/// say
Let us check together.
///

/// do
Give the hotline's number.
///
///
"""
BOOKLET = """\
/// audience | employers
For employers.
///

/// case | The café
"Leyla" is 16.

/// answer
Call the hotline.
///
///
"""


def render(page, view):
    state = ViewState(contacts=CONTACTS)
    state.current = view
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", *authoring_extensions(state)])
    return BeautifulSoup(md.convert(page), "html.parser"), state


def loaded(text, file="toolkits/road.md", language="en"):
    return item_text(text, file, language, CONTACTS, AUDIENCES)


def test_a_page_joining_items_shows_their_scenarios_cases_and_passages_as_loaded():
    road, booklet = loaded(ROAD), loaded(BOOKLET, "toolkits/booklet.md")
    assert [(s.kind, s.identity) for s in road.shown + booklet.shown] == [
        ("scenario", "A job offer abroad"), ("audience", "employers"), ("case", "The café")]
    html, state = render(ROAD + "\n" + BOOKLET,
                         items_view(road, booklet, audience="employers"))
    assert state.errors == []
    assert html.select_one("details.scenario > summary").get_text() == "A job offer abroad"
    assert [li.get_text() for li in html.select(".scenario__refer li")] == ["Hotline: 152"]
    assert [p["data-audiences"] for p in html.select(".audience-passage")] == ["employers"]
    assert html.select_one(".case-study .admonition-title").get_text().endswith("The café")


def test_a_toolkit_item_changed_after_loading_is_drawn_as_loaded():
    # The text read again says other contacts: the page refers to the ones the loader checked.
    changed = ROAD.replace("contacts: [hotline-mia]", "contacts: [police, nobody]")
    html, state = render(changed, items_view(loaded(ROAD, language="ru"), language="ru"))
    assert state.errors == []
    assert [li.get_text() for li in html.select(".scenario__refer li")] == [
        "Горячая линия: 152"]


def test_a_scenario_the_loader_did_not_read_is_an_error_naming_file_and_line():
    # Indented in a list item: no block to the loader, a block to the renderer.
    booklet = BOOKLET + ("\n- Item\n\n    /// scenario | Not loaded\n    /// asks\n    A?\n"
                         "    ///\n    ///\n")
    html, state = render(ROAD + "\n" + booklet,
                         items_view(loaded(ROAD), loaded(booklet, "toolkits/booklet.md")))
    assert state.errors == [
        "toolkits/booklet.md, line 15: the page shows the scenario 'Not loaded' where the "
        "content loader read nothing (the scenario number 2 of the page). The page would show "
        "something other than what was checked (a question under another id than the one its "
        "progress is stored by): check that every block and fence above it is closed, then "
        "build again. If the text is right, this is a fault of the build: report it."]
    # The one the loader did not read is drawn as written.
    assert [s.select_one("summary").get_text() for s in html.select("details.scenario")] == [
        "A job offer abroad", "Not loaded"]


def test_a_mismatch_names_the_item_file_and_line_where_the_page_shows_it():
    road, booklet = loaded(ROAD), loaded(BOOKLET, "toolkits/booklet.md")
    renamed = BOOKLET.replace("/// case | The café", "/// case | The bakery")
    html, state = render(ROAD + "\n" + renamed, items_view(road, booklet))
    assert len(state.errors) == 1 and state.errors[0].startswith(
        "toolkits/booklet.md, line 5: the page shows the case study 'The bakery' where the "
        "content loader read 'The café' (the case number 1 of the page).")


def test_an_invalid_scenario_is_reported_by_the_loader_and_shown_without_contacts():
    text = ROAD.replace("contacts: [hotline-mia]", "contacts: [hotline-mia, nobody]")
    problems = []
    road = item_text(text, "toolkits/road.md", "en", CONTACTS, AUDIENCES, problems)
    assert len(problems) == 1 and problems[0].startswith(
        "toolkits/road.md:4: the scenario 'A job offer abroad': 'nobody' is not in the contacts")
    html, state = render(text, items_view(road))
    assert state.errors == []
    assert [li.get_text() for li in html.select(".scenario__refer li")] == ["Hotline: 152"]


def test_a_hidden_passage_holding_a_block_closed_like_it_is_left_out_once():
    # pymdownx ends the outer block again after each inner block closed with as many slashes.
    text = "/// audience | employers\nA\n\n/// case | T\nB\n///\n\nC\n///\n\nAfter\n"
    html, state = render(text, items_view(loaded(text), audience="azrcs"))
    assert [p.get_text() for p in html.select("p")] == ["After"] and state.errors == []


def test_trainer_notes_are_the_ones_the_loader_read_on_every_page():
    plan = "Agenda.\n\n/// trainer\nAsk the group first.\n///\n"
    html, state = render(plan, items_view(loaded(plan, "toolkits/plan.md")))
    assert state.errors == [] and "Ask the group" not in str(html)  # never for learners
    html, state = render(plan, items_view(loaded(plan, "toolkits/plan.md"), trainer=True))
    assert state.errors == [] and "Ask the group first." in html.select_one(".trainer-note").get_text()
    # Indented in a list item, the loader reads no note: hidden from learners all the same,
    # but the page would show trainers a note that was never checked.
    hidden = plan + "\n- Item\n\n    /// trainer\n    Unchecked.\n    ///\n"
    html, state = render(hidden, items_view(loaded(hidden, "toolkits/plan.md")))
    assert "Unchecked" not in str(html)
    assert len(state.errors) == 1 and state.errors[0].startswith(
        "toolkits/employers/index.md: the page shows a trainer note where the content loader "
        "read nothing (the trainer number 2 of the text).")
