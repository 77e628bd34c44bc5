"""```flowchart fences: a referral path drawn as numbered boxes, and told as steps.

The diagram (boxes top to bottom, in reading order) is for the eye and for print; it is
hidden from screen readers, which read the same path as an ordered list of sentences with
dialable numbers. Neither needs JavaScript nor a graph layout: a referral path has no loop.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Mapping

from .. import interface
from ..domain.contacts import Contact
from ..domain.flowcharts import Flowchart, Step, parse_flowchart
from ..domain.problems import Problems



def render_flowchart(flowchart: Flowchart, contacts: Mapping[str, Contact],
                     language: str) -> str:
    """The flowchart as HTML: the diagram, then the same path told for screen readers."""
    order = flowchart.in_reading_order()
    numbers = {step.name: number for number, step in enumerate(order, start=1)}
    figure = etree.Element("figure", {"class": "flowchart"})
    diagram = etree.SubElement(figure, "ol", {"class": "flowchart__diagram",
                                              "aria-hidden": "true"})
    told = etree.SubElement(figure, "ol", {"class": "flowchart__text visually-hidden"})
    for above, step in zip([None, *order], order):
        contact = contacts.get(step.contact) if step.contact else None
        _draw(diagram, step, numbers, above, contact, language)
        _tell(told, step, numbers, contact, language)
    return etree.tostring(figure, encoding="unicode", method="html")


class FlowchartFence:
    """The `format` of a pymdownx.superfences custom fence, for the page being rendered."""

    def __init__(self, state):
        self.state = state  # a ViewState: the reader's language and the contacts directory

    def __call__(self, source, language, css_class, options, md, **kwargs) -> str:
        # The loader reports what is wrong with file and line; here it is shown as written.
        flowchart = parse_flowchart(source, "", 0, self.state.contacts, Problems())
        if flowchart is None:
            pre = etree.Element("pre", {"class": f"{css_class}__source"})
            etree.SubElement(pre, "code").text = source
            return etree.tostring(pre, encoding="unicode", method="html")
        return render_flowchart(flowchart, self.state.contacts, self.state.language)


def _draw(diagram: etree.Element, step: Step, numbers: dict[str, int], above: Step | None,
          contact: Contact | None, language: str) -> None:
    """One box. An arrow joins it to the box above when that box leads here."""
    number = numbers[step.name]
    classes = f"flowchart__step flowchart__step--{step.kind}"
    if above is not None and step.name in dict(above.links).values():
        classes += " flowchart__step--joined"
    box = etree.SubElement(diagram, "li", {"class": classes})
    etree.SubElement(box, "span", {"class": "flowchart__number"}).text = str(number)
    words = etree.SubElement(box, "p", {"class": "flowchart__words"})
    words.text = step.ask if step.kind == "decision" else step.text
    if contact is not None:
        card = etree.SubElement(box, "p", {"class": "flowchart__contact"})
        name = etree.SubElement(card, "span", {"class": "flowchart__contact-name"})
        name.text, name.tail = contact.name[language], " "  # a space for copied text
        etree.SubElement(card, "span", {"class": "flowchart__phone"}).text = (
            contact.phone or f"({interface.text('number_to_confirm', language)})")
        if not contact.verified and contact.phone is not None:
            etree.SubElement(card, "span", {"class": "flowchart__note to-validate__note"}).text \
                = interface.text("to_validate", language)
    if step.kind == "decision":
        branches = etree.SubElement(box, "p", {"class": "flowchart__branches"})
        for answer in ("yes", "no"):
            branch = etree.SubElement(branches, "span", {
                "class": f"flowchart__branch flowchart__branch--{answer}"})
            branch.text = interface.text("flowchart_branch", language,
                                answer=interface.text(f"flowchart_{answer}", language),
                                number=numbers[getattr(step, answer)])
            branch.tail = " "
    elif step.kind == "end":
        etree.SubElement(box, "p", {"class": "flowchart__end"}).text = \
            interface.text("flowchart_end", language)
    elif numbers[step.next] != number + 1:  # the box below is not where this leads
        etree.SubElement(box, "p", {"class": "flowchart__jump"}).text = \
            interface.text("flowchart_go_to", language, number=numbers[step.next])


def _tell(told: etree.Element, step: Step, numbers: dict[str, int], contact: Contact | None,
          language: str) -> None:
    """One step as sentences; a contact is a link that dials it."""
    number = numbers[step.name]
    item = etree.SubElement(told, "li")
    if step.kind == "decision":
        _say(item, interface.text("flowchart_question", language, number=number,
                         text=_sentence(step.ask, "?")))
        _say(item, " " + interface.text("flowchart_answers", language, yes=numbers[step.yes],
                               no=numbers[step.no]))
        return
    _say(item, interface.text("flowchart_step", language, number=number, text=_sentence(step.text)))
    if contact is not None:
        _say(item, f" {interface.text('flowchart_contact', language)} ")
        if contact.phone is None:  # nothing to dial yet
            _say(item, f"{contact.name[language]} "
                       f"({interface.text('number_to_confirm', language)}).")
        else:
            link = etree.SubElement(item, "a", {"href": f"tel:{contact.dial}"})
            link.text = f"{contact.name[language]}, {contact.phone}"
            _say(item, "." if contact.verified
                 else f" ({interface.text('to_validate', language)}).")
    _say(item, " " + (interface.text("flowchart_last", language) if step.kind == "end" else
                      interface.text("flowchart_then", language, number=numbers[step.next])))


def _say(element: etree.Element, text: str) -> None:
    """Add text at the end of `element`, after its last child if it has one."""
    children = list(element)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _sentence(text: str, stop: str = ".") -> str:
    return text if text.endswith((".", "!", "?", "…", ":", ";")) else text + stop


