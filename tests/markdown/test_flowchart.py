"""Flowcharts drawn for the eye and told for screen readers, and the ```flowchart fence."""
from dataclasses import replace

import markdown
from bs4 import BeautifulSoup

from elearning.domain.contacts import Contact
from elearning.domain.flowcharts import flowcharts_in, parse_flowchart
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


def svgs(html):
    return html.select("figure.flowchart > div.flowchart__diagram > svg")


def texts(svg) -> list[str]:
    """Each <text> of a drawing, its lines joined by spaces."""
    return [" ".join(span.get_text() for span in text.select("tspan")) or text.get_text()
            for text in svg.select("text")]


def test_the_diagram_is_for_the_eye_only_with_nothing_to_focus():
    html = render("en")
    diagram = html.select_one("figure.flowchart > div.flowchart__diagram")
    assert diagram["aria-hidden"] == "true"
    assert diagram.select("a, button, input, [tabindex], [href], [style]") == []
    assert [svg["class"] for svg in svgs(html)] == [
        ["flowchart__svg", "flowchart__svg--narrow"], ["flowchart__svg", "flowchart__svg--wide"]]
    for svg in svgs(html):
        assert svg["focusable"] == "false"
        kinds = [box["class"][1] for box in svg.select("g.flowchart__box")]
        assert sorted(kinds) == sorted(["flowchart__box--action", "flowchart__box--decision",
                                        "flowchart__box--action", "flowchart__box--end",
                                        "flowchart__box--end"])


def test_every_step_is_drawn_whole_with_its_number_and_user_text_escaped():
    html = render("en")
    for svg in svgs(html):
        words = " ".join(texts(svg))
        for text in ("You notice signs of <trafficking> & abuse",
                     "Is anyone in immediate danger?", "Call the police",
                     "Explain who you are", "Call the hotline"):
            assert text in words, (svg["class"], text)
        assert [t.get_text() for t in svg.select("g.flowchart__box > text[fill='#fff']")] == \
            ["1", "2", "3", "4", "5"]
        assert svg.select("b, trafficking") == []


def test_a_question_has_both_branches_labelled_in_words_side_by_side():
    for language, yes, no in (("en", "Yes", "No"), ("az", "Bəli", "Xeyr"), ("ru", "Да", "Нет")):
        for svg in svgs(render(language)):
            labels = {t.get_text(): t for t in svg.find_all("text", recursive=False)}
            assert set(labels) == {yes, no}, language
            # Side by side: the two answers leave the question at different places.
            assert float(labels[yes]["x"]) != float(labels[no]["x"])
            assert labels[yes]["fill"] != labels[no]["fill"]
        # One arrow per link: 4 links, each with its arrowhead.
        assert len(svg.select("polyline")) == 4 and len(svg.select(":scope > path")) == 4


def test_a_contact_card_names_the_contact_in_the_readers_language():
    svg = svgs(render("az"))[0]
    words = texts(svg)
    assert "Polis" in words and "102" in words
    assert "Qaynar xətt" in words and "1-52" in words
    # "to be validated" only on the unverified contact's card
    assert " ".join(words).count("milli koordinator") == 1


def test_long_words_wrap_inside_their_box():
    from elearning.markdown.flowchart_diagram import text_width, wrap
    lines = wrap("Müəyyənləşdirilməsi və yönləndirilməsi üzrə praktiki təlim", 120, 14)
    assert all(text_width(line, 14) <= 120 for line in lines), lines
    assert "".join(lines).replace("-", "").replace(" ", "") == \
        "Müəyyənləşdirilməsi və yönləndirilməsi üzrə praktiki təlim".replace(" ", "")


def test_the_narrow_drawing_fits_a_phone_and_the_wide_one_its_frame():
    for language in ("en", "az", "ru"):
        narrow, wide = svgs(render(language))
        assert float(narrow["width"]) <= 341 and float(wide["width"]) <= 601
        for svg in (narrow, wide):
            for rect in svg.select("g.flowchart__box > rect:first-child"):
                assert 0 <= float(rect["x"]) and \
                    float(rect["x"]) + float(rect["width"]) <= float(svg["width"]) + .5


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


def test_sentences_in_azerbaijani_and_russian():
    ru = render("ru")
    assert ru.select(".flowchart__text li")[1].get_text() == (
        "Шаг 2, вопрос: Is anyone in immediate danger? Если да, перейдите к шагу 3; если "
        "нет — к шагу 4.")
    assert "подлежит проверке" in ru.select(".flowchart__text li")[4].get_text()


def convert(text, language="en", state=None):
    """`text` rendered as a page of the build that loaded `text` (its flowcharts read once)."""
    if state is None:
        state = ViewState(contacts=CONTACTS, flowcharts={
            f.text: f.flowchart for f in flowcharts_in(text, 1, "t.md", CONTACTS, Problems())})
    state.current = PageView(language, file="t.md")
    fence = {"name": "flowchart", "class": "flowchart", "format": FlowchartFence(state)}
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [fence]}})
    return BeautifulSoup(md.convert(text), "html.parser")


def test_the_fence_draws_the_loaded_flowchart_and_never_reads_the_yaml_again():
    page = f"```flowchart\n{REFERRAL}```\n"
    (loaded,) = flowcharts_in(page, 1, "t.md", CONTACTS, Problems())
    # What the loader read, changed after loading: the page shows the object, not the text.
    changed = replace(loaded.flowchart, steps=tuple(
        replace(step, text="Loaded object") if step.name == "talk" else step
        for step in loaded.flowchart.steps))
    state = ViewState(contacts=CONTACTS, flowcharts={loaded.text: changed})
    html = convert(page, state=state)
    assert "Loaded object" in texts(html.select_one("figure.flowchart svg"))
    assert state.errors == []


def test_a_flowchart_the_loader_did_not_read_is_an_error_naming_the_file():
    state = ViewState(contacts=CONTACTS, flowcharts={})
    html = convert(f"```flowchart\n{REFERRAL}```\n", state=state)
    assert html.select_one("figure") is None  # shown as written, and the build stops
    assert html.select_one("pre.flowchart__source") is not None
    assert len(state.errors) == 1 and state.errors[0].startswith(
        "t.md: the page shows a flowchart that the content loader did not read")


def test_the_fence_renders_a_flowchart_in_the_pages_language():
    html = convert(f"Follow this path.\n\n```flowchart\n{REFERRAL}```\n\nAfter.\n", "ru")
    assert html.select_one("p").get_text() == "Follow this path."
    figure = html.select_one("figure.flowchart")
    assert "Полиция" in texts(figure.select_one("svg"))
    assert html.select("p")[-1].get_text() == "After."


def test_a_fence_that_is_not_a_valid_flowchart_shows_its_text():
    html = convert("~~~flowchart\nstart: a\nsteps:\n  a: {text: <b>bold</b>, next: b}\n~~~\n")
    assert html.select_one("figure") is None and html.select_one("b") is None
    assert html.select_one("pre.flowchart__source code").get_text().startswith("start: a\n")


def test_the_word_end_sits_below_a_last_steps_contact_card_not_on_its_border():
    for svg in svgs(render("ru")):
        ends = svg.select("g.flowchart__box--end")
        with_card = [g for g in ends if len(g.find_all("rect")) > 1]
        assert with_card, "the chart's last step 'hotline' carries a contact card"
        for group in with_card:
            card = group.find_all("rect")[1]
            card_bottom = float(card["y"]) + float(card["height"])
            label = group.find_all("text")[-1]
            assert label.get_text() == "КОНЕЦ"
            size = float(label["font-size"])
            letters_top = float(label.tspan["y"]) - 0.75 * size  # capitals rise ~0.75 em
            assert letters_top >= card_bottom + 1, (letters_top, card_bottom)
            box = group.find("rect")
            assert float(label.tspan["y"]) < float(box["y"]) + float(box["height"]) - 4


def test_a_flowchart_is_drawn_once_per_language_until_the_content_is_loaded_again():
    page = f"```flowchart\n{REFERRAL}```\n"
    (loaded,) = flowcharts_in(page, 1, "t.md", CONTACTS, Problems())
    state = ViewState(contacts=CONTACTS, flowcharts={loaded.text: loaded.flowchart})
    fence = FlowchartFence(state)

    def draw():  # as pymdownx.superfences calls a custom fence's format
        return fence(loaded.text, "flowchart", "flowchart", {}, None)

    for language in ("en", "ru"):
        state.current = PageView(language, file="t.md")
        first = draw()
        assert draw() is first  # drawn once
    assert "Полиция" in first
    # Loaded again (`mkdocs serve` after an edit of the contacts): drawn anew.
    police = replace(CONTACTS["police"], phone="1020")
    state.contacts = {**CONTACTS, "police": police}
    state.flowcharts = dict(state.flowcharts)
    assert "1020" in draw()
