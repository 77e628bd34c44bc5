"""The fast reading of built pages reports what HTMLParser reports
(hooks/elearning/site/html_reading.py), and leaves irregular markup to HTMLParser."""
import pytest

from elearning.site.built_pages import BuiltPages, _OneReading
from elearning.site.html_reading import parse_html, read_html


class Events:
    """Every event in order; consecutive pieces of text joined (either reader may split)."""

    def __init__(self):
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(("start", tag, list(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.seen.append(("startend", tag, list(attrs)))

    def handle_endtag(self, tag):
        self.seen.append(("end", tag))

    def handle_data(self, data):
        if self.seen and self.seen[-1][0] == "data":
            self.seen[-1] = ("data", self.seen[-1][1] + data)
        else:
            self.seen.append(("data", data))


def by_htmlparser(html: str) -> list:
    events = Events()
    parse_html(html, events)
    return events.seen


def fast(html: str) -> tuple[bool, list]:
    events = Events()
    regular = read_html(html, events)
    return regular, events.seen


def test_every_page_of_the_site_is_read_as_htmlparser_reads_it(built_site):
    pages = BuiltPages.html_files(built_site)
    assert len(pages) > 200
    irregular = []
    for path in pages:
        html = (built_site / path).read_text(encoding="utf-8")
        regular, seen = fast(html)
        if not regular:
            irregular.append(path)
            continue
        assert seen == by_htmlparser(html), path
    # The fast path is what makes the reading cheap: the pages MkDocs writes take it.
    assert irregular == []


REGULAR = [
    '<!DOCTYPE html>\n<html lang="az"><head><meta charset="utf-8"><title>A &amp; B</title>',
    '<p class=plain data-x=\'one\' hidden>text &lt;div&gt; &#1234; &copy</p>',
    '<a href="x/y.html" title="a > b">link</a><br/><br /><img src=a.png alt="">',
    '<A HREF="X">upper case names</A>',
    '<script>if (a < b && c > d) { x = "</div>" }</script><style>p > a { }</style>',
    '<script type="application/json">{"a": "<b>"}</script ><p>after</p>',
    '<SCRIPT>x</Script>',
    '<!-- a comment with <p> inside --><p>x</p><!-- another -- >',
    '<p>text\r\nwith lines</p>\n\n<div\n  class="a"\n  id="b"\n>x</div>',
    '<input type="checkbox" checked disabled onclick="go()">',
    '<a href=" JAVA\tSCRIPT:alert(1)">x</a><p style="color: red">y</p>',
    '<a href=x/>bare value with a slash</a>',
]
IRREGULAR = [
    'a < b but c',                       # a lone '<'
    '<p class="a"id="b">no space</p>',   # attributes without a space between
    '<script>never closed',
    '<?xml version="1.0"?><p>x</p>',
    '<![CDATA[x]]><p>y</p>',
    '<p/ class="x">',
    '<div\u00a0class="x">a no-break space in a tag</div>',
    '<a b==c>x</a>',
    '</ p>',
    '<p>unclosed tag <a href="x"',
]


@pytest.mark.parametrize("html", REGULAR)
def test_regular_markup_is_read_as_htmlparser_reads_it(html):
    regular, seen = fast(html)
    assert regular
    assert seen == by_htmlparser(html)


@pytest.mark.parametrize("html", IRREGULAR)
def test_irregular_markup_is_left_to_htmlparser(html):
    regular, _ = fast(html)
    assert not regular


@pytest.mark.parametrize("html", [*IRREGULAR, '<p>a &lt; b</p>\n<a onclick="x()">'])
def test_an_irregular_page_is_checked_as_before(html):
    """BuiltPages reads it again, afresh, with HTMLParser alone: it finds what HTMLParser's
    reading finds (raw Markdown, handlers), nothing twice."""
    html += '\n<p>- [x] a task left raw</p><a href="javascript:go()">x</a>'
    pages = BuiltPages(compressed=False)
    pages.see("page.html", html)
    expected = _OneReading("page.html")
    parse_html(html, expected)
    facts = pages.pages["page.html"]
    assert pages.readings == 1
    assert facts.raw_markdown == expected.raw.found()
    assert facts.inline_code == expected.inline.found
    assert facts.external_loads == expected.loads.found


# -- the raw Markdown check's quick test of line patterns (raw_markdown.py) -----------------
def test_each_line_pattern_starts_as_the_quick_test_looks_for():
    import re

    from elearning.site.raw_markdown import LINE_PATTERNS, PATTERNS
    patterns = dict(PATTERNS)
    assert LINE_PATTERNS <= set(patterns)
    for what in LINE_PATTERNS:
        source = patterns[what].pattern
        assert source.startswith("(?m)^[ \\t]*"), what
        first = re.match(r"\[[^\]]+\]|.", source.removeprefix("(?m)^[ \\t]*"))[0]
        assert set(first.strip("[]").replace("\\", "")) <= set("-*+/#"), (what, first)


@pytest.mark.parametrize("line, what", [
    ("- [x] done", "a task-list item"), ("  * [ ] to do", "a task-list item"),
    ("/// quiz | Q", "a block line"), ("## Heading", "a heading"), ("\t# Title", "a heading")])
@pytest.mark.parametrize("where", ["first", "later", "last"])
def test_raw_markdown_lines_are_found_wherever_they_are_on_the_page(line, what, where):
    from elearning.site.raw_markdown import _markdown_in
    text = {"first": f"{line}\nmore text", "later": f"some\ntext\n{line}\nmore",
            "last": f"some text\n{line}"}[where]
    assert [found.split(":")[0] for found in _markdown_in(text)] == [what]
    assert _markdown_in(text.replace(line, "a " + line)) == []  # not at a line start
