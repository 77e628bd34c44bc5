"""The glossary (curriculum/glossary.yml): terms and abbreviations in every language, shown
as tooltips wherever the term appears and listed on the glossary page."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from pydantic import Field

from .problems import Problems
from .schema import ContentModel, Text, is_valid_id, validate
from .source import ContentSyntaxError, display_path, read_yaml_file


class TermText(ContentModel):
    """a term in one language: 'term' and 'meaning'"""

    term: Text = Field(description="the term or abbreviation exactly as written in the text")
    meaning: Text = Field(description="one or two plain sentences saying what it means")


@dataclass(frozen=True)
class Term:
    id: str
    texts: Mapping[str, TermText]  # by language


def load_glossary(path: Path, root: Path, languages: tuple[str, ...],
                  problems: Problems) -> list[Term]:
    display = display_path(path, root)
    if not path.exists():
        return []
    try:
        source = read_yaml_file(path)
    except ContentSyntaxError as error:
        problems.add(display, error.line, error.message, stops=True)
        return []
    if not isinstance(source.data, dict):
        problems.add(display, 1, "the glossary must list terms as '<id>:' followed by "
                     "'en:', 'az:', 'ru:', each with 'term' and 'meaning'.", stops=True)
        return []
    terms = []
    for term_id, entry in source.data.items():
        where = source.line_of((term_id,))
        if not is_valid_id(term_id) or not isinstance(entry, dict):
            problems.add(display, where, f"'{term_id}' must be a lower-case id followed by "
                         "'en:', 'az:', 'ru:', each with 'term' and 'meaning'.")
            continue
        texts = {}
        for language in languages:
            if language not in entry:
                problems.add(display, where, f"the term '{term_id}' has no '{language}:' text: "
                             "add its term and meaning in that language.")
                continue
            text = validate(TermText, source.at(term_id).at(language), display, problems,
                            prefix=(term_id, language))
            if text is not None:
                texts[language] = text
        if len(texts) == len(languages):
            terms.append(Term(term_id, texts))
    return terms
