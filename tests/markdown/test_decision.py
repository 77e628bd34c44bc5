"""Decision exercises rendered from the loaded exercise: every step numbered, choices as links."""
import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.domain.decisions import parse_decision
from elearning.domain.problems import Problems
from elearning.markdown import PageView, ViewState
from elearning.markdown.decision import DecisionFence, render_decision
from tests.domain.test_decisions import BAZAAR
from tests.markdown.loaded import module_view

CONTACTS = {"police": Contact("police", {"en": "Police", "az": "Polis", "ru": "Полиция"},
                              "102", ("all",))}


def loaded(text=BAZAAR, decision_id="m-decision-1"):
    problems = Problems()
    decision = parse_decision(text, "m.md", 1, CONTACTS, problems, decision_id=decision_id)
    assert problems.found == []
    return decision


def render(language="en", text=BAZAAR):
    return BeautifulSoup(render_decision(loaded(text), CONTACTS, language), "html.parser")


def test_every_step_is_on_the_page_numbered_with_choices_as_links():
    html = render()
    box = html.select_one("section.decision")
    assert box["id"] == "decision-m-decision-1" and box["data-decision"] == "m-decision-1"
    assert box["aria-labelledby"] == "decision-m-decision-1-title"
    assert html.select_one("h3.decision__title").get_text() == "The boy at the bazaar"
    steps = html.select("ol.decision__nodes > li.decision__node")
    assert [s.select_one(".decision__number").get_text() for s in steps] == \
        ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]
    assert [s["id"] for s in steps] == [f"decision-m-decision-1-{n}" for n in range(1, 6)]
    links = steps[0].select(".decision__choice a")
    assert [a["href"] for a in links] == ["#decision-m-decision-1-2", "#decision-m-decision-1-3"]
    assert links[1].get_text(" ", strip=True) == "Call the police → 3 (go to step 3)"
    assert links[1].select_one(".decision__goto")["aria-hidden"] == "true"
    feedback = steps[0].select("details.decision__feedback")
    assert len(feedback) == 1 and feedback[0].p.get_text() == "Quick and safe."


def test_an_end_says_its_kind_in_words_with_its_debrief_and_a_way_back_to_the_start():
    html = render()
    ends = {s["data-end"]: s for s in html.select(".decision__node[data-end]")}
    assert set(ends) == {"good", "acceptable", "harmful"}
    assert ends["harmful"].select_one(".decision__end").get_text() == "End: harmful outcome"
    assert "decision__end--harmful" in ends["harmful"].select_one(".decision__end")["class"]
    assert ends["good"].select_one(".decision__debrief").get_text(" ", strip=True) == \
        "What to take away Child first, guardian present."
    assert ends["good"].select_one(".decision__restart a")["href"] == "#decision-m-decision-1-1"
    assert ends["good"].select(".decision__choices") == []


def test_a_contact_is_a_link_that_dials_it():
    step = render().select(".decision__node")[2]
    link = step.select_one(".decision__contact a")
    assert link["href"] == "tel:102" and link.get_text() == "Police, 102"


def test_the_interface_is_in_the_readers_language_and_text_is_escaped():
    html = render("az", BAZAAR.replace("A neighbour tells", "<b>A & B</b> tells"))
    assert html.select_one(".decision__kind").get_text() == "Qərar tapşırığı"
    assert html.select_one(".decision__number").get_text() == "Addım 1"
    assert html.select_one(".decision__text").get_text().startswith("<b>A & B</b> tells")
    assert html.select_one(".decision__text b") is None
    ru = render("ru")
    assert ru.select_one("[data-end=good] .decision__end").get_text() == "Конец: хороший исход"


def markdown_with(state):
    fence = {"name": "decision", "class": "decision", "format": DecisionFence(state)}
    return markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [fence]}})


TWO = (f"```decision\n{BAZAAR}```\n\nText.\n\n```decision\n"
       f"{BAZAAR.replace('The boy at', 'Again, the boy at')}```\n")


def test_the_fence_shows_the_exercise_loaded_with_the_module_not_a_new_parse():
    state = ViewState(contacts=CONTACTS)
    state.current = module_view(TWO, "ru", CONTACTS)
    html = BeautifulSoup(markdown_with(state).convert(TWO), "html.parser")
    assert [b["data-decision"] for b in html.select("section.decision")] == \
        ["m-decision-1", "m-decision-2"]
    assert html.select_one(".decision__kind").get_text() == "Упражнение на принятие решений"
    assert state.errors == []


def test_a_fence_other_than_the_one_loaded_there_is_an_error_naming_file_and_line():
    state = ViewState(contacts=CONTACTS)
    state.current = module_view(TWO, "en", CONTACTS)
    changed = TWO.replace("Again, the boy at", "Once more, the boy at")
    html = BeautifulSoup(markdown_with(state).convert(changed), "html.parser")
    # The first is shown; the second is not the exercise loaded (nor its id): as written.
    assert [b["data-decision"] for b in html.select("section.decision")] == ["m-decision-1"]
    assert html.select_one("pre.decision__source") is not None
    second = TWO.splitlines().index("```decision", 1) + 1  # the line of its opening fence
    assert len(state.errors) == 1 and state.errors[0].startswith(
        f"curriculum/modules/m.md, line {second}: the page shows a decision exercise where the "
        "content loader read 'title:")


def test_a_fence_on_a_page_not_loaded_as_a_module_shows_as_written():
    state = ViewState(contacts=CONTACTS)
    state.current = PageView("en")
    html = BeautifulSoup(markdown_with(state).convert("```decision\ntitle: x\n```\n"),
                         "html.parser")
    assert html.select("section.decision") == []
    assert html.select_one("pre.decision__source code").get_text() == "title: x"


def test_references_in_the_exercise_text_are_the_directory_number_in_plain_words():
    text = BAZAAR.replace("Quick and safe.", "Quick and safe, {{number:police}}.")
    assert "{{number:police}}" in text
    html = render("az", text)
    assert "Quick and safe, 102." in html.get_text()
    assert "{{" not in html.get_text()


def test_an_unverified_number_and_a_fact_to_validate_are_marked_in_the_exercise():
    iom = Contact("iom", {"en": "IOM", "az": "BMqT", "ru": "МОМ"}, "+994 12 465 90 71", ("all",),
                  verified=False)
    text = BAZAAR.replace("Quick and safe.", "Quick and safe, {{number:iom}}, {?within 24 hours?}.")
    problems = Problems()
    contacts = {**CONTACTS, "iom": iom}
    decision = parse_decision(text, "m.md", 1, contacts, problems, decision_id="m-decision-1")
    assert problems.found == []
    html = BeautifulSoup(render_decision(decision, contacts, "ru"), "html.parser").get_text()
    assert ("Quick and safe, +994 12 465 90 71 (подлежит проверке национальным координатором), "
            "within 24 hours (подлежит проверке национальным координатором).") in html
    assert "{?" not in html
