"""Decision exercises: a branching scenario written as a ```decision fenced block of YAML.

    title: The boy at the bazaar
    start: call
    nodes:
      call:
        text: A neighbour tells you that a boy begs at the bazaar every day.
        choices:
          - label: Go to the bazaar and tell the man to stop
            next: confront
          - label: Call 102 and tell the police what you know
            next: police
            feedback: Quick and safe.
      confront:
        text: The man leaves with the boy.
        end: harmful
        debrief: Confronting a suspect warns him. Call 102.
      ...

A node is a situation with `choices` (each a `label`, the `next` node and optional
`feedback`) or an end (`end: good | acceptable | harmful` with a `debrief`). Unlike a
referral path, an exercise may loop (a choice can lead back), but from every node some
path must reach an end. Parsed once, when the module is loaded; pages render the loaded
exercise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Mapping

from pydantic import Field, model_validator

from .blocks import Shown, TextBlock
from .contacts import Contact
from .flowcharts import ContactId, _validated, _word, fenced_flowcharts
from .problems import Problems
from .schema import ContentModel, Text, author_error
from .source import ContentSyntaxError, Located, parse_yaml

# As pymdownx.superfences reads the info string: ```decision, ```.decision, ```{.decision}
DECISION = "decision"
DECISION_INFO = re.compile(r"^\{?[ \t]*\.?decision(?![\w#.+-])")
END_KINDS = ("good", "acceptable", "harmful")
TRANSLATION_RULE = ("A translation changes words only ('title', 'text', 'label', 'feedback', "
                    "'debrief'): keep 'start', the node names and their order, each node's "
                    "choices in their order with their 'next', 'end' and 'contact' as in the "
                    "English file.")


class DecisionEntry(ContentModel):
    """a decision exercise: 'title', 'start' and 'nodes'"""

    title: Text = Field(description="the exercise's title, as text")
    start: Text = Field(description="the name of the first node, for example 'start: call'")
    nodes: dict[str, Any] = Field(
        min_length=2, description="the nodes, each as '<name>:' followed by its 'text' and "
        "either its 'choices' or its 'end' and 'debrief' (at least two nodes)")


class ChoiceEntry(ContentModel):
    """a choice: 'label', 'next' and optional 'feedback'"""

    label: Text = Field(description="what the learner may choose to do, as text")
    next: Text = Field(description="the name of the node this choice leads to")
    feedback: Text | None = Field(None, description="what the learner reads after choosing "
                                  "this, as text")


# A node breaks one of these rules when the test is true (checked in this order).
NODE_RULES = (
    (lambda n: n.choices is None and n.end is None,
     "it has neither 'choices' nor 'end': give it 'choices' (what the learner may do next) "
     "or 'end: good', 'end: acceptable' or 'end: harmful' with a 'debrief'."),
    (lambda n: n.choices is not None and n.end is not None,
     "it has both 'choices' and 'end': a node either offers choices or ends the exercise. "
     "Split it into two nodes."),
    (lambda n: n.end is not None and n.debrief is None,
     "it ends the exercise but has no 'debrief': add 'debrief:' with the rule the learner "
     "should take away."),
    (lambda n: n.end is None and n.debrief is not None,
     "only an end has a 'debrief': add 'end: good', 'end: acceptable' or 'end: harmful', or "
     "move the words into 'feedback' of a choice."),
)


class NodeEntry(ContentModel):
    """a node: 'text' and either 'choices' or 'end' with 'debrief' (and optional 'contact')"""

    text: Text = Field(description="the situation the learner is in, as text")
    choices: list[ChoiceEntry] | None = Field(
        None, min_length=1, description="a list of choices, each starting with '- label:'")
    end: Literal["good", "acceptable", "harmful"] | None = Field(
        None, description="good, acceptable or harmful (how this ending turned out)")
    debrief: Text | None = Field(None, description="what the learner should learn from this "
                                 "end, as text")
    contact: ContactId | None = Field(None, description="a contact id from "
                                      "toolkits/contacts.yml, for example hotline-mia")

    @model_validator(mode="after")
    def _choices_or_end(self):
        for broken, message in NODE_RULES:
            if broken(self):
                raise author_error(message)
        return self


@dataclass(frozen=True)
class DecisionChoice:
    label: str
    next: str
    feedback: str | None = None


@dataclass(frozen=True)
class DecisionNode:
    name: str
    text: str
    choices: tuple[DecisionChoice, ...] = ()
    end: str | None = None  # good | acceptable | harmful
    debrief: str | None = None
    contact: str | None = None
    line: int | None = field(default=None, compare=False)

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(choice.next for choice in self.choices)


@dataclass(frozen=True)
class Decision:
    id: str  # for progress: '<module>-decision-<n>', the same in every language
    title: str
    start: str
    nodes: tuple[DecisionNode, ...]  # in file order
    line: int | None = field(default=None, compare=False)  # of the opening fence
    # The audiences whose passage holds the exercise (None: every reader sees it).
    audiences: frozenset[str] | None = None

    def node(self, name: str) -> DecisionNode:
        return next(node for node in self.nodes if node.name == name)

    def in_reading_order(self) -> list[DecisionNode]:
        """Breadth first from the start, choices in order: the numbering of the printout."""
        order, seen = [], {self.start}
        waiting = [self.start]
        while waiting:
            node = self.node(waiting.pop(0))
            order.append(node)
            for target in node.targets:
                if target not in seen:
                    seen.add(target)
                    waiting.append(target)
        return order + [node for node in self.nodes if node.name not in seen]

    def numbers(self) -> dict[str, int]:
        return {node.name: number for number, node in enumerate(self.in_reading_order(), 1)}

    def decision_points(self) -> int:
        """The most nodes with two or more choices met on one path from the start to an end
        (a path visits each node at most once)."""
        def deepest(name: str, path: frozenset[str]) -> int:
            node = self.node(name)
            here = 1 if len(node.choices) > 1 else 0
            below = [deepest(t, path | {t}) for t in node.targets if t not in path]
            return here + max(below, default=0)
        return deepest(self.start, frozenset({self.start}))

    def paths_to_ends(self) -> list[tuple[DecisionNode, tuple[DecisionChoice, ...]]]:
        """Each end with the shortest path of choices that reaches it from the start, in
        reading order: the paths a facilitator's guide lists for discussion."""
        paths: dict[str, tuple[DecisionChoice, ...]] = {self.start: ()}
        waiting = [self.start]
        while waiting:
            name = waiting.pop(0)
            for choice in self.node(name).choices:
                if choice.next not in paths:
                    paths[choice.next] = paths[name] + (choice,)
                    waiting.append(choice.next)
        return [(node, paths[node.name]) for node in self.in_reading_order()
                if node.end and node.name in paths]

    def shown_to(self, audience_id: str) -> bool:
        return self.audiences is None or audience_id in self.audiences

    def structure(self) -> tuple:
        """What a translation must keep: start, node names in order, links, ends, contacts."""
        return self.start, tuple((n.name, n.targets, n.end, n.contact) for n in self.nodes)


def decisions_in(body: str, first_line: int, file: str, slug: str, blocks: list[TextBlock],
                 contacts: Mapping[str, Contact] | None, problems: Problems,
                 english: list[Decision | None] | None = None) -> list[Shown]:
    """Every decision fence of a module's text with its exercise (None where invalid),
    numbered for progress; a translation's are checked against the English ones."""
    found, shown = [], []
    fences = fenced_flowcharts(body, first_line, DECISION_INFO)
    for position, (line, text) in enumerate(fences, start=1):
        decision = parse_decision(text, file, line, contacts, problems,
                                  decision_id=f"{slug}-decision-{position}")
        if decision is not None:
            passages = [frozenset(b.argument.split()) for b in blocks if b.name == "audience"
                        and b.line < line and (b.end_line is None or line < b.end_line)]
            decision = replace(decision, audiences=frozenset.intersection(
                *passages) if passages else None)
        found.append(decision)
        shown.append(Shown(DECISION, line, text, decision))
    if english is not None:
        check_translated_decisions(found, english, file, [line for line, _ in fences], problems)
    return shown


def parse_decision(text: str, file: str, line: int, contacts: Mapping[str, Contact] | None,
                   problems: Problems, decision_id: str = "decision") -> Decision | None:
    """The exercise fenced at `line` of `file`, or None after reporting what is wrong."""
    reported = len(problems)
    try:
        parsed = parse_yaml(text, first_line=line + 1)
    except ContentSyntaxError as error:
        problems.add(file, error.line or line, f"the decision exercise: {error.message}")
        return None
    source = Located(_names_as_words(parsed.data), {(): line, **parsed.lines})
    entry = _validated(DecisionEntry, source, file, problems, "the decision exercise")
    if entry is None:
        return None
    nodes_source = source.at("nodes")
    nodes = []
    for name in entry.nodes:
        fields = _validated(NodeEntry, nodes_source.at(name), file, problems,
                            f"the decision exercise '{entry.title}', node '{name}'",
                            context={"contacts": contacts})
        if fields is not None:
            choices = tuple(DecisionChoice(**c.model_dump()) for c in fields.choices or ())
            nodes.append(DecisionNode(name, fields.text, choices, fields.end, fields.debrief,
                                      fields.contact, nodes_source.line_of((name,))))
    decision = Decision(decision_id, entry.title, entry.start, tuple(nodes), line)
    where = f"the decision exercise '{entry.title}'"
    _check_links(decision, list(entry.nodes), source, file, where, problems)
    if len(problems) == reported:  # every node and link is sound: paths can be followed
        _check_paths(decision, file, where, problems)
    return decision if len(problems) == reported else None


def check_translated_decisions(translated: list[Decision | None],
                               english: list[Decision | None], file: str,
                               lines: list[int], problems: Problems) -> None:
    """A translation has the English file's exercises, in the same order, with the same
    nodes and links."""
    if len(translated) != len(english):
        problems.add(file, lines[0] if lines else None,
                     f"this translation has {len(translated)} decision exercise(s), the English "
                     f"file {len(english)}: translate each English exercise, in the same place.")
        return
    for line, decision, original in zip(lines, translated, english):
        if decision is not None and original is not None:
            check_translation(decision, original, file, line, problems)


def check_translation(translated: Decision, english: Decision, file: str, line: int,
                      problems: Problems) -> None:
    differences: list[tuple[int | None, str]] = []
    if translated.start != english.start:
        differences.append((line, f"it starts at '{translated.start}', the English one at "
                                  f"'{english.start}'"))
    names = [node.name for node in translated.nodes]
    expected = [node.name for node in english.nodes]
    missing = [name for name in expected if name not in names]
    if missing:
        differences.append((line, "it lacks the English nodes " +
                            ", ".join(f"'{name}'" for name in missing)))
    for node in translated.nodes:
        where = node.line or line
        if node.name not in expected:
            differences.append((where, f"the node '{node.name}' is not in the English exercise "
                                       "(node names are not translated)"))
            continue
        original = english.node(node.name)
        if node.end != original.end:
            differences.append((where, f"the node '{node.name}' {_kind(node)} here but "
                                       f"{_kind(original)} in English"))
        elif node.targets != original.targets:
            differences.append((where, f"the choices of the node '{node.name}' lead to "
                                       f"{_targets(node)} here but to {_targets(original)} "
                                       "in English"))
        if node.contact != original.contact:
            differences.append((where, f"the node '{node.name}' names the contact "
                                       f"'{node.contact}' here but '{original.contact}' in "
                                       "English"))
    if not missing and len(names) == len(expected) and names != expected:
        differences.append((line, f"its nodes are in another order ({', '.join(names)}; in "
                                  f"English {', '.join(expected)})"))
    for where, difference in differences:
        problems.add(file, where, f"the decision exercise '{translated.title}' differs from "
                                  f"the English one: {difference}. {TRANSLATION_RULE}")


def _kind(node: DecisionNode) -> str:
    return f"ends as {node.end}" if node.end else "offers choices"


def _targets(node: DecisionNode) -> str:
    return ", ".join(node.targets) or "no node"


def _names_as_words(data: Any) -> Any:
    """Node names and links are the words the author wrote (YAML reads `yes:` as true)."""
    if not isinstance(data, dict):
        return data
    decision = dict(data)
    if "start" in decision:
        decision["start"] = _word(decision["start"])
    if isinstance(decision.get("nodes"), dict):
        decision["nodes"] = {_word(name): _node_words(node)
                             for name, node in decision["nodes"].items()}
    return decision


def _node_words(node: Any) -> Any:
    if isinstance(node, dict) and isinstance(node.get("choices"), list):
        node = dict(node)
        node["choices"] = [{**c, "next": _word(c["next"])} if isinstance(c, dict) and "next" in c
                           else c for c in node["choices"]]
    return node


def _check_links(decision: Decision, names: list[str], source: Located, file: str,
                 where: str, problems: Problems) -> None:
    known = ", ".join(names)
    if decision.start not in names:
        problems.add(file, source.line_of(("start",)),
                     f"{where} starts at '{decision.start}', which is not one of its nodes "
                     f"({known}): write one of these after 'start:'.")
    for node in decision.nodes:
        for index, choice in enumerate(node.choices):
            if choice.next not in names:
                problems.add(file, source.line_of(("nodes", node.name, "choices", index, "next")),
                             f"{where}, node '{node.name}': the choice '{choice.label}' leads to "
                             f"'{choice.next}', which is not a node of this exercise ({known}). "
                             "Check the spelling.")


def _check_paths(decision: Decision, file: str, where: str, problems: Problems) -> None:
    """Every node is reached from the start, and from every node an end can be reached."""
    reached = {node.name for node in decision.in_reading_order()[:_reached(decision)]}
    for node in decision.nodes:
        if node.name not in reached:
            problems.add(file, node.line,
                         f"{where}: the node '{node.name}' cannot be reached from the start "
                         f"('{decision.start}'): no choice leads to it. Lead to it from "
                         "another node, or remove it.")
    ending = {node.name for node in decision.nodes if node.end}
    grew = True
    while grew:  # the nodes from which some path reaches an end
        more = {node.name for node in decision.nodes
                if node.name not in ending and any(t in ending for t in node.targets)}
        ending |= more
        grew = bool(more)
    for node in decision.nodes:
        if node.name in reached and node.name not in ending:
            problems.add(file, node.line,
                         f"{where}: from the node '{node.name}' no path ever reaches an end "
                         f"(its choices lead only to {', '.join(_loop_of(decision, node))}, "
                         "round and round). Lead one of these choices to a node that ends the "
                         "exercise.")


def _reached(decision: Decision) -> int:
    """How many nodes, in reading order, are reached from the start."""
    seen, waiting = {decision.start}, [decision.start]
    while waiting:
        for target in decision.node(waiting.pop()).targets:
            if target not in seen:
                seen.add(target)
                waiting.append(target)
    return len(seen)


def _loop_of(decision: Decision, node: DecisionNode) -> list[str]:
    """The nodes reachable from `node` (none of which ends), in reading order."""
    seen, waiting = [], list(node.targets)
    while waiting:
        name = waiting.pop(0)
        if name not in seen:
            seen.append(name)
            waiting += decision.node(name).targets
    return [f"'{name}'" for name in seen]
