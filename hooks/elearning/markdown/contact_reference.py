"""`{{contact:id}}`: a referral contact from the directory, with its number as a tel: link."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from .. import interface
from .extension import InlineExtension

CONTACT = r"\{\{\s*contact\s*:\s*(?P<id>[^}\s]+)\s*\}\}"


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
        name = etree.SubElement(element, "span", {"class": "contact-reference__name"})
        name.text = contact.name[language] + ": "
        phone = etree.SubElement(element, "a", {"class": "contact-reference__phone",
                                                "href": f"tel:{contact.dial}"})
        phone.text = contact.phone
        if not contact.verified:
            note = etree.SubElement(element, "span", {"class": "to-validate__note"})
            note.text = f" ({interface.text('to_validate', language)})"
        return element, m.start(0), m.end(0)


class ContactReferenceExtension(InlineExtension):
    PROCESSOR, PATTERN = ContactReferenceProcessor, CONTACT
    NAME, PRIORITY = "contact-reference", 66
