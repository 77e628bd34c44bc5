"""```decision fences: a branching exercise, rendered from the exercise loaded with the module.

The HTML is the version for paper and for readers without JavaScript: every node on the
page, numbered, each choice a link to the node it leads to ("→ 4"). decision.js turns it
into one node at a time with buttons, and the list stays what is printed.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable, Mapping

from .. import interface
from ..domain.contacts import Contact
from ..domain.plain_words import in_plain_words
from ..domain.decisions import DECISION, Decision, DecisionNode


def render_decision(decision: Decision, contacts: Mapping[str, Contact], language: str) -> str:
    def t(key: str, **values) -> str:
        return interface.text(key, language, **values)

    notes = interface.plain_notes(language)

    def plain(text: str) -> str:  # the block is HTML already: references and marks in words
        return in_plain_words(text, contacts, language, notes)

    numbers = decision.numbers()
    base = f"decision-{decision.id}"
    box = etree.Element("section", {"class": "decision", "id": base,
                                    "data-decision": decision.id,
                                    "aria-labelledby": f"{base}-title"})
    etree.SubElement(box, "p", {"class": "decision__kind"}).text = t("decision_kind")
    etree.SubElement(box, "h3", {"class": "decision__title", "id": f"{base}-title"}).text = \
        plain(decision.title)
    etree.SubElement(box, "p", {"class": "decision__intro"}).text = t("decision_intro")
    nodes = etree.SubElement(box, "ol", {"class": "decision__nodes"})
    for node in decision.in_reading_order():
        _node(nodes, node, numbers, base, contacts.get(node.contact) if node.contact else None,
              language, plain)
    return etree.tostring(box, encoding="unicode", method="html")


def _node(parent: etree.Element, node: DecisionNode, numbers: dict[str, int], base: str,
          contact: Contact | None, language: str, plain: Callable[[str], str]) -> None:
    def t(key: str, **values) -> str:
        return interface.text(key, language, **values)

    number = numbers[node.name]
    attributes = {"class": "decision__node", "id": f"{base}-{number}", "data-node": str(number)}
    if node.end:
        attributes["data-end"] = node.end
    item = etree.SubElement(parent, "li", attributes)
    etree.SubElement(item, "p", {"class": "decision__number"}).text = \
        t("decision_step", number=number)
    etree.SubElement(item, "p", {"class": "decision__text"}).text = plain(node.text)
    if contact is not None:
        card = etree.SubElement(item, "p", {"class": "decision__contact"})
        card.text = t("flowchart_contact") + " "
        if contact.phone is None:  # nothing to dial yet
            card.text += f"{contact.name[language]} ({t('number_to_confirm')})"
        else:
            link = etree.SubElement(card, "a", {"href": f"tel:{contact.dial}"})
            link.text = f"{contact.name[language]}, {contact.phone}"
            if not contact.verified:
                link.tail = f" ({t('to_validate')})"
    if node.end:
        end = etree.SubElement(item, "p", {"class": f"decision__end decision__end--{node.end}"})
        end.text = t(f"decision_end_{node.end}")
        debrief = etree.SubElement(item, "div", {"class": "decision__debrief"})
        etree.SubElement(debrief, "p", {"class": "decision__debrief-title"}).text = \
            t("decision_debrief")
        etree.SubElement(debrief, "p").text = plain(node.debrief)
        again = etree.SubElement(item, "p", {"class": "decision__restart"})
        link = etree.SubElement(again, "a", {"href": f"#{base}-1"})  # the start is step 1
        link.text = t("decision_restart")
        return
    choices = etree.SubElement(item, "ul", {"class": "decision__choices"})
    for choice in node.choices:
        target = numbers[choice.next]
        entry = etree.SubElement(choices, "li", {"class": "decision__choice",
                                                 "data-next": str(target)})
        link = etree.SubElement(entry, "a", {"href": f"#{base}-{target}"})
        link.text = plain(choice.label) + " "
        arrow = etree.SubElement(link, "span", {"class": "decision__goto", "aria-hidden": "true"})
        arrow.text = f"→ {target}"
        hidden = etree.SubElement(link, "span", {"class": "visually-hidden"})
        hidden.text = t("decision_goes_to", number=target)
        if choice.feedback:
            feedback = etree.SubElement(entry, "details", {"class": "decision__feedback"})
            etree.SubElement(feedback, "summary").text = t("decision_feedback")
            etree.SubElement(feedback, "p").text = plain(choice.feedback)


class DecisionFence:
    """The `format` of the ```decision custom fence: shows the exercise the loader read."""

    def __init__(self, state):
        self.state = state  # a ViewState: the page's language, contacts and loaded exercises

    def __call__(self, source, language, css_class, options, md, **kwargs) -> str:
        decision = self.state.take(DECISION, source, "a decision exercise")
        if decision is None:
            # Invalid, or outside a module (both reported by the loader with file and line),
            # or not the exercise loaded here (which stops the build): shown as written.
            pre = etree.Element("pre", {"class": f"{css_class}__source"})
            etree.SubElement(pre, "code").text = source
            return etree.tostring(pre, encoding="unicode", method="html")
        return render_decision(decision, self.state.contacts, self.state.language)
