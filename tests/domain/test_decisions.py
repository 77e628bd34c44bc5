"""Decision exercises: the schema, links, paths and translations, with file, line and node."""
from textwrap import dedent

import pytest

from elearning.domain.blocks import scan_blocks
from elearning.domain.contacts import Contact
from elearning.domain.decisions import (check_translation, decisions_in, parse_decision)
from elearning.domain.problems import Problems

FILE = "curriculum/modules/m.md"
FENCE = 10  # the line of the opening ```decision: the YAML starts on line 11
CONTACTS = {"police": Contact("police", {"en": "Police", "az": "Polis", "ru": "Полиция"},
                              "102", ("all",))}
BAZAAR = """\
title: The boy at the bazaar
start: call
nodes:
  call:
    text: A neighbour tells you that a boy begs at the bazaar.
    choices:
      - label: Go and tell the man to stop
        next: confront
      - label: Call the police
        next: police
        feedback: Quick and safe.
  confront:
    text: The man leaves with the boy.
    end: harmful
    debrief: Confronting warns him. Call 102.
  police:
    text: The police come. What next?
    contact: police
    choices:
      - label: Interview the boy alone
        next: alone
      - label: Wait for the guardianship body
        next: guardian
  alone:
    text: The boy says nothing.
    end: acceptable
    debrief: A child is heard with a legal representative.
  guardian:
    text: A representative and a psychologist come.
    end: good
    debrief: Child first, guardian present.
"""


def parse(text, contacts=CONTACTS):
    problems = Problems()
    decision = parse_decision(dedent(text), FILE, FENCE, contacts, problems)
    return decision, [str(problem) for problem in problems]


def only_problem(text, contacts=CONTACTS):
    decision, problems = parse(text, contacts)
    assert decision is None and len(problems) == 1, problems
    return problems[0]


def test_a_valid_exercise_is_numbered_from_its_start_breadth_first():
    decision, problems = parse(BAZAAR)
    assert problems == []
    assert [n.name for n in decision.in_reading_order()] == \
        ["call", "confront", "police", "alone", "guardian"]
    assert decision.numbers()["guardian"] == 5
    assert decision.node("police").contact == "police"
    assert decision.node("call").choices[1].feedback == "Quick and safe."
    assert decision.node("call").line == 14
    assert decision.decision_points() == 2


def test_invalid_yaml_names_file_and_line():
    assert only_problem("title: x\nstart: a\nnodes: {a: [oops}\n").startswith(
        f"{FILE}:13: the decision exercise: this is not valid YAML")


def test_missing_title_is_named_from_the_schema():
    problem = only_problem(BAZAAR.replace("title: The boy at the bazaar\n", ""))
    assert problem.startswith(f"{FILE}:11: the decision exercise: 'title' is missing")


def test_missing_target_names_node_choice_and_line():
    problem = only_problem(BAZAAR.replace("next: guardian", "next: guardain"))
    assert problem.startswith(f"{FILE}:33: the decision exercise 'The boy at the bazaar', "
                              "node 'police': the choice 'Wait for the guardianship body' "
                              "leads to 'guardain', which is not a node")
    assert "Check the spelling" in problem


def test_start_that_is_no_node():
    problem = only_problem(BAZAAR.replace("start: call", "start: cal"))
    assert problem.startswith(f"{FILE}:12: the decision exercise 'The boy at the bazaar' "
                              "starts at 'cal', which is not one of its nodes")


def test_unreachable_node():
    problem = only_problem(BAZAAR + "  orphan:\n    text: Nobody comes here.\n"
                           "    end: good\n    debrief: Never read.\n")
    assert problem.startswith(f"{FILE}:42: the decision exercise 'The boy at the bazaar': the "
                              "node 'orphan' cannot be reached from the start ('call')")


def test_a_path_that_never_ends():
    decision, problems = parse("""\
        title: Round and round
        start: a
        nodes:
          a:
            text: Start.
            choices:
              - {label: Loop, next: b}
              - {label: Finish, next: done}
          b:
            text: Loop one.
            choices:
              - {label: Go on, next: c}
          c:
            text: Loop two.
            choices:
              - {label: Back, next: b}
          done:
            text: Done.
            end: good
            debrief: Fine.
        """)
    assert decision is None
    assert problems == [
        f"{FILE}:19: the decision exercise 'Round and round': from the node 'b' no path ever "
        "reaches an end (its choices lead only to 'c', 'b', round and round). Lead one of "
        "these choices to a node that ends the exercise.",
        f"{FILE}:23: the decision exercise 'Round and round': from the node 'c' no path ever "
        "reaches an end (its choices lead only to 'b', 'c', round and round). Lead one of "
        "these choices to a node that ends the exercise."]


def test_a_loop_with_an_exit_is_allowed():
    decision, problems = parse("""\
        title: Think again
        start: a
        nodes:
          a:
            text: Start.
            choices:
              - {label: Rush, next: b}
              - {label: Finish, next: done}
          b:
            text: Are you sure?
            choices:
              - {label: Think again, next: a}
          done: {text: Done., end: good, debrief: Fine.}
        """)
    assert problems == [] and decision.decision_points() == 1


def test_unknown_end_kind():
    problem = only_problem(BAZAAR.replace("end: acceptable", "end: okay"))
    assert problem.startswith(f"{FILE}:36: the decision exercise 'The boy at the bazaar', "
                              "node 'alone': 'end' must be good, acceptable or harmful")
    assert "you wrote 'okay'" in problem


def test_unknown_contact():
    problem = only_problem(BAZAAR.replace("contact: police", "contact: police-102"))
    assert problem.startswith(f"{FILE}:28: the decision exercise 'The boy at the bazaar', "
                              "node 'police': ")
    assert "police-102" in problem and "police" in problem


@pytest.mark.parametrize("node, message", [
    ("  odd:\n    text: Nothing to do.\n", "it has neither 'choices' nor 'end'"),
    ("  odd:\n    text: Both.\n    end: good\n    debrief: x\n    choices:\n"
     "      - {label: a, next: call}\n", "it has both 'choices' and 'end'"),
    ("  odd:\n    text: An end.\n    end: good\n", "has no 'debrief'"),
    ("  odd:\n    text: Words.\n    debrief: x\n    choices:\n      - {label: a, next: call}\n",
     "only an end has a 'debrief'"),
])
def test_a_node_with_neither_or_both_of_choices_and_end(node, message):
    text = BAZAAR.replace("        next: confront\n",
                          "        next: confront\n      - label: Odd\n        next: odd\n")
    problem = only_problem(text + node)
    assert problem.startswith(f"{FILE}:44: the decision exercise 'The boy at the bazaar', "
                              "node 'odd': ")
    assert message in problem


def test_unknown_key_in_a_choice():
    problem = only_problem(BAZAAR.replace("feedback: Quick", "feedbak: Quick"))
    assert "'choices.1.feedbak' is not a known key (known keys: label, next, feedback)" in problem


def translated(text):
    decision, problems = parse(text)
    assert problems == []
    return decision


@pytest.mark.parametrize("change, expected", [
    (lambda t: t.replace("A neighbour tells", "Qonşu deyir"), []),
    (lambda t: t.replace("next: alone", "next: X").replace("next: guardian", "next: alone")
     .replace("next: X", "next: guardian"),
     ["the choices of the node 'police' lead to guardian, alone here but to alone, guardian"]),
    (lambda t: t.replace("end: acceptable", "end: good"),
     ["the node 'alone' ends as good here but ends as acceptable in English"]),
    (lambda t: t.replace("    contact: police\n", ""),
     ["the node 'police' names the contact 'None' here but 'police' in English"]),
])
def test_a_translation_changes_words_only(change, expected):
    english = translated(BAZAAR)
    problems = Problems()
    check_translation(translated(change(BAZAAR)), english, "m.az.md", FENCE, problems)
    messages = [p.message for p in problems]
    assert len(messages) == len(expected)
    for message, wanted in zip(messages, expected):
        assert wanted in message and "changes words only" in message


def test_a_translation_with_renamed_or_missing_nodes():
    english = translated(BAZAAR)
    renamed = translated(BAZAAR.replace("guardian", "qəyyum"))
    problems = Problems()
    check_translation(renamed, english, "m.az.md", FENCE, problems)
    messages = sorted(str(p) for p in problems)
    assert any("lacks the English nodes 'guardian'" in m for m in messages)
    assert any("m.az.md:38: " in m and "the node 'qəyyum' is not in the English exercise" in m
               for m in messages)


BODY = """\
Intro.

/// audience | municipalities
Passage.

```decision
{bazaar}```
///

```decision
{bazaar}```
"""


def test_exercises_in_a_text_get_ids_positions_and_audiences():
    body = BODY.format(bazaar=BAZAAR)
    problems = Problems()
    shown = decisions_in(body, 1, FILE, "m", scan_blocks(body), CONTACTS, problems)
    assert problems.found == []
    # Each fence as loaded, for the page to show in its place: its line and text identify it.
    assert [(s.kind, s.line) for s in shown] == [("decision", 6), ("decision", 41)]
    assert all(s.identity in body for s in shown)
    found = [s.model for s in shown]
    assert [(d.id, d.audiences) for d in found] == [
        ("m-decision-1", frozenset({"municipalities"})), ("m-decision-2", None)]
    assert found[0].shown_to("municipalities") and not found[0].shown_to("employers")
    assert found[0].line == 6


def test_a_translation_lacking_an_exercise():
    body = BODY.format(bazaar=BAZAAR)
    english = [s.model for s in
               decisions_in(body, 1, FILE, "m", scan_blocks(body), CONTACTS, Problems())]
    problems = Problems()
    short = "Only one.\n\n```decision\n" + BAZAAR + "```\n"
    decisions_in(short, 1, "m.ru.md", "m", scan_blocks(short), CONTACTS, problems, english)
    assert [str(p) for p in problems] == [
        "m.ru.md:3: this translation has 1 decision exercise(s), the English file 2: "
        "translate each English exercise, in the same place."]


def test_a_decision_exercise_is_a_fictional_case_for_the_confidentiality_check():
    from elearning.domain.confidentiality import check_confidentiality
    story = '"Elvin" (a pseudonym), 10, begs at the bazaar.'
    fenced = f"```decision\ntitle: x\nstart: a\nnodes:\n  a:\n    text: {story}\n```\n"
    problems = Problems()
    check_confidentiality([(FILE, 1, fenced), (FILE, 20, story + "\n")], {}, set(), problems)
    assert [p.line for p in problems] == [20]  # the same story outside an exercise


def test_a_decision_exercise_in_a_toolkit_item_is_reported(tmp_path):
    from elearning.domain.toolkits import _check_body
    from elearning.domain.source import MarkdownSource, Located
    body = "Intro.\n\n```decision\n" + BAZAAR + "```\n"
    problems = Problems()
    _check_body(MarkdownSource(tmp_path / "t.md", Located({}), body, 5), "toolkits/t.md", {},
                CONTACTS, problems)
    assert [str(p) for p in problems] == [
        "toolkits/t.md:7: a decision exercise belongs in a module (its progress counts "
        "there): move it to the module of this audience."]


def test_each_end_with_the_shortest_path_to_it_for_facilitators():
    decision, _ = parse(BAZAAR)
    paths = [(end.name, end.end, [c.label for c in choices])
             for end, choices in decision.paths_to_ends()]
    assert paths == [
        ("confront", "harmful", ["Go and tell the man to stop"]),
        ("alone", "acceptable", ["Call the police", "Interview the boy alone"]),
        ("guardian", "good", ["Call the police", "Wait for the guardianship body"])]
