"""Toolkits: the printable tools of each audience (one-pager, checklists, road map, ...).

Toolkit items are documents like modules (toolkits/<slug>.md plus translations), tagged by
audience and assembled per audience by the same mechanism as courses (tagging.for_audience).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import Field

from .audiences import Audience
from .blocks import Shown, shown_on_page
from .cases import cases_in, trainer_notes_in
from .cases import shown as shown_cases_and_notes
from .contacts import Contact, check_references
from .documents import Translatable, checked_blocks, discover, load_versions
from .decisions import DECISION, DECISION_INFO
from .quizzes import QUIZ, report_outside_module
from .flowcharts import (LoadedFlowchart, check_translated_flowcharts,
                         fenced_flowcharts, flowcharts_in)
from .problems import Problems
from .scenarios import scenarios_in
from .schema import ContentModel, Text
from .source import MarkdownSource
from .tagging import AudienceIds, for_audience

Kind = Literal["one-pager", "checklist", "session-plan", "road-map", "booklet", "handout"]
TABLE_ROW = re.compile(r"^\s*\|(?P<first>[^|]*)\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
# A one-pager with more than this is unlikely to fit one A4 page in the longer languages.
ONE_PAGER_MAX_WORDS = 260
ONE_PAGER_MAX_STEPS = 10


class ItemMeta(ContentModel):
    """the front matter of a toolkit item"""

    title: Text = Field(description="the item's title, as text")
    audiences: AudienceIds = Field(
        description="'all' or a list of audience ids, for example [municipalities, employers]")
    kind: Kind = Field(description="one of one-pager, checklist, session-plan, road-map, "
                       "booklet, handout")
    order: int | None = Field(None, description="a whole number (items are listed by order)")
    duration: int | None = Field(None, gt=0, description="the whole session in minutes (session "
                                 "plans only): the minutes of the agenda's parts add up to it")


class ItemTranslationMeta(ContentModel):
    """the front matter of a toolkit item's translation"""

    title: Text = Field(description="the item's title in this language")
    audiences: Any = Field(None, description="nothing (it comes from the English file)")
    kind: Any = Field(None, description="nothing (it comes from the English file)")
    order: Any = Field(None, description="nothing (it comes from the English file)")
    duration: Any = Field(None, description="nothing (it comes from the English file)")
    translated_from: str | None = Field(
        None, description="the short fingerprint of the English text this translation was "
        "made from (written by `make translations`)")


@dataclass(frozen=True)
class ItemText:
    language: str
    title: str
    body: str
    file: str
    body_line: int
    translated_from: str | None = None
    flowcharts: tuple[LoadedFlowchart, ...] = ()  # every flowchart fence, as loaded
    contacts_used: frozenset[str] = frozenset()
    # What a page showing this text shows, as loaded, in reading order (as ModuleText.shown):
    # its scenarios, case studies and audience passages; its questions and decision fences
    # with no object (they belong in modules: reported, shown as written).
    shown: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class ToolkitItem(Translatable):
    slug: str
    audiences: tuple[str, ...]
    kind: str
    order: int | None
    texts: Mapping[str, ItemText]
    source_language: str
    duration: int | None = None  # session plans: minutes


@dataclass(frozen=True)
class Toolkit:
    """What one audience gets: its one-pager, the other items in order, its contacts."""

    audience: Audience
    one_pager: ToolkitItem | None
    items: tuple[ToolkitItem, ...]  # the others, in order
    contacts: tuple[Contact, ...]

    @property
    def id(self) -> str:
        return self.audience.id

    @property
    def in_mini_toolkit(self) -> tuple[ToolkitItem, ...]:
        """The items the mini-toolkit joins, in its order: the one-pager first."""
        return ((self.one_pager,) if self.one_pager else ()) + self.items

    @property
    def session_plans(self) -> tuple[ToolkitItem, ...]:
        """The items the facilitator guide joins, in its order."""
        return tuple(item for item in self.items if item.kind == "session-plan")


def load_toolkit_items(folder: Path, root: Path, languages: tuple[str, ...],
                       audiences: Mapping[str, Audience], contacts: Mapping[str, Contact],
                       problems: Problems) -> dict[str, ToolkitItem]:
    if not folder.is_dir():
        return {}
    files = discover(folder, root, languages, problems, what="toolkit item",
                     example="one-pager-employers.md")
    context = {"audiences": audiences, "languages": languages}
    items = {}
    for slug, by_language in files.items():
        item = _load_item(slug, by_language, root, languages[0], context, contacts, problems)
        if item is not None:
            items[slug] = item
    return items


def _load_item(slug, by_language, root, source_language, context, contacts, problems):
    def findings(source: MarkdownSource, file: str, english):
        charts, used, shown = _check_body(source, file, context["audiences"], contacts,
                                          problems)
        if english is not None:
            check_translated_flowcharts(charts, english[0], file, problems)
        return charts, used, shown

    versions = load_versions(slug, by_language, root, source_language,
                             (ItemMeta, ItemTranslationMeta),
                             ("audiences", "kind", "order", "duration"), context, problems, findings)
    if not versions:
        return None
    meta = versions[source_language].meta
    if meta.kind == "session-plan":
        _check_agendas(meta.duration, versions, source_language, problems)
    texts = {language: ItemText(language, v.meta.title, v.source.body, v.file,
                                v.source.body_line, getattr(v.meta, "translated_from", None),
                                tuple(v.body[0]), frozenset(v.body[1]), v.body[2])
             for language, v in versions.items()}
    item = ToolkitItem(slug, meta.audiences, meta.kind, meta.order, texts, source_language,
                       meta.duration)
    if item.kind == "one-pager":
        for text in texts.values():
            _warn_if_long(text, problems)
    return item


def _check_body(source: MarkdownSource, display: str, audiences, contacts, problems):
    """Blocks, scenarios, contact references and flowcharts of an item's text.
    Returns its flowcharts, the contacts it refers to and what its page shows."""
    used = check_references(source.body, display, source.body_line, contacts, problems)
    blocks = checked_blocks(source, display, audiences, problems)
    report_outside_module(blocks, display, problems)
    scenarios = scenarios_in(blocks, display, contacts, problems)
    for loaded in scenarios:
        used |= loaded.referred
    charts = flowcharts_in(source.body, source.body_line, display, contacts, problems)
    decisions = fenced_flowcharts(source.body, source.body_line, DECISION_INFO)
    for line, _ in decisions:
        problems.add(display, line, "a decision exercise belongs in a module (its progress "
                     "counts there): move it to the module of this audience.")
    used |= {step.contact for _, chart, _ in charts if chart for step in chart.steps
             if step.contact}
    shown = shown_on_page(
        blocks, (Shown(QUIZ, b.line, b.argument, None) for b in blocks if b.name == QUIZ),
        (Shown(DECISION, line, text, None) for line, text in decisions),
        (s.shown for s in scenarios),
        shown_cases_and_notes(blocks, cases_in(blocks, display, problems),
                              trainer_notes_in(blocks, display, problems)))
    return charts, used, shown


def agenda(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """A session plan's agenda: the first column of the first table in `body`, as
    (line, text) for each row below the header. Empty if the text has no table."""
    lines = body.splitlines()
    for index in range(len(lines) - 1):
        if TABLE_ROW.match(lines[index]) and TABLE_RULE.match(lines[index + 1]):
            rows = []
            for offset, line in enumerate(lines[index + 2:], start=index + 2):
                row = TABLE_ROW.match(line)
                if row is None:
                    break
                rows.append((first_line + offset, row["first"].strip()))
            return rows
    return []


def _check_agendas(duration: int | None, versions, source_language: str,
                   problems: Problems) -> None:
    """The parts of a session plan add up to its duration, with the same timings in every
    language (a trainer running the az plan keeps the en plan's clock)."""
    english = versions[source_language]
    if duration is None:
        problems.add(english.file, english.source.meta.line_of(("kind",)),
                     "a session plan needs 'duration:' in its front matter: the whole session "
                     "in minutes, for example 'duration: 180'.")
    timings = {}
    for language, version in versions.items():
        where = version.file
        rows = agenda(version.source.body, version.source.body_line)
        if not rows:
            problems.add(where, version.source.body_line, "a session plan needs an agenda: a "
                         "table whose first column gives each part's minutes (| 15 | Pre-test "
                         "| ... |).")
            continue
        minutes = []
        for line, cell in rows:
            if not cell.isdigit() or int(cell) == 0:
                problems.add(where, line, f"the agenda's first column gives each part's minutes "
                             f"as a whole number (you wrote '{cell}'), for example '15'.")
            else:
                minutes.append(int(cell))
        if len(minutes) != len(rows):
            continue
        timings[language] = minutes
        if duration is not None and sum(minutes) != duration:
            problems.add(where, rows[0][0], f"the agenda's parts add up to {sum(minutes)} minutes, "
                         f"but 'duration' says {duration}: make them agree.")
    reference = timings.get(source_language)
    for language, minutes in timings.items():
        if reference is not None and language != source_language and minutes != reference:
            version = versions[language]
            problems.add(version.file, version.source.body_line,
                         f"the agenda's minutes ({', '.join(map(str, minutes))}) differ from the "
                         f"English plan's ({', '.join(map(str, reference))}): a translation "
                         "keeps the same parts and timings.")


def _warn_if_long(text: ItemText, problems: Problems) -> None:
    words = len(text.body.split())
    steps = max((len(chart.steps) for _, chart, _ in text.flowcharts if chart), default=0)
    if words > ONE_PAGER_MAX_WORDS or steps > ONE_PAGER_MAX_STEPS:
        problems.add(text.file, None, f"this one-pager is likely to overflow one A4 page "
                     f"({words} words, {steps} flowchart steps; keep it under "
                     f"{ONE_PAGER_MAX_WORDS} words and {ONE_PAGER_MAX_STEPS} steps): shorten it.")


def assemble_toolkits(audiences: Mapping[str, Audience], items: Mapping[str, ToolkitItem],
                      contacts: Mapping[str, Contact], problems: Problems,
                      items_file: str) -> list[Toolkit]:
    toolkits = []
    for audience in audiences.values():
        chosen = for_audience(items.values(), audience.id)
        one_pagers = [item for item in chosen if item.kind == "one-pager"]
        if len(one_pagers) > 1:
            problems.add(items_file, None, f"the audience '{audience.id}' has "
                         f"{len(one_pagers)} one-pagers ({', '.join(i.slug for i in one_pagers)}): "
                         "tag only one item of kind one-pager for each audience.")
        # No one-pager yet is not an error: reports.audience_gaps lists it for the maintainers.
        one_pager = one_pagers[0] if one_pagers else None
        others = tuple(item for item in chosen if item is not one_pager)
        shown = tuple(c for c in contacts.values() if audience.id in c.audiences)
        toolkits.append(Toolkit(audience, one_pager, others, shown))
    return toolkits
