"""Scenarios (`/// scenario | title` with `/// asks`, `/// say`, `/// do` parts): the
counsellors' road map. Read here once; the page shows the loaded scenario (its title and the
contacts it refers to)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from pydantic import Field

from .blocks import Shown, TextBlock
from .contacts import Contact, unknown_contact_message
from .problems import Problems
from .schema import ContentModel, Text, validate
from .source import ContentSyntaxError, parse_yaml

SCENARIO = "scenario"
SCENARIO_PARTS = ("asks", "say", "do")


class ScenarioOptions(ContentModel):
    """the options of a scenario: 'contacts'"""

    contacts: list[Text] = Field(default_factory=list, description="a list of contact ids "
                                 "from toolkits/contacts.yml, for example [hotline-mia]")


@dataclass(frozen=True)
class Scenario:
    title: str
    line: int
    # The contacts to refer the person to, in the order written (unknown ids are reported
    # by the loader and left out).
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario block as read: the scenario (None: its options are unreadable, reported)
    and every contact id it names, known or not (to tell which contacts are used)."""

    block: TextBlock
    scenario: Scenario | None
    referred: frozenset[str]

    @property
    def shown(self) -> Shown:
        """As its page shows it (see blocks.Shown)."""
        return Shown(SCENARIO, self.block.line, self.block.argument, self.scenario)


def scenarios_in(blocks: list[TextBlock], file: str, contacts: Mapping[str, Contact],
                 problems: Problems) -> list[LoadedScenario]:
    """Every scenario among a text's blocks, in reading order, checked."""
    return [_scenario(block, blocks, file, contacts, problems)
            for block in blocks if block.name == SCENARIO]


def _scenario(scenario: TextBlock, blocks: list[TextBlock], file: str,
              contacts: Mapping[str, Contact], problems: Problems) -> LoadedScenario:
    where = f"the scenario '{scenario.argument}'"
    if not scenario.argument:
        problems.add(file, scenario.line, "this scenario has no title: write it after "
                     "'/// scenario | '.")
    parts = [b.name for b in blocks if b.parents and b.parents[-1] is scenario]
    for part in SCENARIO_PARTS:
        if parts.count(part) != 1:
            problems.add(file, scenario.line, f"{where} needs exactly one '/// {part}' part "
                         f"(it has {parts.count(part)}): a scenario has '/// asks' (what the "
                         "person asks), '/// say' (what you say) and '/// do' (what you do).")
    try:
        source = parse_yaml(scenario.options or "{}", first_line=scenario.options_line or scenario.line)
    except ContentSyntaxError as error:
        problems.add(file, error.line, f"the options of {where}: {error.message}")
        return LoadedScenario(scenario, None, frozenset())
    found = Problems()
    options = validate(ScenarioOptions, source, file, found)
    for problem in found:
        problems.add(problem.file, problem.line, f"{where}: {problem.message}")
    referred = list(options.contacts if options else ())
    for contact_id in sorted(set(referred) - set(contacts)):
        problems.add(file, scenario.options_line or scenario.line,
                     f"{where}: {unknown_contact_message(contact_id, contacts)}")
    known = tuple(dict.fromkeys(c for c in referred if c in contacts))
    return LoadedScenario(scenario, Scenario(scenario.argument, scenario.line, known),
                          frozenset(referred))
