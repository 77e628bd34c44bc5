"""Flowcharts: a referral path written as a ```flowchart fenced block of YAML.

    start: notice
    steps:
      notice:
        text: You notice signs of trafficking
        next: danger
      danger:
        ask: Is anyone in immediate danger?
        yes: police
        no: talk
      ...

A step is an action (`text`, optional `next` and `contact`), a decision (`ask`, `yes`, `no`)
or an end (an action without `next`). A referral path never loops back, so its steps can
be read top to bottom: `Flowchart.in_reading_order` gives that order, and numbers steps.
The loader reads each flowchart once (problems with file and line); the Markdown fence draws
the loaded Flowchart (`LoadedFlowchart`), it never reads the YAML again.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Iterator, Literal, Mapping, NamedTuple

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from .blocks import fences
from .contacts import Contact, unknown_contact_message
from .problems import Problems
from .schema import ContentModel, Text, author_error, validate
from .source import ContentSyntaxError, Located, parse_yaml

# As pymdownx.superfences reads the info string: ```flowchart, ```.flowchart, ```{.flowchart}
# More steps than fit a printed page: refused with a clear message before any other check.
MAX_STEPS = 60
FLOWCHART_INFO = re.compile(r"^\{?[ \t]*\.?flowchart(?![\w#.+-])")
LINKS = ("next", "yes", "no")  # the keys that name another step
TRANSLATION_RULE = ("A translation changes words only ('text' and 'ask'): keep 'start', the "
                    "step names and their order, 'next', 'yes', 'no' and 'contact' as in the "
                    "English file.")


def _known_contact(contact_id: str, info: ValidationInfo) -> str:
    contacts = (info.context or {}).get("contacts")
    if contacts is not None and contact_id not in contacts:
        raise author_error(unknown_contact_message(contact_id, contacts))
    return contact_id


ContactId = Annotated[Text, AfterValidator(_known_contact)]


class FlowchartEntry(ContentModel):
    """a flowchart: 'start' and 'steps'"""

    start: Text = Field(description="the name of the first step, for example 'start: notice'")
    steps: dict[str, Any] = Field(
        min_length=1, description="the steps, each as '<name>:' followed by its 'text' (an "
        "action) or its 'ask', 'yes' and 'no' (a decision)")


# A step breaks one of these rules when the test is true (checked in this order).
STEP_RULES = (
    (lambda s: s.text is None and s.ask is None,
     "it has neither 'text' (an action) nor 'ask' (a decision): add one of them."),
    (lambda s: s.text is not None and s.ask is not None,
     "it has both 'text' and 'ask': a step either says what to do ('text') or asks a yes/no "
     "question ('ask'). Split it into two steps."),
    (lambda s: s.ask is not None and (s.yes is None or s.no is None),
     "it asks a question but does not say where both answers lead: add 'yes: <step>' and "
     "'no: <step>'."),
    (lambda s: s.ask is not None and s.next is not None,
     "a question goes on by 'yes' and 'no', not 'next': remove 'next'."),
    (lambda s: s.ask is not None and s.contact is not None,
     "a question cannot name a contact: put 'contact' on the action step that says to call."),
    (lambda s: s.text is not None and (s.yes is not None or s.no is not None),
     "'yes' and 'no' belong to a question: add 'ask:' with the question (in its own step), "
     "or use 'next:'."),
)


class StepEntry(ContentModel):
    """a step: an action ('text', 'next', 'contact') or a question ('ask', 'yes', 'no')"""

    text: Text | None = Field(None, description="what the reader does, as text")
    next: Text | None = Field(None, description="the name of the step that follows (leave it "
                              "out on a last step)")
    contact: ContactId | None = Field(None, description="a contact id from "
                                      "toolkits/contacts.yml, for example hotline-mia")
    ask: Text | None = Field(None, description="a question answered by yes or no, as text")
    yes: Text | None = Field(None, description="the name of the step to go to when the "
                             "answer is yes")
    no: Text | None = Field(None, description="the name of the step to go to when the "
                            "answer is no")

    @model_validator(mode="after")
    def _one_kind_of_step(self):
        for broken, message in STEP_RULES:
            if broken(self):
                raise author_error(message)
        return self


@dataclass(frozen=True)
class Step:
    name: str
    text: str | None = None
    ask: str | None = None
    next: str | None = None
    yes: str | None = None
    no: str | None = None
    contact: str | None = None
    line: int | None = field(default=None, compare=False)  # of its name, in the file

    @property
    def kind(self) -> Literal["action", "decision", "end"]:
        if self.ask is not None:
            return "decision"
        return "action" if self.next is not None else "end"

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """('next' | 'yes' | 'no', step name) for each step this one leads to."""
        return tuple((key, getattr(self, key)) for key in LINKS if getattr(self, key) is not None)


@dataclass(frozen=True)
class Flowchart:
    start: str
    steps: tuple[Step, ...]  # in file order

    def step(self, name: str) -> Step:
        return self._by_name[name]

    @cached_property
    def _by_name(self) -> dict[str, Step]:
        by_name: dict[str, Step] = {}
        for step in self.steps:
            by_name.setdefault(step.name, step)
        return by_name

    def reached(self) -> set[str]:
        """The names of the steps that can be reached from `start`."""
        names = self._by_name
        reached, waiting = set(), [self.start] if self.start in names else []
        while waiting:
            name = waiting.pop()
            if name not in reached:
                reached.add(name)
                waiting += [target for _, target in self.step(name).links if target in names]
        return reached

    def in_reading_order(self) -> list[Step]:
        """Each step after every step that leads to it; ties keep the order of the file.

        A referral path has no loop, so this gives one vertical sequence and no graph layout
        is needed. (A topological sort with a heap: linear enough for charts of thousands of
        steps.)"""
        return list(self._reading_order)

    @cached_property
    def _reading_order(self) -> tuple[Step, ...]:
        reached = self.reached()
        position = {step.name: index for index, step in enumerate(self.steps)}
        waiting_for = {name: 0 for name in reached}
        for name in reached:
            for target in {target for _, target in self.step(name).links}:
                if target in waiting_for:
                    waiting_for[target] += 1
        ready = [position[name] for name, count in waiting_for.items() if count == 0]
        heapq.heapify(ready)
        order: list[Step] = []
        placed: set[str] = set()
        while ready:
            step = self.steps[heapq.heappop(ready)]
            if step.name in placed:
                continue
            order.append(step)
            placed.add(step.name)
            for target in {target for _, target in step.links}:
                if target in waiting_for:
                    waiting_for[target] -= 1
                    if waiting_for[target] == 0:
                        heapq.heappush(ready, position[target])
        # A chart built by hand may be invalid: its other steps still show, in file order.
        return tuple(order + [step for step in self.steps if step.name not in placed])

    def number_of(self, name: str) -> int:
        """The 1-based position of step `name` in reading order."""
        return [step.name for step in self.in_reading_order()].index(name) + 1

    def structure(self) -> tuple:
        """What a translation must keep: start, step names in order, their links."""
        return self.start, tuple((step.name, step.links) for step in self.steps)


def fenced_flowcharts(body: str, first_line: int = 1,
                      info: re.Pattern = FLOWCHART_INFO) -> list[tuple[int, str]]:
    """(line of the opening fence, YAML text) of every closed flowchart fence in a Markdown
    body (or of every fence whose info string matches `info`)."""
    return [(fence.line, fence.text) for fence in fences(body, first_line)
            if fence.end_line is not None and info.match(fence.info)]


class LoadedFlowchart(NamedTuple):
    """A flowchart fence as the loader read it: the renderer draws `flowchart` for `text`."""

    line: int  # of the opening fence
    flowchart: Flowchart | None  # None: invalid, reported with file and line
    text: str


def parse_flowchart(text: str, file: str, line: int, contacts: Mapping[str, Contact],
                    problems: Problems) -> Flowchart | None:
    """The flowchart fenced at `line` of `file`, or None after reporting what is wrong."""
    reported = len(problems)  # by the time this flowchart is read
    try:
        parsed = parse_yaml(text, first_line=line + 1)
    except ContentSyntaxError as error:
        problems.add(file, error.line or line, f"the flowchart: {error.message}")
        return None
    steps = parsed.data.get("steps") if isinstance(parsed.data, dict) else None
    if isinstance(steps, dict) and len(steps) > MAX_STEPS:
        problems.add(file, parsed.line_of(("steps",)) or line,
                     f"the flowchart has {len(steps)} steps: a referral path shown on one page "
                     f"can have at most {MAX_STEPS}. Split it into several flowcharts, or keep "
                     "the details in the text around it.", stops=True)
        return None
    # An empty block has no lines of its own: report it at the fence.
    source = Located(_names_as_words(parsed.data), {(): line, **parsed.lines})
    entry = _validated(FlowchartEntry, source, file, problems, "the flowchart")
    if entry is None:
        return None
    steps_source = source.at("steps")
    steps = []
    for name in entry.steps:
        fields = _validated(StepEntry, steps_source.at(name), file, problems,
                            f"the flowchart step '{name}'", context={"contacts": contacts})
        if fields is not None:
            steps.append(Step(name, **fields.model_dump(), line=steps_source.line_of((name,))))
    flowchart = Flowchart(entry.start, tuple(steps))
    _check_links(flowchart, set(entry.steps), source, file, problems)
    if len(problems) == reported:  # every step and link is sound: paths can be followed
        _check_paths(flowchart, source, file, problems)
    return flowchart if len(problems) == reported else None


def check_translation(translated: Flowchart, english: Flowchart, file: str, line: int,
                      problems: Problems) -> None:
    """A translated flowchart has the English steps, kinds, start, links and contacts."""
    differences: list[tuple[int | None, str]] = []
    if translated.start != english.start:
        differences.append((line, f"it starts at '{translated.start}', the English one at "
                                  f"'{english.start}'"))
    names = [step.name for step in translated.steps]
    expected = [step.name for step in english.steps]
    missing = [name for name in expected if name not in names]
    added = [step for step in translated.steps if step.name not in expected]
    if missing:
        differences.append((line, "it lacks the English steps " + _listed(missing)))
    for step in added:
        differences.append((step.line or line, f"the step '{step.name}' is not in the English "
                                               "flowchart (step names are not translated)"))
    if not missing and not added and names != expected:
        differences.append((line, f"its steps are in another order ({', '.join(names)}; in "
                                  f"English {', '.join(expected)})"))
    for step in translated.steps:
        if step.name not in expected:
            continue
        original = english.step(step.name)
        where = step.line or line
        if step.kind != original.kind:
            differences.append((where, f"the step '{step.name}' is {_a(step.kind)} here but "
                                       f"{_a(original.kind)} in English"))
        elif step.links != original.links:
            differences.append((where, f"the step '{step.name}' leads to "
                                       f"{_described(step.links)} here but to "
                                       f"{_described(original.links)} in English"))
        if step.contact != original.contact:
            differences.append((where, f"the step '{step.name}' names "
                                       f"{_contact(step.contact)} here but "
                                       f"{_contact(original.contact)} in English"))
    for where, difference in differences:
        problems.add(file, where, f"the flowchart differs from the English one: {difference}. "
                                  f"{TRANSLATION_RULE}")


def flowcharts_in(body: str, first_line: int, file: str, contacts: Mapping[str, Contact],
                  problems: Problems) -> list[LoadedFlowchart]:
    """Every flowchart of a Markdown body, read once for the whole build (None if invalid)."""
    return [LoadedFlowchart(line, parse_flowchart(text, file, line, contacts, problems), text)
            for line, text in fenced_flowcharts(body, first_line)]


def check_translated_flowcharts(translated: list[LoadedFlowchart],
                                english: list[LoadedFlowchart], file: str,
                                problems: Problems) -> None:
    """A translation has the English file's flowcharts, in the same order."""
    if len(translated) != len(english):
        problems.add(file, translated[0].line if translated else None,
                     f"this translation has {len(translated)} flowchart(s), the English file "
                     f"{len(english)}: translate each English flowchart, in the same place.")
        return
    for (line, chart, _), (_, original, _) in zip(translated, english):
        if chart is not None and original is not None:
            check_translation(chart, original, file, line, problems)


def _validated(model, source: Located, file: str, problems: Problems, where: str,
               context: dict | None = None):
    found = Problems()
    entry = validate(model, source, file, found, context=context)
    for problem in found:
        problems.add(problem.file, problem.line, f"{where}: {problem.message}")
    return entry


def _names_as_words(data: Any) -> Any:
    """YAML 1.1 reads the keys `yes:` and `no:` as true and false, and `2:` as a number;
    here step names, step keys and links are the words the author wrote."""
    if not isinstance(data, dict):
        return data
    chart = {_word(key): value for key, value in data.items()}
    if "start" in chart:
        chart["start"] = _word(chart["start"])
    if isinstance(chart.get("steps"), dict):
        chart["steps"] = {_word(name): _step_words(step) for name, step in chart["steps"].items()}
    return chart


def _step_words(step: Any) -> Any:
    if not isinstance(step, dict):
        return step
    words = {_word(key): value for key, value in step.items()}
    return {key: _word(value) if key in LINKS else value for key, value in words.items()}


def _word(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if isinstance(value, (int, float)) else value


def _check_links(flowchart: Flowchart, names: set[str], source: Located, file: str,
                 problems: Problems) -> None:
    known = ", ".join(source.data["steps"])
    if flowchart.start not in names:
        problems.add(file, source.line_of(("start",)),
                     f"the flowchart starts at '{flowchart.start}', which is not one of its "
                     f"steps ({known}): write one of these after 'start:'.")
    for step in flowchart.steps:
        for key, target in step.links:
            if target not in names:
                problems.add(file, source.line_of(("steps", step.name, key)),
                             f"the flowchart step '{step.name}': '{key}: {target}' names no "
                             f"step of this flowchart ({known}). Check the spelling.")


def _check_paths(flowchart: Flowchart, source: Located, file: str, problems: Problems) -> None:
    """Every step is reached from start, and no path leads back (checked once links are sound)."""
    reached = flowchart.reached()
    for step in flowchart.steps:
        if step.name not in reached:
            problems.add(file, step.line,
                         f"the flowchart step '{step.name}' cannot be reached from the start "
                         f"('{flowchart.start}'): no 'next', 'yes' or 'no' leads to it. Lead "
                         "to it from another step, or remove it.")
    for step_name, key, loop in _loops(flowchart):
        problems.add(file, source.line_of(("steps", step_name, key)),
                     f"the flowchart loops back: {' → '.join(loop)}. A referral path must not "
                     f"go back to an earlier step: change '{key}' of the step '{step_name}' to "
                     "a later step, or end the path there.")


def _loops(flowchart: Flowchart) -> list[tuple[str, str, list[str]]]:
    """(step, link, the steps of the loop) for each link that leads back along its path.

    A depth-first walk kept on a list, not on Python's call stack: a chart of thousands of
    steps would otherwise end in a RecursionError."""
    loops: list[tuple[str, str, list[str]]] = []
    path: list[str] = []
    on_path: set[str] = set()
    done: set[str] = set()
    stack: list[tuple[str, Iterator[tuple[str, str]]]] = []

    def enter(name: str) -> None:
        path.append(name)
        on_path.add(name)
        stack.append((name, iter(flowchart.step(name).links)))

    enter(flowchart.start)
    while stack:
        name, links = stack[-1]
        for key, target in links:
            if target in on_path:
                loops.append((name, key, path[path.index(target):] + [target]))
            elif target not in done:
                enter(target)
                break
        else:
            stack.pop()
            path.pop()
            on_path.discard(name)
            done.add(name)
    return loops


def _listed(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _a(kind: str) -> str:
    return {"action": "an action", "decision": "a question", "end": "a last step"}[kind]


def _contact(contact_id: str | None) -> str:
    return f"the contact '{contact_id}'" if contact_id else "no contact"


def _described(links: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{key}: {target}" for key, target in links) or "no step"
