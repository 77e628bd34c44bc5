"""```flowchart fences: a referral path drawn as a diagram, and told as steps.

The diagram (inline SVG, flowchart_diagram.py; one drawing for phones, one for wider screens
and print) is for the eye; it is hidden from screen readers, which read the same path as an
ordered list of sentences with dialable numbers. No JavaScript.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Mapping

from .. import interface
from ..domain.contacts import Contact
from ..domain.flowcharts import Flowchart, Step
from .flowchart_diagram import lay_out, svg

# (name, width, widest box) in CSS pixels. The narrow drawing is read at 1:1 on a 360 px
# phone; the wide one on larger screens, in print and in the PDFs.
VARIANTS = (("narrow", 340, 340), ("wide", 600, 320))



def render_flowchart(flowchart: Flowchart, contacts: Mapping[str, Contact],
                     language: str) -> str:
    """The flowchart as HTML: the diagram, then the same path told for screen readers."""
    order = flowchart.in_reading_order()
    numbers = {step.name: number for number, step in enumerate(order, start=1)}
    figure = etree.Element("figure", {"class": "flowchart"})
    diagram = etree.SubElement(figure, "div", {"class": "flowchart__diagram",
                                               "aria-hidden": "true"})
    for variant, width, widest_box in VARIANTS:
        diagram.append(svg(lay_out(flowchart, contacts, language, width, widest_box), variant))
    told = etree.SubElement(figure, "ol", {"class": "flowchart__text visually-hidden"})
    for step in order:
        contact = contacts.get(step.contact) if step.contact else None
        _tell(told, step, numbers, contact, language)
    return etree.tostring(figure, encoding="unicode", method="html")


class FlowchartFence:
    """The `format` of a pymdownx.superfences custom fence, for the page being rendered: draws
    the flowchart the loader read from this very text (the same text is shown on several
    pages, and in several languages' builds: it is read once)."""

    def __init__(self, state):
        self.state = state  # a ViewState: language, contacts and the loaded flowcharts
        # (text, language) -> HTML: a flowchart shown on several pages of a language (a
        # one-pager and its mini-toolkit) is drawn once. Kept for one loaded content only
        # (`mkdocs serve` loads it again, contacts and all, on every rebuild).
        self._drawn: dict[tuple[str, str], str] = {}
        self._drawn_for = None

    def __call__(self, source, language, css_class, options, md, **kwargs) -> str:
        if source not in self.state.flowcharts:
            self.state.errors.append(
                f"{self.state.current.file}: the page shows a flowchart that the content loader did not read (every "
                "module, toolkit item, home page and guide is read): check that every fence "
                "above it is closed, then build again. If it is, this is a fault of the "
                "build: report it.")
        flowchart = self.state.flowcharts.get(source)
        if flowchart is None:  # invalid: reported by the loader with file and line
            pre = etree.Element("pre", {"class": f"{css_class}__source"})
            etree.SubElement(pre, "code").text = source
            return etree.tostring(pre, encoding="unicode", method="html")
        if self._drawn_for is not self.state.flowcharts:
            self._drawn, self._drawn_for = {}, self.state.flowcharts
        key = (source, self.state.language)
        if key not in self._drawn:
            self._drawn[key] = render_flowchart(flowchart, self.state.contacts, self.state.language)
        return self._drawn[key]


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


