"""Audiences: the target groups. Each one gets a course, a toolkit and a one-pager."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .languages import Translated
from .problems import Problems
from .schema import ContentModel, validate_entries
from .source import ContentSyntaxError, read_yaml_file

ALL = "all"  # in `audiences:` lists: every audience


class AudienceEntry(ContentModel):
    """an entry with 'name' and 'description' in every language"""

    name: Translated = Field(description="the audience's name in every language (en, az, ru)")
    description: Translated = Field(
        description="one sentence in every language saying what the course gives this group")
    pass_mark: int = Field(80, ge=1, le=100, description=(
        "the final-test score in percent needed for the certificate, a whole number from 1 to 100"))


@dataclass(frozen=True)
class Audience:
    id: str
    name: dict[str, str]
    description: dict[str, str]
    pass_mark: int


def load_audiences(path: Path, display: str, languages: tuple[str, ...],
                   problems: Problems) -> dict[str, Audience]:
    try:
        source = read_yaml_file(path)
    except FileNotFoundError:
        problems.add(display, None, "this file is missing: it lists the audiences (courses).",
                     stops=True)
        return {}
    except ContentSyntaxError as error:  # stops: nothing tagged for audiences can be checked
        problems.add(display, error.line, error.message, stops=True)
        return {}
    if not isinstance(source.data, dict) or not source.data:
        problems.add(display, 1, "this file must list at least one audience: "
                     "'<id>:' followed by its 'name' and 'description'.", stops=True)
        return {}
    entries = validate_entries(source, AudienceEntry, display, problems, {"languages": languages},
                               what="audience", example="law-enforcement")
    return {audience_id: Audience(audience_id, e.name, e.description, e.pass_mark)
            for audience_id, e in entries.items()}


def unknown_audience_message(audience_id: str, known: dict[str, Audience] | list[str]) -> str:
    return (f"'{audience_id}' is not an audience. Valid audiences: {', '.join(known)}, or "
            f"'{ALL}' (they are defined in curriculum/audiences.yml).")

