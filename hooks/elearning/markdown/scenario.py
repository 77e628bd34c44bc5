"""`/// scenario | title` with `/// asks`, `/// say`, `/// do` parts: the counsellors' road map.

On screen each scenario is a disclosure the counsellor opens (keyboard and screen readers
handle <details> natively, no script); Material opens every <details> for printing.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block, type_string_delimiter

from .. import interface
from ..domain.scenarios import SCENARIO, SCENARIO_PARTS
from .contact_reference import phone_element
from .extension import BlockExtension


def type_contact_ids(value) -> list[str]:
    """`contacts: [a, b]` (a YAML list) or `contacts: a, b`: read here only where no loaded
    scenario is shown (a page that is no module or toolkit item, such as a guide)."""
    if isinstance(value, list):
        return [str(item).strip() for item in value]
    return type_string_delimiter(",")(value)


class Scenario(Block):
    NAME = SCENARIO
    ARGUMENT = True
    OPTIONS = {"contacts": ([], type_contact_ids)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = self.config["state"]
        # The scenario the loader read (its title and contacts), in a module or toolkit item.
        self.loaded = state.take(SCENARIO, self.argument,
                                 f"the scenario '{self.argument.strip()[:60]}'")
        self.refer: etree.Element | None = None
        scenario = etree.SubElement(parent, "details", {"class": "scenario"})
        summary = etree.SubElement(scenario, "summary")
        summary.text = self.loaded.title if self.loaded else self.argument
        return scenario

    def on_end(self, block: etree.Element) -> None:
        # Called again after each part (a nested block closed with as many slashes): the
        # contacts are added once and kept last.
        if self.refer is not None:
            block.remove(self.refer)
            block.append(self.refer)
            return
        state = self.config["state"]
        ids = self.loaded.contacts if self.loaded else self.options["contacts"]
        contacts = [state.contacts[c] for c in ids if c in state.contacts]
        if not contacts:
            return
        refer = self.refer = etree.SubElement(block, "div",
                                              {"class": "scenario__part scenario__refer"})
        label = etree.SubElement(refer, "p", {"class": "scenario__label"})
        label.text = interface.text("scenario_refer", state.language)
        listing = etree.SubElement(refer, "ul")
        for contact in contacts:
            item = etree.SubElement(listing, "li")
            item.text = contact.name[state.language] + (": " if contact.phone else " ")
            phone_element(item, contact, state.language)
            if not contact.verified and contact.phone is not None:
                note = etree.SubElement(item, "span", {"class": "to-validate__note"})
                note.text = f" ({interface.text('to_validate', state.language)})"


def _part(name: str) -> type[Block]:
    """A labelled part of a scenario: what the person asks, what to say, what to do."""

    class Part(Block):
        NAME = name
        ARGUMENT = None
        OPTIONS = {}

        def on_create(self, parent: etree.Element) -> etree.Element:
            part = etree.SubElement(parent, "div", {"class": f"scenario__part scenario__{name}"})
            label = etree.SubElement(part, "p", {"class": "scenario__label"})
            label.text = interface.text(f"scenario_{name}", self.config["state"].language)
            return part

    Part.__name__ = f"Scenario{name.title()}"
    return Part


class ScenarioExtension(BlockExtension):
    BLOCKS = (Scenario, *(_part(name) for name in SCENARIO_PARTS))
