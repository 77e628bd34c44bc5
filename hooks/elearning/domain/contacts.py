"""The referral contacts directory (toolkits/contacts.yml).

Pages refer to a contact by id only, so a phone number lives in exactly one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from pydantic import Field

from .audiences import Audience
from .languages import Translated
from .problems import Problems
from .schema import ContentModel, Text, validate_entries
from .source import ContentSyntaxError, display_path, read_yaml_file
from .tagging import AudienceIds

CONTACT_REFERENCE = re.compile(r"\{\{\s*contact\s*:\s*(?P<id>[^}\s]*)\s*\}\}")


class ContactEntry(ContentModel):
    """a contact with 'name' in every language and a 'phone'"""

    name: Translated = Field(description="the contact's name in every language (en, az, ru)")
    phone: Text = Field(description="the phone number as it is dialled, in quotes, e.g. \"152\"")
    hours: Translated | None = Field(None, description="opening hours in every language")
    address: Text | None = Field(None, description="the address, as text")
    email: Text | None = Field(None, description="an e-mail address")
    url: Text | None = Field(None, description="a web address starting with https://")
    audiences: AudienceIds = Field("all", validate_default=True,
                                   description="'all' or a list of audience ids")
    verified: bool = Field(True, description="true or false (false shows 'to be validated')")


@dataclass(frozen=True)
class Contact:
    id: str
    name: dict[str, str]
    phone: str
    audiences: tuple[str, ...]
    verified: bool = True
    hours: dict[str, str] | None = None
    address: str | None = None
    email: str | None = None
    url: str | None = None

    @property
    def dial(self) -> str:
        """The number for a tel: link (digits and a leading +)."""
        return re.sub(r"[^\d+]", "", self.phone)


def load_contacts(path: Path, root: Path, languages: tuple[str, ...],
                  audiences: Mapping[str, Audience], problems: Problems) -> dict[str, Contact]:
    display = display_path(path, root)
    if not path.exists():
        return {}
    try:
        source = read_yaml_file(path)
    except ContentSyntaxError as error:
        problems.add(display, error.line, error.message)
        return {}
    if source.data is None:
        return {}
    if not isinstance(source.data, dict):
        problems.add(display, 1, "this file must list contacts as '<id>:' followed by "
                     "their 'name' and 'phone'.")
        return {}
    entries = validate_entries(source, ContactEntry, display, problems,
                               {"languages": languages, "audiences": audiences},
                               what="contact", example="hotline-152")
    return {contact_id: Contact(contact_id, **e.model_dump()) for contact_id, e in entries.items()}


def unknown_contact_message(contact_id: str, contacts: Mapping[str, Contact]) -> str:
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
