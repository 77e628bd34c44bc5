"""The confidentiality check: no personal data of real people reaches the published site.

Case reports were once sent out with victims' full names. Before anything is published the
build looks in every text file of curriculum/ and toolkits/ (whatever its extension or folder:
what is there is published or feeds a published page, so the search index too) and in the
guides published from docs/ for what identifies a person: full names, phone numbers and
e-mail addresses (also obfuscated) outside the contacts directory, passport, ID-card and FIN
numbers, dates of birth, and stories about a named person that are not marked as (fictional)
case studies. A personal-mobile number in the contacts directory needs a reviewed entry. Each
finding is a content problem with file, line and what to do, so a strict build stops.

The findings are declared in RULES below (name, pattern, message, where it applies); the
code only applies them.

Pseudonyms: inside a case, quiz or scenario block a full name is accepted when the file marks
it as a pseudonym, by writing it in quotes followed by "(a pseudonym)" ("(şərti ad)", "(имя
вымышленное)"); outside those blocks a full name is always reported.

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

from .blocks import FENCE, scan_blocks
from .contacts import Contact
from .decisions import DECISION_INFO
from .flowcharts import fenced_flowcharts
from .problems import Problems
from .schema import ContentModel, Text, validate
from .source import ContentSyntaxError, display_path, read_yaml_file

ALLOW_FILE = "confidentiality-allow.yml"  # in curriculum/
CASE_STUDY = ("case", "decision")  # a ```decision exercise is a fictional case too
# Blocks that may tell of a fictional person (pseudonym and age): a case study, a quiz or
# test question's situation, a road-map scenario, a decision exercise. Outside them such a
# story is probably a case study written without its block.
STORY_BLOCKS = ("case", "quiz", "test-question", "scenario", "decision")

# -- the vocabulary of the patterns ---------------------------------------------------------
_NOT_AFTER = r"(?<![\w+/.@-])"  # not the middle of a word, a URL, a number or an address
_NOT_BEFORE = r"(?![\w/@]|[.,\-–—]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
_MONTH_NAMES = "|".join(sorted((  # the longest first: 'mart' before 'mar'
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "yanvar fevral mart aprel iyun iyul avqust sentyabr oktyabr noyabr dekabr "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "янв фев мар апр авг сен сент окт ноя дек"
).split(), key=len, reverse=True))
_MONTH_NAME = rf"(?i:{_MONTH_NAMES})\.?"
_ORDINAL = r"(?:st|nd|rd|th|-?ci|-?cı|-?cu|-?cü|-?го|-?е)?"
_FULL_DATE = (
    rf"(?<![\d.])(?:{_DAY}\s?[./\-–]\s?{_MONTH}\s?[./\-–]\s?{_YEAR}"  # 12.03.2005, 12/03/2005
    rf"|{_YEAR}[-./]{_MONTH}[-./]{_DAY}"  # 2005-03-12, 2005.03.12
    rf"|{_DAY}{_ORDINAL}\s*(?:of\s+)?[-\s]?{_MONTH_NAME},?[-\s]\s*{_YEAR}"  # 12 March 2005, 12-Mar-2005
    rf"|{_YEAR}(?:-c[iıuü])?\s+(?:il\s+)?{_DAY}\s+{_MONTH_NAME}(?!\w)"  # 2005-ci il 12 mart
    rf"|{_MONTH_NAME}\s+{_DAY}{_ORDINAL},?\s+{_YEAR})(?!\d|\.\d)")  # March 12th, 2005
# With a birth word nearby, a day and month are enough, and a two-digit year counts.
_BIRTH_DATE = (rf"{_FULL_DATE}|(?<![\d.]){_DAY}[./]{_MONTH}[./]\d\d(?![\d.])"
               rf"|(?<![\d.]){_DAY}{_ORDINAL}\s+(?:of\s+)?{_MONTH_NAME}(?!\w)"
               rf"|{_MONTH_NAME}\s+{_DAY}{_ORDINAL}(?![\d.])")
_BIRTH = (r"(?i:born|\bb\.(?=\s*\d)|DOB|D\.O\.B\.|date\s+of\s+birth|birth\s*date|birthday|"
          r"doğum\w*|doğul\w*|təvəllüd\w*|anadan\s+ol\w*|"
          r"родил\w*|рожд\w*|д\.\s?р\.|г\.\s?р\.|р\.(?=\s*\d))")
# The quick test of a birth word (Rule.needs): the words of _BIRTH, each after its first letter
# in every form that letter takes under (?i) (the rounded Cyrillic de too), so that the regex
# engine skips all other characters at C speed (six times faster than _BIRTH over the content).
# It finds at least what _BIRTH finds (tests/domain/test_confidentiality.py).
_BIRTH_QUICK = "[BbDdTtAaРрДдᲁГг](?:" + "|".join(f"(?<=[{first}])(?i:{rest})" for first, rest in (
    ("Bb", r"orn|\.(?=\s*\d)|irth"),
    ("Dd", r"ob|\.o\.b\.|ate\s+of\s+birth|oğum|oğul"),
    ("Tt", r"əvəllüd"),
    ("Aa", r"nadan\s+ol"),
    ("Рр", r"одил|ожд|\.(?=\s*\d)"),
    ("Ддᲁ", r"\.\s?р\."),
    ("Гг", r"\.\s?р\."),
)) + ")"
# Phone numbers: groups of digits with spaces, dots, hyphens or dashes between them, or none.
_SEP = r"(?:[ \u00a0]?[.\-–—][ \u00a0]?|[ \u00a0])"
_SEP_OPT = rf"{_SEP}?"
_PHONE = (
    rf"(?:\+|00)\s?\d{{1,3}}{_SEP_OPT}\(?\d{{1,4}}\)?(?:{_SEP_OPT}\d{{2,4}}){{2,4}}"  # +994 12 465 90 71
    rf"|(?<!\d)994{_SEP_OPT}\(?\d{{2}}\)?{_SEP_OPT}\d{{3}}{_SEP_OPT}\d{{2}}{_SEP_OPT}\d{{2}}"  # 994501234567
    rf"|(?:8{_SEP_OPT})?\(?0\d{{2}}\)?{_SEP_OPT}\d{{3}}(?:{_SEP_OPT}\d{{2}}{_SEP_OPT}\d{{2}}"
    rf"|{_SEP_OPT}\d{{4}})"  # 012 465 90 71, (012) 4659071, 050.123.45.67
    rf"|(?:\(\d{{2}}\)[ \u00a0]?|\d{{2}}{_SEP})?\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{2}}")  # 465-90-71, 50 123 45 67
# E-mail addresses, also written so that robots do not see them: name [at] mail.ru,
# name(at)mail(dot)ru, name собака mail.ru; with a plain ' at ', only for a mail service or
# with ' dot ' (so that 'the law at e-qanun.az' is no address).
_LOCAL = r"[\w.+-]+"
_DOMAIN_PART = r"[\w-]+"


def _bracketed(words: str) -> str:
    return r"\s*[\[\(\{<]\s*(?i:" + words + r")\s*[\]\)\}>]\s*"


_AT = r"(?:\s?@\s?|" + _bracketed("at|@|собака|собачка|эт") + r"|\s+(?i:собака|собачка)\s+)"
_DOT = r"(?:\.|" + _bracketed(r"dot|точка|nöqtə|\.") + r"|\s+(?i:dot|точка|nöqtə)\s+)"
_WORD_DOT = r"\s+(?i:dot|точка|nöqtə)\s+"
_MAIL_SERVICES = (r"(?i:gmail|googlemail|mail|yandex|ya|yahoo|hotmail|outlook|live|inbox|list|"
                  r"bk|rambler|icloud|proton(?:mail)?|box|aol|gmx|yopmail)")
_EMAIL = (rf"{_LOCAL}{_AT}{_DOMAIN_PART}(?:{_DOT}{_DOMAIN_PART})*{_DOT}[A-Za-z]{{2,}}"
          rf"|{_LOCAL}\s+(?i:at)\s+(?:{_MAIL_SERVICES}(?:{_DOT}{_DOMAIN_PART})*{_DOT}[A-Za-z]{{2,}}"
          rf"|{_DOMAIN_PART}(?:{_WORD_DOT}{_DOMAIN_PART})+)")
# The quick test of an address (Rule.needs): what every _AT or ' at ' form begins with ('@', a
# bracket and the word, 'собак' after its first letter in every (?i) form, ' at ' and a mail
# service or a word and ' dot '). Five times faster.
_EMAIL_QUICK = (r"@|[\[\(\{<]\s*(?i:at|собак|эт)|[Ссᲃ](?i:обак)"
                rf"|\s(?i:at)\s+(?:{_MAIL_SERVICES}|{_DOMAIN_PART}{_WORD_DOT})")

_DOCUMENT = (r"(?:(?i:passport|pasport|identity\s+card|id\s+card|id-card|şəxsiyyət\s+vəsiqə|"
             r"vəsiqə|паспорт|удостоверени[ея]\s+личности|удостоверени[ея])\w*|ID)")
_NUMBER_WORD = r"(?:(?i:no|nr|number|nömrəsi|nömrə|seriya|серия|серии|series|номер|№)\.?|№|#|:)"
_DOCUMENT_NUMBER = r"[A-Za-zА-Яа-я]{0,3}[\s-]?\d(?:[\s-]?\d){5,}"  # after 'passport' etc.
_PASSPORT = r"(?i:AZE[\s-]?\d{8}|[A-Z]{1,2}[\s-]?\d{6,9})"  # AZE 12345678, AA1234567, aa1234567
# The Azerbaijani FIN (personal identification number on the ID card): 7 letters and digits.
# Seven characters are too common to look for alone: only after its name.
_FIN = (r"(?:\b(?i:FIN|PIN)|FİN|Fİn|ФИН|ПИН|(?i:fərdi\s+identifikasiya\s+nömrəsi|"
        r"personal\s+identification\s+number|персональный\s+идентификационный\s+номер))"
        r"(?:\s*(?i:kod\w*|code|код\w*|nömrəsi|number|no\.?|№|:|-|—|–))*\s*")
# The quick test of a FIN's name (Rule.needs), written as _BIRTH_QUICK is.
_FIN_QUICK = (r"[FfPpФфПп](?:(?<=[Ff])(?i:in|ərdi\s+identifikasiya\s+nömrəsi)|(?<=F)İ[Nn]"
              r"|(?<=[Pp])(?i:in|ersonal\s+identification\s+number)|(?<=[ФП])ИН"
              r"|(?<=[Пп])(?i:ерсональный\s+идентификационный\s+номер))")
_FIN_CODE = r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[0-9A-Za-z]{7}(?![0-9A-Za-z])"
_CAPITALISED = r"[A-ZА-ЯЁƏÖÜÇŞĞİ][a-zа-яёəöüçşğıi̇]+"

# Full names: a first name and a family name in either order, a name with a patronymic
# (Vüqar qızı, Ахмед оглы, Ивановна), or initials with a family name. A family name is known by
# its ending (Mammadova, Aliyev, Hasanlı, Abbaszadə, Иванова, Гасанов), which is what keeps
# 'Article 144' or 'Baku Court' from looking like a person.
_UPPER_LAT = "A-ZƏÖÜÇŞĞİ"
_LOWER_LAT = "a-zəöüçşğı"
_UPPER_CYR = "А-ЯЁ"
_LOWER_CYR = "а-яё"
_SURNAME_ENDINGS = (
    rf"[{_UPPER_LAT}][{_LOWER_LAT}]+(?:(?:ova|ov|yeva|yev|eva|ev)"
    rf"(?:nın|nin|nun|nün|ya|yə|da|də|dan|dən|ı|i|u|ü|a|ə)?"  # Məmmədovanın, Əliyevə
    rf"|ovich|ovna|evich|evna|ovic|zadə|zade|zada|skaya|sky|skiy)"
    rf"|[{_UPPER_CYR}][{_LOWER_CYR}]+(?:(?:ов|ев|ёв)(?:а|ой|у|ым|е|ой|ою)?"  # Иванова, Ивановой
    rf"|(?:ович|евич)(?:а|у|ем|е)?|(?:овн|евн)(?:а|ы|е|у|ой)"
    rf"|заде|ская|ский|ской|ского|цкая|цкий)")
# -li/-lı (Hasanlı, Mammadli) is also the ending of countless adjectives (Milli, Daxili):
# such a family name counts only after a first name.
_SURNAME = rf"(?:{_SURNAME_ENDINGS})(?![\w])"
_SURNAME_AFTER_FIRST = rf"(?:{_SURNAME_ENDINGS}|[{_UPPER_LAT}][{_LOWER_LAT}]+(?:li|lı))(?![\w])"
_FIRST = rf"(?:[{_UPPER_LAT}][{_LOWER_LAT}]{{2,}}|[{_UPPER_CYR}][{_LOWER_CYR}]{{2,}})(?![\w])"
_PATRONYMIC = r"(?:oğlu|qızı|oglu|ogly|qizi|kyzy|kizi|оглы|кызы|oğlu|qızı)(?![\w])"
_INITIAL = rf"[{_UPPER_LAT}{_UPPER_CYR}]\.\s?(?:[{_UPPER_LAT}{_UPPER_CYR}]\.\s?)?"
# The quick test of a full name (Rule.needs): every form has a capitalised word followed by
# another after white space, or an initial. One paragraph in seven has one.
_FULL_NAME_QUICK = (rf"[{_UPPER_LAT}{_UPPER_CYR}](?:[{_LOWER_LAT}{_LOWER_CYR}]+\s+"
                    rf"[{_UPPER_LAT}{_UPPER_CYR}]|\.)")
_FULL_NAME = (
    rf"(?<![\w.])(?:{_FIRST}\s+{_FIRST}\s+{_PATRONYMIC}"  # Aysel Vüqar qızı
    rf"|{_FIRST}\s+{_SURNAME_AFTER_FIRST}(?:\s+{_FIRST})?"  # Aysel Mammadova, Ivan Petrov
    rf"|{_SURNAME}\s+{_FIRST}"  # Мамедова Айсель
    rf"|{_INITIAL}{_SURNAME}|{_SURNAME}\s+{_INITIAL})")  # A. Mammadova, Мамедова А.А.
# Capitalised words that begin a sentence or name an institution, never a first or family
# name (compared in lower case; a word of five letters or more also covers its endings:
# 'министр' covers 'Министров').
_NOT_A_NAME = tuple("""
    the this that these those there then when where what which who whom whose why how if in
    on at for from to with without into our your his her their its each every all some any no
    not and but or ask call tell see read write give take check talk say do does did is are
    was were be has have had may might must can could should would will mr mrs ms dr miss sir
    madam dear article law code court decree decision resolution protocol convention republic
    ministr state service centre center national baku ganja azerbaijan russia palermo
    bu və əgər bir hər onun sizin bizim maddə qanun məhkəmə nazir respublika milli daxili
    xarici dövlət komissiya komitə məclis majlis protokol konvensiya azərbaycan bakı gəncə
    büro bürosu mərkəz xidmət ədalət bakının bakıda
    это если когда где как что кто все каждый стать закон суд суда суде министр кабинет
    комитет
    комисси совет республик азербайджан баку гянджа протокол конвенц центр служб управлени
    государств национальн
    """.split())
_NOT_A_STEM = tuple(word for word in _NOT_A_NAME if len(word) >= 5)
_PSEUDONYM = (r"(?i:a\s+pseudonym|pseudonym|not\s+(?:his|her|their)\s+real\s+name|"
              r"şərti\s+ad|имя\s+вымышленное|псевдоним)")
_QUOTED = r"[\"“«„](?P<pseudonym>[^\"”»“\n]{2,60})[\"”»“]"
_MARKED_PSEUDONYM = re.compile(rf"{_QUOTED}\s*\(\s*{_PSEUDONYM}\s*\)")
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
HOW_TO_MARK_A_PSEUDONYM = ("where a fictional person first appears in the file, write the "
                           "name in quotes followed by (a pseudonym), (şərti ad) or (имя "
                           "вымышленное), e.g. \"Leyla\" (a pseudonym)")


@dataclass(frozen=True)
class Context:
    """What a rule may consult besides the paragraph: the directory, the file's pseudonyms."""

    contacts: Mapping[str, Contact]
    pseudonyms: frozenset[str] = frozenset()  # words of the names marked as pseudonyms


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # the named group that matched, if any, is what is quoted
    message: str  # what was found and what to do; {found} is the text found
    only_in: tuple[str, ...] = ()  # reported only inside these blocks
    not_in: tuple[str, ...] = ()  # not reported inside these blocks
    also: str | None = None  # must also occur in the same paragraph
    unless: Callable[[str, Context], bool] | None = None  # e.g. a known contact
    # A quick test that every match passes: paragraphs without it are not searched (the
    # date patterns, long alternations tried at every character, are most of the check's time).
    needs: str | None = None
    # Reported only in a paragraph with a digit (a number, a date, an age): paragraphs without
    # one, two in three, skip all such rules after one search.
    needs_digit: bool = False

    @cached_property
    def blocks_only_in(self) -> frozenset[str]:
        return frozenset(self.only_in)

    @cached_property
    def blocks_not_in(self) -> frozenset[str]:
        return frozenset(self.not_in)

    @cached_property
    def needed(self) -> re.Pattern[str] | None:
        return re.compile(self.needs) if self.needs else None

    @cached_property
    def found(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @cached_property
    def together_with(self) -> re.Pattern[str] | None:
        return re.compile(self.also) if self.also else None


def _is_directory_phone(found: str, context: Context) -> bool:
    """Same number as a contact, however it is written (+994 12..., 012..., 12...), also
    without the area code (465 90 71)."""
    number = _national(found)
    return any(_national(contact.phone).endswith(number) for contact in context.contacts.values())


def _national(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    digits = digits[2:] if digits.startswith("00") else digits
    if digits.startswith("994"):
        return digits[3:]
    if digits.startswith("80") and len(digits) == 11:  # 8 050 ...: the old trunk prefix
        digits = digits[1:]
    return digits.lstrip("0")


def _is_directory_email(found: str, context: Context) -> bool:
    return any((contact.email or "").lower() == found.lower()
               for contact in context.contacts.values())


def _name_words(name: str) -> set[str]:
    return {word.rstrip(".") for word in re.split(r"\s+", name.strip()) if word}


def _is_not_a_name(found: str, context: Context) -> bool:
    """A capitalised function word or the name of an institution, not a person's first name."""
    return any(word.lower() in _NOT_A_NAME or word.lower().startswith(_NOT_A_STEM)
               for word in _name_words(found))


def _is_a_pseudonym(found: str, context: Context) -> bool:
    return _is_not_a_name(found, context) or _name_words(found) <= context.pseudonyms


# Personal mobile numbers in Azerbaijan: +994 followed by an operator code.
MOBILE_CODES = ("10", "50", "51", "55", "60", "70", "77", "99")


def is_personal_mobile(phone: str) -> bool:
    national = _national(phone)
    return len(national) == 9 and national[:2] in MOBILE_CODES


RULES: tuple[Rule, ...] = (
    Rule("phone number", rf"{_NOT_AFTER}(?P<found>{_PHONE}){_NOT_BEFORE}",
         "the phone number '{found}' is not in the contacts directory. Never publish a "
         "person's number: remove it. " + USE_THE_DIRECTORY, unless=_is_directory_phone,
         needs_digit=True, needs=r"\d\d"),  # every form of _PHONE has two digits in a row
    Rule("e-mail address", rf"(?<![\w.+-])(?P<found>{_EMAIL})(?![\w])",
         "the e-mail address '{found}' is not in the contacts directory. Never publish a "
         "person's address: remove it. " + USE_THE_DIRECTORY, unless=_is_directory_email,
         needs=_EMAIL_QUICK),
    Rule("FIN code", rf"{_FIN}(?P<found>{_FIN_CODE})",
         "'{found}' looks like a personal identification number (FIN). " + NO_DOCUMENT_NUMBERS,
         needs_digit=True, needs=_FIN_QUICK),
    Rule("document number", rf"{_DOCUMENT}\s*(?:{_NUMBER_WORD}\s*)*(?P<found>{_DOCUMENT_NUMBER})",
         "'{found}' looks like the number of a passport or identity document. "
         + NO_DOCUMENT_NUMBERS,
         needs_digit=True, needs=r"\d(?:[\s-]?\d){5}"),  # in every _DOCUMENT_NUMBER
    Rule("passport number", rf"{_NOT_AFTER}(?P<found>{_PASSPORT}){_NOT_BEFORE}",
         "'{found}' looks like a passport or ID-card number. " + NO_DOCUMENT_NUMBERS,
         needs_digit=True, needs=r"\d{6}"),  # every form of _PASSPORT has six digits in a row
    Rule("date of birth", rf"{_BIRTH}[\s\S]{{0,40}}?(?P<found>{_BIRTH_DATE})"
                          rf"|(?P<date>{_FULL_DATE})[\s\S]{{0,25}}?{_BIRTH}",
         "'{found}' looks like a date of birth. Remove it: an age ('19') is all a training "
         "needs, a date of birth identifies a person.", needs_digit=True, needs=_BIRTH_QUICK),
    Rule("date in a case study", _FULL_DATE,
         "'{found}' is a full date in a case study. Case studies are fictional: give no full "
         "dates (write 'last spring', 'three weeks ago') so that no real case can be recognised.",
         only_in=CASE_STUDY, needs_digit=True, needs=_YEAR),  # every full date has a year
    Rule("full name", rf"(?P<found>{_FULL_NAME})",
         "'{found}' looks like a person's full name. Never publish a real person's name: remove "
         "it. A fictional person belongs in a case study, quiz or scenario block, with a "
         "pseudonym: " + HOW_TO_MARK_A_PSEUDONYM + ".",
         not_in=STORY_BLOCKS, unless=_is_not_a_name, needs=_FULL_NAME_QUICK),
    Rule("full name in a story", rf"(?P<found>{_FULL_NAME})",
         "'{found}' looks like a person's full name and is not marked as a pseudonym. If the "
         "person is real, remove the name; if it is a pseudonym, " + HOW_TO_MARK_A_PSEUDONYM
         + ".", only_in=STORY_BLOCKS, unless=_is_a_pseudonym, needs=_FULL_NAME_QUICK),
    Rule("story without a case block", _NAMED_PERSON,
         "probably a case study: this paragraph tells of '{found}' and gives an age. Put a "
         "case study in a '/// case | Title' block (people in it have pseudonyms only); if "
         "it is about a real person, remove the name and the age.",
         not_in=STORY_BLOCKS, also=_AGE, needs_digit=True),  # every age has a digit
)


def check_confidentiality(texts: Iterable[tuple[str, int, str]], contacts: Mapping[str, Contact],
                          allowed: set[str], problems: Problems) -> None:
    """Report personal data in `texts` ((file as the author sees it, first line, text), as
    content_texts gives them), except the `allowed` strings and the directory's contacts."""
    for file, first_line, text in texts:
        pseudonyms = frozenset(word for match in _MARKED_PSEUDONYM.finditer(text)
                               for word in _name_words(match["pseudonym"]))
        context = Context(contacts, pseudonyms)
        for paragraph in _paragraphs(text, first_line):
            _check_paragraph(paragraph, file, context, allowed, problems)


@dataclass(frozen=True)
class _Paragraph:
    line: int
    text: str
    blocks: frozenset[str]  # the names of the blocks it is in


_DIGIT = re.compile(r"\d")


def _check_paragraph(paragraph: _Paragraph, file: str, context: Context,
                     allowed: set[str], problems: Problems) -> None:
    taken: list[range] = []  # one finding per piece of text (a passport after 'passport:')
    has_digit = _DIGIT.search(paragraph.text) is not None
    for rule in RULES:
        if rule.only_in and not paragraph.blocks & rule.blocks_only_in:
            continue
        if paragraph.blocks & rule.blocks_not_in:
            continue
        if rule.needs_digit and not has_digit:
            continue
        if rule.together_with and not rule.together_with.search(paragraph.text):
            continue
        if rule.needed and not rule.needed.search(paragraph.text):
            continue
        for match in rule.found.finditer(paragraph.text):
            group = next((g for g, v in match.groupdict().items() if v), None)
            found, start = (match[group], match.start(group)) if group else (match[0], match.start())
            span = range(start, start + len(found))
            if found in allowed or any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            if rule.unless is not None and rule.unless(found, context):
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


# Files that are not text: published as they are, nothing to read in them.
BINARY_SUFFIXES = frozenset(".png .jpg .jpeg .gif .webp .svgz .ico .pdf .zip .mp3 .mp4 .webm "
                            ".ogg .woff .woff2 .ttf .otf .docx .xlsx .pptx".split())
_FENCE_LINE = re.compile(FENCE.pattern, re.MULTILINE)


def content_texts(content_dir: Path, toolkits_dir: Path, root: Path,
                  guides: Iterable[Path] = ()) -> Iterator[tuple[str, int, str]]:
    """Every text file of curriculum/ and toolkits/ whatever its name or folder, whole (front
    matter too), and the guides published from docs/, except the contacts directory (checked
    by check_directory_phones) and the allow-list. Files that cannot be read as UTF-8 are left
    to the encoding check, which reports them."""
    skipped = {toolkits_dir / "contacts.yml", content_dir / ALLOW_FILE}
    for folder in (content_dir, toolkits_dir):
        for path in sorted(folder.rglob("*")):
            if path in skipped or not path.is_file() or path.suffix.lower() in BINARY_SUFFIXES:
                continue
            text = _text_of(path)
            if text is not None:
                yield display_path(path, root), 1, _NOT_CHECKED.sub("translated_from:", text)
    for path in guides:
        text = _text_of(path)
        if text is not None:
            # A guide shows blocks inside code fences as examples: check them as blocks.
            yield display_path(path, root), 1, _FENCE_LINE.sub("", _NOT_CHECKED.sub(
                "translated_from:", text))


def _text_of(path: Path) -> str | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return None if "\x00" in text else text


def check_directory_phones(path: Path, root: Path, allowed: set[str], problems: Problems) -> None:
    """A contact whose number looks like a personal mobile (+994 50..., 055...) is published
    only once a person has checked it is a service's number and listed it in the allow-list."""
    if not path.exists():
        return
    try:
        source = read_yaml_file(path)
    except ContentSyntaxError:
        return  # the contacts loader reports it
    if not isinstance(source.data, dict):
        return
    for contact_id, entry in source.data.items():
        phone = entry.get("phone") if isinstance(entry, dict) else None
        if isinstance(phone, (str, int)) and is_personal_mobile(str(phone)) \
                and str(phone) not in allowed:
            problems.add(display_path(path, root), source.line_of((contact_id, "phone")),
                         f"the phone of '{contact_id}' ('{phone}') looks like a personal mobile "
                         "number. Publish only a service's own number: if a person has checked "
                         "that this one is the service's, list it in curriculum/"
                         f"{ALLOW_FILE} (text, reason, reviewed_by, date).")


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
