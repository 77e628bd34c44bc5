"""Flowcharts drawn for the eye and told for screen readers, and the ```flowchart fence."""
import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.domain.flowcharts import parse_flowchart
from elearning.domain.problems import Problems
from elearning.markdown import PageView, ViewState
from elearning.markdown.flowchart import FlowchartFence, render_flowchart

CONTACTS = {
    "police": Contact("police", {"en": "Police", "az": "Polis", "ru": "Полиция"},
                          "102", ("all",)),
    "hotline-mia": Contact("hotline-mia", {"en": "Hotline", "az": "Qaynar xətt",
                                           "ru": "Горячая линия"}, "1-52", ("all",),
                           verified=False),
}
REFERRAL = """\
start: notice
steps:
  notice:
    text: You notice signs of <trafficking> & abuse
    next: danger
  danger:
    ask: Is anyone in immediate danger?
    yes: emergency
    no: talk
  emergency:
    text: Call the police
    contact: police
    next: hotline
  talk:
    text: Explain who you are
  hotline:
    text: Call the hotline
    contact: hotline-mia
"""


def render(language, text=REFERRAL):
    flowchart = parse_flowchart(text, "t.md", 1, CONTACTS, Problems())
    return BeautifulSoup(render_flowchart(flowchart, CONTACTS, language), "html.parser")


def test_the_diagram_is_for_the_eye_only_with_nothing_to_focus():
    html = render("en")
    diagram = html.select_one("figure.flowchart > ol.flowchart__diagram")
    assert diagram["aria-hidden"] == "true"
    assert diagram.select("a, button, input, [tabindex], [href]") == []
    numbers = [n.get_text() for n in diagram.select(".flowchart__number")]
    assert numbers == ["1", "2", "3", "4", "5"]
    kinds = [box["class"][1] for box in diagram.select(".flowchart__step")]
    assert kinds == ["flowchart__step--action", "flowchart__step--decision",
                     "flowchart__step--action", "flowchart__step--end", "flowchart__step--end"]


def test_boxes_show_branches_jumps_and_ends_and_user_text_is_escaped():
    html = render("en")
    boxes = html.select(".flowchart__step")
    assert boxes[0].select_one(".flowchart__words").get_text() == \
        "You notice signs of <trafficking> & abuse"
    branches = boxes[1].select(".flowchart__branch")
    assert [branch.get_text() for branch in branches] == ["Yes → 3", "No → 4"]
    assert boxes[2].select_one(".flowchart__jump").get_text() == "→ step 5"  # 4 is below
    assert boxes[3].select_one(".flowchart__end").get_text() == "End"
    # An arrow joins a box to the one above only when that one leads to it.
    joined = ["flowchart__step--joined" in box["class"] for box in boxes]
    assert joined == [False, True, True, False, False]


def test_a_contact_card_names_the_contact_in_the_readers_language():
    html = render("az")
    cards = html.select(".flowchart__diagram .flowchart__contact")
    assert cards[0].select_one(".flowchart__contact-name").get_text() == "Polis"
    assert cards[0].select_one(".flowchart__phone").get_text() == "102"
    assert cards[0].select_one(".flowchart__note") is None  # verified
    assert cards[1].select_one(".flowchart__note").get_text() == \
        "milli koordinator tərəfindən təsdiqlənməlidir"


def test_the_text_version_tells_each_step_with_dialable_numbers():
    html = render("en")
    told = html.select_one("ol.flowchart__text.visually-hidden")
    steps = [item.get_text() for item in told.select("li")]
    assert steps == [
        "Step 1: You notice signs of <trafficking> & abuse. Then go to step 2.",
        "Step 2, question: Is anyone in immediate danger? If yes, go to step 3; if no, go to "
        "step 4.",
        "Step 3: Call the police. Contact: Police, 102. Then go to step 5.",
        "Step 4: Explain who you are. This is the last step.",
        "Step 5: Call the hotline. Contact: Hotline, 1-52 (to be validated by the national "
        "coordinator). This is the last step.",
    ]
    assert [a["href"] for a in told.select("a")] == ["tel:102", "tel:152"]


def test_branches_and_sentences_in_azerbaijani_and_russian():
    az, ru = render("az"), render("ru")
    assert [b.get_text() for b in az.select(".flowchart__branch")] == ["Bəli → 3", "Xeyr → 4"]
    assert [b.get_text() for b in ru.select(".flowchart__branch")] == ["Да → 3", "Нет → 4"]
    assert ru.select_one(".flowchart__jump").get_text() == "→ шаг 5"
    assert ru.select(".flowchart__text li")[1].get_text() == (
        "Шаг 2, вопрос: Is anyone in immediate danger? Если да, перейдите к шагу 3; если "
        "нет — к шагу 4.")
    assert "подлежит проверке" in ru.select(".flowchart__text li")[4].get_text()


def convert(text, language="en"):
    state = ViewState(contacts=CONTACTS)
    state.current = PageView(language)
    fence = {"name": "flowchart", "class": "flowchart", "format": FlowchartFence(state)}
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [fence]}})
    return BeautifulSoup(md.convert(text), "html.parser")


def test_the_fence_renders_a_flowchart_in_the_pages_language():
    html = convert(f"Follow this path.\n\n```flowchart\n{REFERRAL}```\n\nAfter.\n", "ru")
    assert html.select_one("p").get_text() == "Follow this path."
    figure = html.select_one("figure.flowchart")
    assert figure.select_one(".flowchart__contact-name").get_text() == "Полиция"
    assert html.select("p")[-1].get_text() == "After."


def test_a_fence_that_is_not_a_valid_flowchart_shows_its_text():
    html = convert("~~~flowchart\nstart: a\nsteps:\n  a: {text: <b>bold</b>, next: b}\n~~~\n")
    assert html.select_one("figure") is None and html.select_one("b") is None
    assert html.select_one("pre.flowchart__source code").get_text().startswith("start: a\n")
