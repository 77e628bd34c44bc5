from dataclasses import replace
from textwrap import dedent

from elearning.domain.contacts import Contact
from elearning.domain.flowcharts import (check_translated_flowcharts, check_translation,
                                         fenced_flowcharts, flowcharts_in, parse_flowchart,
                                         Flowchart)
from elearning.domain.problems import Problems

FILE = "toolkits/one-pager.md"
FENCE = 10  # the line of the opening ```flowchart: the YAML starts on line 11
CONTACTS = {"police": Contact("police", {"en": "Police", "az": "Polis",
                                                 "ru": "Полиция"}, "102", ("all",))}
REFERRAL = """\
start: notice
steps:
  notice:
    text: You notice signs of trafficking
    next: danger
  danger:
    ask: Is anyone in immediate danger?
    yes: emergency
    no: talk
  emergency:
    text: Call the police
    contact: police
    next: talk
  talk:
    text: Explain who you are
"""


def parse(text, contacts=CONTACTS):
    problems = Problems()
    flowchart = parse_flowchart(dedent(text), FILE, FENCE, contacts, problems)
    return flowchart, [str(problem) for problem in problems]


def only_problem(text, contacts=CONTACTS):
    flowchart, problems = parse(text, contacts)
    assert flowchart is None and len(problems) == 1, problems
    return problems[0]


def test_a_referral_path_reads_top_to_bottom_with_its_decision():
    flowchart, problems = parse(REFERRAL)
    assert problems == []
    assert [step.name for step in flowchart.in_reading_order()] == \
        ["notice", "danger", "emergency", "talk"]
    danger = flowchart.step("danger")
    assert danger.kind == "decision" and (danger.yes, danger.no) == ("emergency", "talk")
    assert [flowchart.step(name).kind for name in ("notice", "emergency", "talk")] == \
        ["action", "action", "end"]
    assert flowchart.number_of("talk") == 4
    assert danger.line == 16


def test_a_step_comes_after_every_step_that_leads_to_it_and_ties_keep_file_order():
    flowchart, problems = parse("""\
        start: ask
        steps:
          late: {text: Written first and reached last}
          ask:
            ask: Is it urgent?
            yes: right-away
            no: later
          later: {text: Later, next: late}
          right-away: {text: Now, next: late}
        """)
    assert problems == []
    assert [step.name for step in flowchart.in_reading_order()] == \
        ["ask", "later", "right-away", "late"]


def test_invalid_yaml():
    assert only_problem("start: notice\nsteps:\n  notice: {text: [oops}\n").startswith(
        f"{FILE}:13: the flowchart: this is not valid YAML")


def test_missing_start():
    assert only_problem("steps:\n  notice:\n    text: You notice\n") == (
        f"{FILE}:11: the flowchart: 'start' is missing. Add 'start:' with the name of the "
        "first step, for example 'start: notice'.")


def test_start_naming_a_missing_step():
    assert only_problem(REFERRAL.replace("start: notice", "start: notise")) == (
        f"{FILE}:11: the flowchart starts at 'notise', which is not one of its steps (notice, "
        "danger, emergency, talk): write one of these after 'start:'.")


def test_a_link_to_a_missing_step():
    assert only_problem(REFERRAL.replace("yes: emergency", "yes: emergancy")) == (
        f"{FILE}:18: the flowchart step 'danger': 'yes: emergancy' names no step of this "
        "flowchart (notice, danger, emergency, talk). Check the spelling.")


def test_a_step_that_cannot_be_reached():
    problem = only_problem(REFERRAL + "  forgotten:\n    text: Nobody leads here\n")
    assert problem.startswith(f"{FILE}:26: the flowchart step 'forgotten' cannot be reached "
                              "from the start ('notice')")


def test_a_loop_names_its_steps_and_the_link_to_change():
    assert only_problem(REFERRAL.replace("    text: Explain who you are\n",
                                         "    text: Explain who you are\n    next: danger\n")) \
        == (f"{FILE}:26: the flowchart loops back: danger → emergency → talk → danger. A "
            "referral path must not go back to an earlier step: change 'next' of the step "
            "'talk' to a later step, or end the path there.")


def test_a_decision_without_both_answers():
    assert only_problem(REFERRAL.replace("    no: talk\n", "")) == (
        f"{FILE}:16: the flowchart step 'danger': it asks a question but does not say where "
        "both answers lead: add 'yes: <step>' and 'no: <step>'.")


def test_an_unknown_contact():
    assert only_problem(REFERRAL.replace("police", "police-112")) == (
        f"{FILE}:22: the flowchart step 'emergency': 'police-112' is not in the contacts "
        "directory (toolkits/contacts.yml). Known contacts: police.")


def test_a_step_with_neither_text_nor_ask():
    assert only_problem(REFERRAL.replace("    text: Explain who you are\n",
                                         "    contact: police\n")) == (
        f"{FILE}:24: the flowchart step 'talk': it has neither 'text' (an action) nor 'ask' "
        "(a decision): add one of them.")


def test_a_step_with_both_text_and_ask():
    problem = only_problem(REFERRAL.replace("    text: Explain who you are\n",
                                            "    text: Explain\n    ask: Agreed?\n"))
    assert problem.startswith(f"{FILE}:24: the flowchart step 'talk': it has both 'text' and "
                              "'ask'")


def test_an_unknown_key():
    assert only_problem(REFERRAL.replace("    next: danger\n", "    nxt: danger\n")) == (
        f"{FILE}:15: the flowchart step 'notice': 'nxt' is not a known key (known keys: text, "
        "next, contact, ask, yes, no). Check the spelling.")


def test_yes_and_no_are_words_although_yaml_reads_them_as_true_and_false():
    flowchart, problems = parse("start: 1\nsteps:\n  1: {ask: Sure, yes: 2, no: 3}\n"
                                "  2: {text: Go}\n  3: {text: Stay}\n")
    assert problems == []
    assert flowchart.step("1").links == (("yes", "2"), ("no", "3"))


def test_flowchart_fences_in_a_page_with_the_line_of_each_fence():
    body = dedent("""\
        Text.

        ````markdown
        ```flowchart
        start: shown-as-an-example
        ```
        ````

        ~~~flowchart
        start: a
        ~~~

        1. In a list:

            ```flowchart
            start: b
            steps:
              b: {text: B}
            ```
        """)
    assert fenced_flowcharts(body, first_line=5) == [
        (13, "start: a"), (19, "start: b\nsteps:\n  b: {text: B}")]


def translated(english, replace=()):
    text = english
    for old, new in replace:
        text = text.replace(old, new)
    return parse(text)[0]


def test_a_translation_changes_words_only():
    english = translated(REFERRAL)
    words = translated(REFERRAL, [("Call the police", "Polisə zəng edin"),
                                  ("Is anyone in immediate danger?", "Təhlükə varmı?")])
    problems = Problems()
    check_translation(words, english, "t.az.md", 10, problems)
    assert not problems

    changed = translated(REFERRAL, [("yes: emergency\n    no: talk",
                                     "yes: talk\n    no: emergency"),
                                    ("    contact: police\n", "")])
    check_translation(changed, english, "t.az.md", 10, problems)
    assert [str(p) for p in problems] == [
        "t.az.md:16: the flowchart differs from the English one: the step 'danger' leads to "
        "yes: talk, no: emergency here but to yes: emergency, no: talk in English. A "
        "translation changes words only ('text' and 'ask'): keep 'start', the step names and "
        "their order, 'next', 'yes', 'no' and 'contact' as in the English file.",
        "t.az.md:20: the flowchart differs from the English one: the step 'emergency' names "
        "no contact here but the contact 'police' in English. A translation changes words "
        "only ('text' and 'ask'): keep 'start', the step names and their order, 'next', "
        "'yes', 'no' and 'contact' as in the English file."]


def test_a_translation_keeps_step_names_and_kinds():
    english = translated(REFERRAL)
    renamed = translated(REFERRAL, [("talk", "danış")])
    problems = Problems()
    check_translation(renamed, english, "t.az.md", 10, problems)
    found = [str(p) for p in problems]
    assert found[0].startswith("t.az.md:10: the flowchart differs from the English one: it "
                               "lacks the English steps 'talk'.")
    assert found[1].startswith("t.az.md:24: the flowchart differs from the English one: the "
                               "step 'danış' is not in the English flowchart")

    ended = Flowchart("notice", tuple(replace(step, next=None) if step.name == "notice" else step
                                      for step in english.steps))
    problems = Problems()
    check_translation(ended, english, "t.az.md", 10, problems)
    assert "the step 'notice' is a last step here but an action in English" in \
        str(problems.found[0])


def test_a_translation_has_the_english_flowcharts():
    body = f"```flowchart\n{REFERRAL}```\n"
    problems = Problems()
    english = flowcharts_in(body, 1, "t.md", CONTACTS, problems)
    check_translated_flowcharts(flowcharts_in("No chart.\n", 1, "t.ru.md", CONTACTS, problems),
                                english, "t.ru.md", problems)
    assert [str(p) for p in problems] == [
        "t.ru.md: this translation has 0 flowchart(s), the English file 1: translate each "
        "English flowchart, in the same place."]
