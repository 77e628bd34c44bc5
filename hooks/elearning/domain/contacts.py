"""The referral contacts directory (toolkits/contacts.yml).

Pages refer to a contact by id only, so a phone number lives in exactly one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Iterable, Mapping

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from .audiences import Audience
from .languages import Translated
from .problems import Problems
from .schema import ContentModel, Text, author_error, validate_entries
from .source import ContentSyntaxError, display_path, read_yaml_file
from .tagging import _audience_ids

# The one syntax that refers to a contact: {{contact:id}} (name and number) or
# {{number:id}} (the number alone, e.g. in a table cell or a quiz option).
CONTACT_REFERENCE_PATTERN = r"\{\{\s*(?P<form>contact|number)\s*:\s*(?P<id>[^}\s]*)\s*\}\}"
CONTACT_REFERENCE = re.compile(CONTACT_REFERENCE_PATTERN)

# Ids that once held the number: the number changes, the id must not. Kept here so that
# an old reference gets a message naming the new id instead of "unknown contact".
RENAMED = {"hotline-152": "hotline-mia", "police-102": "police", "ambulance-103": "ambulance",
           "emergency-112": "emergency-situations"}


def _no_audience_or_ids(value, info: ValidationInfo):
    """`audiences: []`: in no audience's referral list (112 is kept only to be recognised)."""
    return () if value == [] else _audience_ids(value, info)


ContactAudiences = Annotated[Any, AfterValidator(_no_audience_or_ids)]


class ContactEntry(ContentModel):
    """a contact with 'name' in every language and a 'phone' (or 'verified: false')"""

    name: Translated = Field(description="the contact's name in every language (en, az, ru)")
    role: Translated | None = Field(None, description="what the body does, one line in every "
                                    "language")
    phone: Text | None = Field(None, description="the phone number as it is dialled, in quotes, "
                               "e.g. \"152\"")
    hours: Translated | None = Field(None, description="opening hours in every language")
    address: Text | None = Field(None, description="the address, as text")
    email: Text | None = Field(None, description="an e-mail address")
    url: Text | None = Field(None, description="a web address starting with https://")
    audiences: ContactAudiences = Field("all", validate_default=True,
                                        description="'all', a list of audience ids, or [] "
                                        "for none")
    verified: bool = Field(True, description="true or false (false shows 'to be validated')")

    @model_validator(mode="after")
    def _phone_unless_unconfirmed(self):
        if self.phone is None and self.verified:
            raise author_error("this contact has no 'phone'. Add 'phone: \"...\"' or, while "
                               "the number is not confirmed, 'verified: false' (the site then "
                               "shows 'number to be confirmed by the national coordinator').")
        return self


@dataclass(frozen=True)
class Contact:
    id: str
    name: dict[str, str]
    phone: str | None
    audiences: tuple[str, ...]
    verified: bool = True
    role: dict[str, str] | None = None
    hours: dict[str, str] | None = None
    address: str | None = None
    email: str | None = None
    url: str | None = None

    @property
    def dial(self) -> str:
        """The number for a tel: link (digits and a leading +); "" without a number."""
        return re.sub(r"[^\d+]", "", self.phone or "")


def load_contacts(path: Path, root: Path, languages: tuple[str, ...],
                  audiences: Mapping[str, Audience], problems: Problems) -> dict[str, Contact]:
    display = display_path(path, root)
    if not path.exists():
        return {}
    try:
        source = read_yaml_file(path)
    except ContentSyntaxError as error:  # stops: what refers to contacts cannot be checked
        problems.add(display, error.line, error.message, stops=True)
        return {}
    if source.data is None:
        return {}
    if not isinstance(source.data, dict):
        problems.add(display, 1, "this file must list contacts as '<id>:' followed by "
                     "their 'name' and 'phone'.", stops=True)
        return {}
    entries = validate_entries(source, ContactEntry, display, problems,
                               {"languages": languages, "audiences": audiences},
                               what="contact", example="hotline-mia")
    return {contact_id: Contact(contact_id, **e.model_dump()) for contact_id, e in entries.items()}


def unknown_contact_message(contact_id: str, contacts: Mapping[str, Contact]) -> str:
    if contact_id in RENAMED:
        new = RENAMED[contact_id]
        return (f"the contact id '{contact_id}' was renamed '{new}' (ids no longer contain the "
                f"number, which may change): write '{new}' instead, e.g. {{{{contact:{new}}}}}.")
    known = ", ".join(contacts) or "none yet"
    return (f"'{contact_id}' is not in the contacts directory (toolkits/contacts.yml). "
            f"Known contacts: {known}.")


def check_references(body: str, file: str, first_line: int, contacts: Mapping[str, Contact],
                     problems: Problems) -> set[str]:
    """Report every {{contact:id}} that names no contact; return the ids referred to."""
    used = set()
    for match in CONTACT_REFERENCE.finditer(body):
        used.add(match["id"])
        if match["id"] not in contacts:
            line = first_line + body.count("\n", 0, match.start())
            problems.add(file, line, unknown_contact_message(match["id"], contacts))
    return used


# A directory number typed as text stays behind when the directory changes. Short service
# numbers (152) also occur in other numbers: not inside a longer number, an article
# (144-1.52, "152-ci maddə"), a decimal, a date or a word, and not after "No.", "Article"...
_NOT_AFTER = r"(?<![\w.,/+-])"
_NOT_BEFORE = r"(?![\w/]|[.,:]\d|-|\s+nömrəli)"
_NUMBERED = re.compile(r"(?i:\b(?:no|art|article|decision|decree|order|law|qərar\w*|"
                       r"fərman\w*|sərəncam\w*|maddə\w*|стать\w*|ст|пункт\w*|указ\w*|"
                       r"постановлени\w*|приказ\w*)\.?|№|§)\s*$")


# What separates the digits of a typed number (also en and em dashes, as the confidentiality
# check): a text without separators has every typed number's digits in one piece.
_SEPARATOR = r"[\s.()\-–—]"
_SEPARATORS = re.compile(_SEPARATOR + "+")


def _typed(phone: str) -> tuple[str, re.Pattern[str]]:
    """The digits every typed form of `phone` has in one piece once the separators are
    taken out (a quick test: most texts have none, and are not searched), and the pattern."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) <= 4:
        return digits, re.compile(_NOT_AFTER + digits + _NOT_BEFORE)
    national = digits[3:] if digits.startswith("994") else digits.lstrip("0")
    # +994 12 465 90 71, (012) 465-90-71, 012 4659071: any separators, with or without 994/0
    separators = _SEPARATOR + "*"
    return national, re.compile(r"(?<![\d+])(?:\+?\s*994" + separators + r"|\(?0)?" +
                                separators.join(national) + r"(?!\d)")


def check_typed_numbers(texts: Iterable[tuple[str, int, str]], contacts: Mapping[str, Contact],
                        problems: Problems) -> None:
    """Report each directory number typed as text ((file, first line, text) as
    content_texts gives them), with the reference to write instead."""
    patterns = [(contact, *_typed(contact.phone)) for contact in contacts.values()
                if contact.phone]
    for file, first_line, text in texts:
        digits_only = _SEPARATORS.sub("", text)
        for contact, digits, pattern in patterns:
            if digits not in digits_only:
                continue
            for found in pattern.finditer(text):
                if _NUMBERED.search(text[max(0, found.start() - 20):found.start()]):
                    continue
                line = first_line + text.count("\n", 0, found.start())
                problems.add(file, line, (
                    f"the number '{found[0].strip()}' of '{contact.id}' is typed as text, so it "
                    f"would stay behind when the number changes in toolkits/contacts.yml. Write "
                    f"{{{{contact:{contact.id}}}}} (name and number) or "
                    f"{{{{number:{contact.id}}}}} (the number alone) instead."))
