"""`{{contact:id}}`: a referral contact from the directory, with its number as a tel: link;
`{{number:id}}`: the number alone (a table cell, a quiz option)."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from .. import interface
from ..domain.contacts import CONTACT_REFERENCE_PATTERN, Contact
from .extension import InlineExtension


def phone_element(parent: etree.Element | None, contact: Contact, language: str) -> etree.Element:
    """The number as a tel: link, or the note that it is still to be confirmed."""
    if contact.phone is None:
        attributes = {"class": "contact-reference__phone contact-reference__phone--unconfirmed"}
        element = (etree.Element("span", attributes) if parent is None
                   else etree.SubElement(parent, "span", attributes))
        element.text = f"({interface.text('number_to_confirm', language)})"
        return element
    attributes = {"class": "contact-reference__phone", "href": f"tel:{contact.dial}"}
    element = (etree.Element("a", attributes) if parent is None
               else etree.SubElement(parent, "a", attributes))
    element.text = contact.phone
    return element


class ContactReferenceProcessor(InlineProcessor):
    def __init__(self, pattern, md, state):
        super().__init__(pattern, md)
        self.state = state

    def handleMatch(self, m, data):
        contact = self.state.contacts.get(m["id"])
        if contact is None:  # reported with file and line when content is loaded
            return None, None, None
        language = self.state.language
        element = etree.Element("span", {"class": "contact-reference"})
        if m["form"] == "contact":
            name = etree.SubElement(element, "span", {"class": "contact-reference__name"})
            name.text = contact.name[language] + (": " if contact.phone else " ")
        phone_element(element, contact, language)
        if not contact.verified and contact.phone is not None:
            note = etree.SubElement(element, "span", {"class": "to-validate__note"})
            note.text = f" ({interface.text('to_validate', language)})"
        return element, m.start(0), m.end(0)


class ContactReferenceExtension(InlineExtension):
    PROCESSOR, PATTERN = ContactReferenceProcessor, CONTACT_REFERENCE_PATTERN
    NAME, PRIORITY = "contact-reference", 66
