"""The confidentiality check: no personal data of real people reaches the published site.

Case reports were once sent out with victims' full names. Before anything is published the
build looks in every Markdown file and data file of curriculum/ and toolkits/ for what
identifies a person: phone numbers and e-mail addresses outside the contacts directory,
passport and ID-card numbers, dates of birth, and stories about a named person that are not
marked as (fictional) case studies. Each finding is a content problem with file, line and
what to do, so a strict build (`make site`) stops.

The findings are declared in RULES below (name, pattern, message, where it applies); the
code only applies them.

Reviewed exceptions: curriculum/confidentiality-allow.yml
---------------------------------------------------------
A string that was reported, checked by a person and found safe to publish (the public
number of a shelter, a specimen passport number printed in an official leaflet) is listed
there; the exact text as the build quoted it is then no longer reported. The file is a list
of entries, each with all four keys:

    - text: "012 465 90 71"          # exactly as quoted in the build's message
      reason: the public number of the Baku shelter, printed on its leaflets
      reviewed_by: Aynur Mammadova, national coordinator's office
      date: 2026-05-04                # the day of the review, YYYY-MM-DD

The file is not published (*.yml files are left out of the site).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from pydantic import Field

from .blocks import scan_blocks
from .contacts import Contact
from .decisions import DECISION_INFO
from .flowcharts import fenced_flowcharts
from .problems import Problems
from .schema import ContentModel, Text, validate
from .source import ContentSyntaxError, display_path, read_yaml_file

ALLOW_FILE = "confidentiality-allow.yml"  # in curriculum/
CASE_STUDY = ("case", "decision")  # a ```decision exercise is a fictional case too
# Blocks that may tell of a fictional person (pseudonym and age): a case study, a quiz
# question's situation, a road-map scenario, a decision exercise. Outside them such a story
# is probably a case study written without its block.
STORY_BLOCKS = ("case", "quiz", "scenario", "decision")

# -- the vocabulary of the patterns ---------------------------------------------------------
_NOT_AFTER = r"(?<![\w+/.@-])"  # not the middle of a word, a URL, a number or an address
_NOT_BEFORE = r"(?![\w/@]|[.,-]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
_MONTH_NAMES = "|".join(sorted((  # the longest first: 'mart' before 'mar'
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "yanvar fevral mart aprel iyun iyul avqust sentyabr oktyabr noyabr dekabr "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split(), key=len, reverse=True))
_FULL_DATE = (
    rf"(?<![\d.])(?:{_DAY}[./-]{_MONTH}[./-]{_YEAR}"  # 12.03.2005, 12/03/2005
    rf"|{_YEAR}-{_MONTH}-{_DAY}"  # 2005-03-12
    rf"|{_DAY}\s+(?i:{_MONTH_NAMES})\.?,?\s+{_YEAR}"  # 12 March 2005, 12 марта 2005
    rf"|{_YEAR}(?:-c[iıuü])?\s+(?:il\s+)?{_DAY}\s+(?i:{_MONTH_NAMES})\b"  # 2005-ci il 12 mart
    rf"|(?i:{_MONTH_NAMES})\.?\s+{_DAY},?\s+{_YEAR})(?!\d|\.\d)")  # March 12, 2005
_BIRTH = (r"(?i:born|DOB|D\.O\.B\.|date\s+of\s+birth|birth\s*date|birthday|doğum\w*|"
          r"doğul\w*|təvəllüd\w*|anadan\s+olub|родил\w*|рожд\w*)")
_PHONE = (
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"  # +994 12 465 90 71
    r"|\(?0\d{2}\)?[\s-]?\d{3}(?:[\s-]?\d{2}[\s-]?\d{2}|[\s-]?\d{4})"  # 012 465 90 71, (012) 4659071
    r"|(?:\(\d{2}\)\s?|\d{2}\s)?\d{3}[\s-]\d{2}[\s-]\d{2}")  # 465-90-71, (50) 123 45 67
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
_DOCUMENT = (r"(?:(?i:passport|pasport|identity\s+card|şəxsiyyət\s+vəsiqə|паспорт|"
             r"удостоверени[ея]\s+личности)\w*|ID(?:\s*card)?)")
_NUMBER_WORD = r"(?:(?i:no|nr|number|nömrəsi|серия|серии|series)\.?|№|#|:)"
_DOCUMENT_NUMBER = r"[A-ZА-Я]{0,3}[\s-]?\d(?:[\s-]?\d){5,}"  # after 'passport' etc.
_PASSPORT = r"AZE[\s-]?\d{8}|[A-Z]{1,2}[\s-]?\d{6,9}"  # AZE 12345678, AA1234567
_CAPITALISED = r"[A-ZА-ЯЁƏÖÜÇŞĞİ][a-zа-яёəöüçşğıi̇]+"
_PSEUDONYM = (r"(?i:a\s+pseudonym|pseudonym|not\s+(?:his|her|their)\s+real\s+name|"
              r"şərti\s+ad|имя\s+вымышленное|псевдоним)")
_NAMED_PERSON = rf"[\"“«„](?P<found>{_CAPITALISED})[\"”»“]|(?P<name>{_CAPITALISED})\s*\({_PSEUDONYM}\)"
# An age said of a person: 16-year-old, aged 19, "Leyla", 16, ...; 16 yaşlı; 16 лет, 23-летняя.
_AGE = (r"(?<!\d)\d{1,2}(?:[-\s]years?[-\s]old\b|\s+yaş\w*|-летн\w*|\s+(?:лет|год|года)\b)"
        r"|\b(?i:aged)\s+\d{1,2}\b"
        r"|(?<=,\s)\d{1,2}(?=\s*[,.;)])")

# -- what is reported -------------------------------------------------------------------------
ALLOW_HINT = (" If a person has checked that it may be published, list it in curriculum/"
              f"{ALLOW_FILE} (text, reason, reviewed_by, date).")
USE_THE_DIRECTORY = ("For a service, add it to toolkits/contacts.yml and write "
                     "{{{{contact:<id>}}}} instead.")
NO_DOCUMENT_NUMBERS = ("Never publish a real document number: remove it (in an example write "
                       "'AA' followed by Xs).")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # the named group that matched, if any, is what is quoted
    message: str  # what was found and what to do; {found} is the text found
    only_in: tuple[str, ...] = ()  # reported only inside these blocks
    not_in: tuple[str, ...] = ()  # not reported inside these blocks
    also: str | None = None  # must also occur in the same paragraph
    unless: Callable[[str, Mapping[str, Contact]], bool] | None = None  # e.g. a known contact

    @cached_property
    def found(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @cached_property
    def together_with(self) -> re.Pattern[str] | None:
        return re.compile(self.also) if self.also else None


def _is_directory_phone(found: str, contacts: Mapping[str, Contact]) -> bool:
    """Same number as a contact, however it is written (+994 12..., 012..., 12...), also
    without the area code (465 90 71)."""
    number = _national(found)
    return any(_national(contact.phone).endswith(number) for contact in contacts.values())


def _national(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[3:] if digits.startswith("994") else digits.lstrip("0")


def _is_directory_email(found: str, contacts: Mapping[str, Contact]) -> bool:
    return any((contact.email or "").lower() == found.lower() for contact in contacts.values())


RULES: tuple[Rule, ...] = (
    Rule("phone number", rf"{_NOT_AFTER}(?P<found>{_PHONE}){_NOT_BEFORE}",
         "the phone number '{found}' is not in the contacts directory. Never publish a "
         "person's number: remove it. " + USE_THE_DIRECTORY, unless=_is_directory_phone),
    Rule("e-mail address", rf"(?<![\w.+-])(?P<found>{_EMAIL})\b",
         "the e-mail address '{found}' is not in the contacts directory. Never publish a "
         "person's address: remove it. " + USE_THE_DIRECTORY, unless=_is_directory_email),
    Rule("document number", rf"{_DOCUMENT}\s*(?:{_NUMBER_WORD}\s*)*(?P<found>{_DOCUMENT_NUMBER})",
         "'{found}' looks like the number of a passport or identity document. "
         + NO_DOCUMENT_NUMBERS),
    Rule("passport number", rf"{_NOT_AFTER}(?P<found>{_PASSPORT}){_NOT_BEFORE}",
         "'{found}' looks like a passport or ID-card number. " + NO_DOCUMENT_NUMBERS),
    Rule("date of birth", rf"{_BIRTH}[\s\S]{{0,40}}?(?P<found>{_FULL_DATE})"
                          rf"|(?P<date>{_FULL_DATE})[\s\S]{{0,25}}?{_BIRTH}",
         "'{found}' looks like a date of birth. Remove it: an age ('19') is all a training "
         "needs, a date of birth identifies a person."),
    Rule("date in a case study", _FULL_DATE,
         "'{found}' is a full date in a case study. Case studies are fictional: give no full "
         "dates (write 'last spring', 'three weeks ago') so that no real case can be recognised.",
         only_in=CASE_STUDY),
    Rule("story without a case block", _NAMED_PERSON,
         "probably a case study: this paragraph tells of '{found}' and gives an age. Put a "
         "case study in a '/// case | Title' block (people in it have pseudonyms only); if "
         "it is about a real person, remove the name and the age.",
         not_in=STORY_BLOCKS, also=_AGE),
)


def check_confidentiality(texts: Iterable[tuple[str, int, str]], contacts: Mapping[str, Contact],
                          allowed: set[str], problems: Problems) -> None:
    """Report personal data in `texts` ((file as the author sees it, first line, text), as
    content_texts gives them), except the `allowed` strings and the directory's contacts."""
    for file, first_line, text in texts:
        for paragraph in _paragraphs(text, first_line):
            _check_paragraph(paragraph, file, contacts, allowed, problems)


@dataclass(frozen=True)
class _Paragraph:
    line: int
    text: str
    blocks: frozenset[str]  # the names of the blocks it is in


def _check_paragraph(paragraph: _Paragraph, file: str, contacts: Mapping[str, Contact],
                     allowed: set[str], problems: Problems) -> None:
    taken: list[range] = []  # one finding per piece of text (a passport after 'passport:')
    for rule in RULES:
        if rule.only_in and not paragraph.blocks & set(rule.only_in):
            continue
        if paragraph.blocks & set(rule.not_in):
            continue
        if rule.together_with and not rule.together_with.search(paragraph.text):
            continue
        for match in rule.found.finditer(paragraph.text):
            group = next((g for g, v in match.groupdict().items() if v), None)
            found, start = (match[group], match.start(group)) if group else (match[0], match.start())
            span = range(start, start + len(found))
            if found in allowed or any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            if rule.unless is not None and rule.unless(found, contacts):
                continue
            taken.append(span)
            line = paragraph.line + paragraph.text.count("\n", 0, start)
            problems.add(file, line, rule.message.format(found=found) + ALLOW_HINT)
            if rule.also:
                break  # a finding about the paragraph: once is enough


def _paragraphs(text: str, first_line: int) -> Iterator[_Paragraph]:
    """Runs of non-blank lines in the same blocks (a block's first line belongs to it)."""
    blocks_at = _blocks_by_line(text, first_line)
    lines: list[str] = []
    start = first_line
    for number, line in enumerate(text.splitlines() + [""], first_line):
        if lines and (not line.strip() or blocks_at.get(number) != blocks_at.get(start)):
            yield _Paragraph(start, "\n".join(lines), blocks_at.get(start, frozenset()))
            lines = []
        if line.strip():
            start = number if not lines else start
            lines.append(line)


def _blocks_by_line(text: str, first_line: int) -> dict[int, frozenset[str]]:
    """line -> the names of the blocks it is in, for the lines inside blocks.

    scan_blocks gives each block's content lines in order; they are found again in the text
    one after the other, starting after the block's opening line."""
    lines = text.splitlines()
    found: dict[int, frozenset[str]] = {}
    for block in scan_blocks(text, first_line):  # outer blocks first, inner ones refine
        names = frozenset(b.name for b in (*block.parents, block))
        found[block.line] = names
        index = block.line - first_line + 1
        for content in block.content:
            while index < len(lines) and lines[index] != content:
                index += 1
            found[index + first_line] = names
            index += 1
    for line, yaml_text in fenced_flowcharts(text, first_line, DECISION_INFO):
        for number in range(line, line + yaml_text.count("\n") + 3):  # with both fences
            found[number] = found.get(number, frozenset()) | {"decision"}
    return found


# -- reading what is checked ----------------------------------------------------------------
# Written by `make translations`: a fingerprint of digits could look like a phone number.
_NOT_CHECKED = re.compile(r"^translated_from:.*$", re.MULTILINE)


def content_texts(content_dir: Path, toolkits_dir: Path,
                  root: Path) -> Iterator[tuple[str, int, str]]:
    """Every Markdown and data file of curriculum/ and toolkits/, whole (front matter too),
    except the contacts directory (its numbers are the published ones) and the allow-list."""
    skipped = {toolkits_dir / "contacts.yml", content_dir / ALLOW_FILE}
    for folder in (content_dir, toolkits_dir):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".md", ".yml", ".yaml") and path not in skipped and path.is_file():
                text = path.read_text(encoding="utf-8-sig")
                yield display_path(path, root), 1, _NOT_CHECKED.sub("translated_from:", text)


class AllowedText(ContentModel):
    """an entry with 'text', 'reason', 'reviewed_by' and 'date'"""

    text: Text = Field(description="the exact text as the build quoted it, in quotes")
    reason: Text = Field(description="why it may be published, in a few words")
    reviewed_by: Text = Field(description="who checked it (name and office)")
    date: datetime.date = Field(description="the day it was checked, as YYYY-MM-DD")


def load_allowed(path: Path, root: Path, problems: Problems) -> set[str]:
    """The reviewed strings of the allow-list (none if the file does not exist)."""
    display = display_path(path, root)
    if not path.exists():
        return set()
    try:
        source = read_yaml_file(path)
    except ContentSyntaxError as error:
        problems.add(display, error.line, error.message)
        return set()
    if source.data is None:
        return set()
    if not isinstance(source.data, list):
        problems.add(display, 1, "this file must be a list of reviewed texts, each starting "
                     "with '- text: ' followed by 'reason:', 'reviewed_by:' and 'date:'.")
        return set()
    allowed = set()
    for index in range(len(source.data)):
        entry = validate(AllowedText, source.at(index), display, problems,
                         prefix=(f"entry {index + 1}",))
        if entry is not None:
            allowed.add(entry.text)
    return allowed
