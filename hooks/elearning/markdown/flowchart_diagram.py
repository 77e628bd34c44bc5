"""A flowchart drawn as an inline SVG diagram: boxes, yes/no branches side by side, arrows.

The layout (layers, order within a layer that avoids crossings, horizontal positions) comes
from grandalf's Sugiyama layout, a pure-Python library; this module only measures and wraps
the text into boxes, routes the arrows between the layers grandalf made, and writes SVG.

Text is measured without a browser: widths are estimated from DejaVu Sans, the widest of the
usual sans-serif fonts (and the one in the PDFs), so that text fits its box in any font.
Everything is drawn with presentation attributes (no style attributes: the site's
Content-Security-Policy allows no inline styles), and nothing in it can take focus.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Mapping

from grandalf.graphs import Edge, Graph, Vertex
from grandalf.layouts import SugiyamaLayout, VertexViewer

from .. import interface
from ..domain.contacts import Contact
from ..domain.flowcharts import Flowchart, Step

# Sizes in CSS pixels at scale 1 (the narrow variant is drawn for a 360 px phone at 1:1).
PAD = 8             # inside a box
BADGE = 22          # the step number's disc or diamond
FONT, LINE = 14, 18
CARD_FONT, CARD_LINE = 12.5, 16
PHONE_FONT, PHONE_LINE = 19, 24
NOTE_FONT, NOTE_LINE = 11, 14
END_FONT, END_LINE = 11, 15
X_SPACE, Y_SPACE = 22, 34  # between boxes in a layer, between layers (room for yes/no)
MARGIN = 4
DUMMY = 8           # the width grandalf keeps for an arrow passing through a layer
HANGING = 200       # a box narrower than this runs its text under the step number

# Colours: every text colour reaches at least 4.5:1 on its background (WCAG AA).
INK = "#212121"           # 16:1 on white
LINE_COLOUR = "#3949ab"   # 7.4:1 on white
QUESTION = "#283593"      # 9.2:1 on the question tint
QUESTION_BOX = "#eef0fb"
YES = "#1b5e20"           # 7.9:1 on white
NO = "#b71c1c"            # 6.6:1 on white
NOTE = "#6b5500"          # 7.2:1 on white

# Average advance widths (in em) of DejaVu Sans, by kind of letter; bold is about 12% wider.
_NARROW = set("iljtfrı.,:;!|'I ()[]")
_WIDE = set("mwMWшщжюмыШЩЖЮМЫ—@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width of `text` in CSS pixels (generous rather than tight)."""
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.33
        elif char in _WIDE:
            em += 0.97
        elif char.isdigit():
            em += 0.64
        elif char.isupper():
            em += 0.77
        elif "а" <= char.lower() <= "я" or char == "ё":
            em += 0.67
        else:
            em += 0.59
    return em * size * (1.12 if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False,
         first: float | None = None) -> list[str]:
    """Greedy line breaking at spaces; a word longer than a line is cut where it must be.
    The first line may be shorter (`first`), beside the step number."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        width_now = first if first is not None and not lines else width
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width_now:
            line = candidate
            continue
        if line:
            lines.append(line)
        elif first is not None and not lines:
            lines.append("")  # not even one word beside the number: start below it
        while text_width(word, size, bold) > width and len(word) > 1:

            cut = max(1, max(n for n in range(1, len(word) + 1)
                             if text_width(word[:n] + "-", size, bold) <= width or n == 1))
            lines.append(word[:cut] + "-")
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or [""]


@dataclass
class Box:
    """One step, its wrapped text and its place (x, y: top left corner)."""

    step: Step
    number: int
    width: float
    words: list[str]
    card: list[tuple[str, str]]  # (kind, line): name, phone, note lines of the contact card
    end_label: str | None
    x: float = 0.0
    y: float = 0.0
    rank: int = 0

    @property
    def height(self) -> float:
        height = PAD + max(BADGE, len(self.words) * LINE) + PAD
        if self.card:
            height += 6 + self._card_height()
        if self.end_label:
            height += END_LINE
        return height

    def _card_height(self) -> float:
        sizes = {"name": CARD_LINE, "phone": PHONE_LINE, "note": NOTE_LINE}
        return 10 + sum(sizes[kind] for kind, _ in self.card)

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list[Box]
    arrows: list[tuple[list[tuple[float, float]], str | None, str]]  # points, answer, side
    language: str = "en"
    layer_bottoms: dict[int, float] = field(default_factory=dict)


def lay_out(flowchart: Flowchart, contacts: Mapping[str, Contact], language: str,
            width: float, widest_box: float) -> Diagram:
    """The flowchart laid out to fit `width` (boxes at most `widest_box` wide)."""
    scale = 1.0
    for _ in range(4):  # narrow the boxes until the drawing fits (usually at once)
        diagram = _lay_out_once(flowchart, contacts, language, width * scale, widest_box)
        if diagram.width <= width + 1:
            break
        scale *= width / diagram.width
    return diagram


def _lay_out_once(flowchart, contacts, language, width, widest_box) -> Diagram:
    order = flowchart.in_reading_order()
    numbers = {step.name: number for number, step in enumerate(order, start=1)}
    vertices = {step.name: Vertex(step.name) for step in order}
    links = [(step.name, key, target) for step in order for key, target in step.links]
    edges = [Edge(vertices[source], vertices[target]) for source, _, target in links]
    graph = Graph(list(vertices.values()), edges)
    component = graph.C[0]  # a referral path is connected (checked when it is loaded)
    for vertex in component.sV:
        vertex.view = VertexViewer(DUMMY, DUMMY)  # grandalf sizes passing points alike

    class _Path:
        def setpath(self, points):
            self.points = points

    for edge in component.sE:
        edge.view = _Path()
    layout = SugiyamaLayout(component)
    layout.xspace, layout.yspace = X_SPACE, Y_SPACE
    layout.init_all(roots=[vertices[flowchart.start]])
    boxes: dict[str, Box] = {}
    for rank, layer in enumerate(layout.layers):
        real = [v for v in layer if isinstance(getattr(v, "data", None), str)]
        passing = len(layer) - len(real)  # arrows passing through this layer
        room = width - 2 * MARGIN - passing * DUMMY - (len(layer) - 1) * X_SPACE
        box_width = max(90.0, min(widest_box, room / max(1, len(real))))
        for vertex in real:
            step = flowchart.step(vertex.data)
            box = _box(step, numbers[step.name], box_width, contacts, language)
            box.rank = rank
            vertex.view = VertexViewer(box.width, box.height)
            boxes[step.name] = box
    layout.draw()
    centres = _fitted(layout.layers, width)
    for name, box in boxes.items():
        box.x = centres[vertices[name]] - box.width / 2
        box.y = vertices[name].view.xy[1] - box.height / 2
    tops = {rank: min(v.view.xy[1] - v.view.h / 2 for v in layer) for rank, layer in
            enumerate(layout.layers)}
    bottoms = {rank: max(v.view.xy[1] + v.view.h / 2 for v in layer) for rank, layer in
               enumerate(layout.layers)}
    arrows = []
    by_edge = {id(edge): link for edge, link in zip(edges, links)}
    for edge in edges:  # in reading order (grandalf keeps them in a set): the same SVG each build
        source, key, target = by_edge[id(edge)]
        xs = [centres[edge.v[0]], *(centres[v] for v in _dummies(layout, edge)),
              centres[edge.v[1]]]
        arrows.append((xs, boxes[source], boxes[target], key))
    routed = _route(arrows, tops, bottoms)
    right = max(centres[v] + v.view.w / 2 for layer in layout.layers for v in layer) + MARGIN
    height = max(bottoms.values()) + MARGIN
    return Diagram(right, height, list(boxes.values()), routed, language, bottoms)


def _fitted(layers, width: float) -> dict:
    """The centre of every vertex, the drawing moved into [0, width]: centred when it fits,
    else each layer moved (whole) just enough to stay inside the frame."""
    def extent(layer):
        return (min(v.view.xy[0] - v.view.w / 2 for v in layer),
                max(v.view.xy[0] + v.view.w / 2 for v in layer))

    left = min(extent(layer)[0] for layer in layers)
    right = max(extent(layer)[1] for layer in layers)
    shift = MARGIN - left + max(0.0, (width - 2 * MARGIN - (right - left)) / 2)
    centres = {}
    for layer in layers:
        low, high = (x + shift for x in extent(layer))
        move = max(0.0, MARGIN - low) - max(0.0, high - (width - MARGIN)) if \
            high - low <= width - 2 * MARGIN else MARGIN - low
        for vertex in layer:
            centres[vertex] = vertex.view.xy[0] + shift + move
    return centres


def _dummies(layout: SugiyamaLayout, edge) -> list:
    """The points grandalf put on a long edge, one per layer it passes, top to bottom."""
    controls = layout.ctrls.get(edge, {})
    return [controls[rank] for rank in sorted(controls)
            if rank not in (layout.grx[edge.v[0]].rank, layout.grx[edge.v[1]].rank)]


def _box(step: Step, number: int, width: float, contacts: Mapping[str, Contact],
         language: str) -> Box:
    decision = step.kind == "decision"
    text = step.ask if decision else step.text
    if width < HANGING:  # narrow: only the first line beside the number, the rest under it
        words = wrap(text, width - 2 * PAD, FONT, decision, first=width - 2 * PAD - BADGE - 6)
    else:
        words = wrap(text, width - 2 * PAD - BADGE - 6, FONT, bold=decision)
    card: list[tuple[str, str]] = []
    contact = contacts.get(step.contact) if step.contact else None
    if contact is not None:
        card_inner = width - 2 * PAD - 12
        card += [("name", line) for line in wrap(contact.name[language], card_inner,
                                                   CARD_FONT, bold=True)]
        if contact.phone:
            card.append(("phone", contact.phone))
        note = ("to_validate" if contact.phone else "number_to_confirm")
        if not contact.verified or not contact.phone:
            card += [("note", line) for line in wrap(interface.text(note, language),
                                                       card_inner, NOTE_FONT)]
    end = interface.text("flowchart_end", language).upper() if step.kind == "end" else None
    return Box(step, number, width, words, card, end)


def _route(arrows, tops, bottoms):
    """Arrows as right-angled lines: down from a box, across in the gap between layers,
    down into the next. A question's two answers leave its box side by side."""
    routed = []
    by_source: dict[str, list] = {}  # in the order of the arrows, that is reading order
    for xs, source, target, key in arrows:
        by_source.setdefault(source.step.name, []).append((xs, source, target, key))
    for name, leaving in by_source.items():
        source = leaving[0][1]
        if source.step.kind == "decision" and len(leaving) == 2:
            leaving.sort(key=lambda arrow: arrow[0][1])  # the branch going left first
            exits = [source.x + source.width * 0.3, source.x + source.width * 0.7]
            sides = ["left", "right"]
        else:
            exits = [_clamp(leaving[0][0][1], source)]
            sides = ["right"]
        for (xs, _, target, key), exit_x, side in zip(leaving, exits, sides):
            points = [(exit_x, source.y + source.height)]
            x = exit_x
            for rank, next_x in zip(range(source.rank + 1, target.rank), xs[1:-1]):
                gap = (bottoms[rank - 1] + tops[rank]) / 2
                points += [(x, gap), (next_x, gap), (next_x, bottoms[rank])]
                x = next_x
            entry = _clamp(x, target)
            gap = (bottoms[target.rank - 1] + tops[target.rank]) / 2
            points += [(x, gap), (entry, gap), (entry, target.y)]
            answer = key if key in ("yes", "no") else None
            routed.append((_simplified(points), answer, side))
    return routed


def _clamp(x: float, box: Box) -> float:
    return min(max(x, box.x + 16), box.x + box.width - 16)


def _simplified(points):
    """Without repeated points and without points in the middle of a straight run."""
    kept = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < .5 and abs(point[1] - kept[-1][1]) < .5:
            continue
        if len(kept) >= 2 and (_same(kept[-2][0], kept[-1][0], point[0])
                               or _same(kept[-2][1], kept[-1][1], point[1])):
            kept[-1] = point
            continue
        kept.append(point)
    return kept


def _same(a, b, c) -> bool:
    return abs(a - b) < .5 and abs(b - c) < .5


def svg(diagram: Diagram, variant: str) -> etree.Element:
    """The diagram as an <svg> element, hidden from screen readers (the text version
    beside it tells the same path)."""
    width, height = round(diagram.width), round(diagram.height)
    root = etree.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "class": f"flowchart__svg flowchart__svg--{variant}",
        "viewBox": f"0 0 {width} {height}", "width": str(width), "height": str(height),
        "aria-hidden": "true", "focusable": "false"})
    arrows = etree.SubElement(root, "g", {"fill": "none", "stroke": LINE_COLOUR,
                                          "stroke-width": "2"})
    labels = []
    for points, answer, side in diagram.arrows:
        etree.SubElement(arrows, "polyline", {"points": " ".join(f"{_n(x)},{_n(y)}"
                                                                 for x, y in points)})
        x, y = points[-1]
        etree.SubElement(root, "path", {"d": f"M{_n(x - 6)},{_n(y - 9)} L{_n(x + 6)},"
                                             f"{_n(y - 9)} L{_n(x)},{_n(y)} Z",
                                        "fill": LINE_COLOUR})
        if answer:
            labels.append((points[0], answer, side))
    for box in diagram.boxes:
        _draw_box(root, box)
    for (x, y), answer, side in labels:  # above the boxes, so that no box hides them
        word = interface.text(f"flowchart_{answer}", diagram.language)
        colour = YES if answer == "yes" else NO
        label_width = text_width(word, 12, bold=True) + 10
        left = x - 5 - label_width if side == "left" else x + 5
        etree.SubElement(root, "rect", {"x": _n(left), "y": _n(y + 4), "width": _n(label_width),
                                        "height": "18", "rx": "9", "fill": "#fff",
                                        "stroke": colour, "stroke-width": "1.5"})
        label = etree.SubElement(root, "text", {"x": _n(left + label_width / 2), "y": _n(y + 17),
                                                "text-anchor": "middle", "font-size": "12",
                                                "font-weight": "700", "fill": colour})
        label.text = word
    return root


def _draw_box(root: etree.Element, box: Box) -> None:
    decision = box.step.kind == "decision"
    group = etree.SubElement(root, "g", {"class": f"flowchart__box flowchart__box--{box.step.kind}"})
    etree.SubElement(group, "rect", {
        "x": _n(box.x), "y": _n(box.y), "width": _n(box.width), "height": _n(box.height),
        "rx": "6", "fill": QUESTION_BOX if decision else "#fff",
        "stroke": QUESTION if decision else LINE_COLOUR, "stroke-width": "3" if decision else "2"})
    if box.end_label:  # a last step: a heavier bottom edge and the word "End"
        etree.SubElement(group, "line", {
            "x1": _n(box.x + 3), "x2": _n(box.x + box.width - 3), "y1": _n(box.y + box.height - 2),
            "y2": _n(box.y + box.height - 2), "stroke": LINE_COLOUR, "stroke-width": "4"})
    cx, cy = box.x + PAD + BADGE / 2, box.y + PAD + BADGE / 2
    if decision:  # a diamond for a question, a disc for an action (as in drawn charts)
        r = BADGE / 2 + 1
        etree.SubElement(group, "path", {"d": f"M{_n(cx)},{_n(cy - r)} L{_n(cx + r)},{_n(cy)} "
                                              f"L{_n(cx)},{_n(cy + r)} L{_n(cx - r)},{_n(cy)} Z",
                                         "fill": QUESTION})
    else:
        etree.SubElement(group, "circle", {"cx": _n(cx), "cy": _n(cy), "r": _n(BADGE / 2),
                                           "fill": LINE_COLOUR})
    number = etree.SubElement(group, "text", {"x": _n(cx), "y": _n(cy + 4.5), "font-size": "12.5",
                                              "font-weight": "700", "text-anchor": "middle",
                                              "fill": "#fff"})
    number.text = str(box.number)
    text_x = box.x + PAD + BADGE + 6
    top = box.y + PAD + (max(BADGE, len(box.words) * LINE) - len(box.words) * LINE) / 2
    _lines(group, box.words, text_x, top, FONT, LINE, QUESTION if decision else INK,
           "700" if decision else None, hanging=box.x + PAD if box.width < HANGING else None)
    y = box.y + PAD + max(BADGE, len(box.words) * LINE) + 6
    if box.card:
        card_height = box._card_height()
        etree.SubElement(group, "rect", {
            "x": _n(box.x + PAD), "y": _n(y), "width": _n(box.width - 2 * PAD),
            "height": _n(card_height), "rx": "4", "fill": "#fff", "stroke": LINE_COLOUR,
            "stroke-width": "1"})
        etree.SubElement(group, "rect", {"x": _n(box.x + PAD), "y": _n(y), "width": "4",
                                         "height": _n(card_height), "fill": LINE_COLOUR})
        y += 5
        for kind, line in box.card:
            size, height, weight, colour = {
                "name": (CARD_FONT, CARD_LINE, "600", INK),
                "phone": (PHONE_FONT, PHONE_LINE, "800", "#000"),
                "note": (NOTE_FONT, NOTE_LINE, None, NOTE)}[kind]
            _lines(group, [line], box.x + PAD + 10, y, size, height, colour, weight,
                   italic=kind == "note")
            y += height
        y += 5
    if box.end_label:  # below a contact card, clear of its border
        _lines(group, [box.end_label], text_x, y + 2 if box.card else y - 2, END_FONT, END_LINE,
               "#424242", "700")


def _lines(parent, lines, x, top, size, height, colour, weight=None, italic=False,
           hanging=None) -> None:
    """Lines of text, each baseline placed within its line height; lines after the first
    start at `hanging` when given."""
    attributes = {"font-size": _n(size), "fill": colour}
    if weight:
        attributes["font-weight"] = weight
    if italic:
        attributes["font-style"] = "italic"
    text = etree.SubElement(parent, "text", attributes)
    for number, line in enumerate(lines):
        if not line:
            continue
        start = x if number == 0 or hanging is None else hanging
        span = etree.SubElement(text, "tspan", {"x": _n(start),
                                                "y": _n(top + number * height + height * 0.74)})
        span.text = line


def _n(value: float) -> str:
    """A coordinate, short."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
