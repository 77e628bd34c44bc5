"""Content text in plain words, where no markup can go: a tooltip, the steps of a decision
exercise (drawn as HTML elements, not Markdown), a question bank for a learning platform.

Whatever the site marks on a page is marked here in words too: a contact reference becomes
'name: number', followed by the 'to be validated' note when the directory says the number is
not verified yet, or the 'number to be confirmed' note when there is no number; a {?fact?}
is followed by its 'to be validated' note."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .contacts import CONTACT_REFERENCE, Contact
from .reports import TO_VALIDATE


@dataclass(frozen=True)
class Notes:
    """The reader's notes, in the reader's language."""
    to_confirm: str   # a contact with no number yet
    to_validate: str  # a fact or a number the national coordinator has still to validate


def in_plain_words(text: str, contacts: Mapping[str, Contact], language: str,
                   notes: Notes) -> str:
    def reference(match) -> str:
        contact = contacts.get(match["id"])
        if contact is None:  # reported where the text is loaded
            return match[0]
        if contact.phone is None:
            number = f"({notes.to_confirm})"
        elif contact.verified:
            number = contact.phone
        else:
            number = f"{contact.phone} ({notes.to_validate})"
        if match["form"] == "number":
            return number
        return f"{contact.name[language]}: {number}" if contact.phone \
            else f"{contact.name[language]} {number}"

    text = CONTACT_REFERENCE.sub(reference, text)
    return TO_VALIDATE.sub(lambda m: f"{' '.join(m['fact'].split())} ({notes.to_validate})", text)
