"""The site's own interface strings in every language (interface.yml beside this file)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .domain.plain_words import Notes
from .domain.source import YAML_LOADER

STRINGS_FILE = Path(__file__).with_name("interface.yml")


@cache
def _strings() -> dict[str, dict[str, str]]:
    return yaml.load(STRINGS_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER)


def text(key: str, language: str, **values) -> str:
    """The interface string `key` in `language` (English where a language lacks it)."""
    entry = _strings()[key]
    return entry.get(language, entry["en"]).format(**values)


def plain_notes(language: str) -> Notes:
    """The notes that mark, in plain words, what the site marks on its pages."""
    return Notes(to_confirm=text("number_to_confirm", language),
                 to_validate=text("to_validate", language))


def missing_translations(languages: tuple[str, ...]) -> list[str]:
    """'key (lang)' for every interface string not given in one of `languages`."""
    return [f"{key} ({lang})" for key, entry in _strings().items()
            for lang in languages if lang not in entry]


def browser_strings(language: str) -> dict[str, str]:
    """The strings the browser scripts use ('js_' keys, without the prefix)."""
    return {key[3:]: entry.get(language, entry["en"])  # {placeholders} are filled in there
            for key, entry in _strings().items() if key.startswith("js_")}


def page_strings(prefix: str, language: str) -> dict[str, str]:
    """A page's own strings for its script: the keys starting with `prefix` (without it),
    {placeholders} left for the script to fill."""
    return {key[len(prefix):]: entry.get(language, entry["en"])
            for key, entry in _strings().items() if key.startswith(prefix)}
