"""Each built page is read once, by lxml (built_pages.read_page): what its finders find
(inline code for the CSP, outside loads, raw Markdown) is what a reading by Python's
html.parser finds, on every page of the site and on odd markup; and the raw Markdown check's
quick test of line patterns (raw_markdown.py) misses nothing."""
import re
from html.parser import HTMLParser

import pytest

from elearning.site.built_pages import BuiltPages, _OneReading, read_page


class _Reference(HTMLParser):
    """The same finders fed by html.parser: the reading this project used before."""

    def __init__(self, reading: _OneReading):
        super().__init__(convert_charrefs=True)
        self.reading = reading

    def handle_starttag(self, tag, attrs):
        self.reading.start(tag, dict(reversed(attrs)))  # a repeated attribute: the first counts

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("script", "style"):  # HTML has no self-closing <script/>
            self.reading.end(tag)

    def handle_endtag(self, tag):
        self.reading.end(tag)

    def handle_data(self, data):
        self.reading.data(data)


def findings(html: str, read) -> tuple:
    reading = _OneReading("page.html")
    read(html, reading)
    found = reading.inline.found
    return (sorted(found.scripts), sorted(found.style_elements), sorted(found.style_attributes),
            found.unsafe, reading.loads.found, reading.raw.found())


def by_lxml(html, reading):
    read_page(html, reading)


def by_htmlparser(html, reading):
    parser = _Reference(reading)
    parser.feed(html)
    parser.close()


def test_every_page_of_the_site_gives_the_same_findings_as_htmlparser(built_site):
    pages = BuiltPages.html_files(built_site)
    assert len(pages) > 200
    scripts = 0
    for path in pages:
        html = (built_site / path).read_text(encoding="utf-8")
        ours = findings(html, by_lxml)
        assert ours == findings(html, by_htmlparser), path
        scripts += len(ours[0])
    assert scripts > len(pages)  # every page has inline scripts to hash: the test compares them


MARKUP = [
    '<!DOCTYPE html>\n<html lang="az"><head><meta charset="utf-8"><title>A &amp; B</title>',
    '<p class=plain data-x=\'one\' hidden>text &lt;div&gt; &#1234; &copy</p>',
    '<a href="x/y.html" title="a > b">link</a><br/><br /><img src=a.png alt="">',
    '<A HREF="X">upper case names</A><IMG SRC="https://cdn.example/x.png">',
    '<script>if (a < b && c > d) { x = "</div>" }</script><style>p > a { }</style>',
    '<script type="application/json">{"a": "<b>"}</script ><p>after</p>',
    '<SCRIPT>x</Script><script type="module">y</script><script src="a.js"></script>',
    '<!-- a comment with <p> inside --><p>x</p><!-- another -->',
    '<p>text\nwith lines</p>\n\n<div\n  class="a"\n  id="b"\n  style="color: red"\n>x</div>',
    '<input type="checkbox" checked disabled onclick="go()">',
    '<a href=" JAVA\tSCRIPT:alert(1)">x</a><p style="color: red">y</p>',
    '<link rel="stylesheet" href="//fonts.example/css"><link rel="canonical" href="https://x">',
    '<p>- [x] a task left raw</p><pre>- [x] shown on purpose</pre>\n<p>## Heading</p>',
    '<p>&lt;div class="x"&gt; escaped</p><code>&lt;div&gt;</code><p>*[MIA]: x</p>',
    '<p>a < b but c</p>',
    '<p>/// quiz | Q</p><img srcset="a.png 1x, https://x/b.png 2x">',
]


@pytest.mark.parametrize("html", MARKUP)
def test_markup_gives_the_same_findings_as_htmlparser(html):
    assert findings(html, by_lxml) == findings(html, by_htmlparser)


def test_what_the_finders_report_from_a_reading():
    html = ('<script>go()</script><p onclick="x()">- [x] raw</p>'
            '<img src="https://cdn.example/a.png"><script type="application/json">{}</script>')
    scripts, _, _, unsafe, loads, raw = findings(html, by_lxml)
    assert scripts == ["go()"]  # JSON data is not run: not hashed
    assert unsafe == ["page.html: <p onclick=...>"]
    assert loads == ["<img src> https://cdn.example/a.png"]
    assert [line.split(":")[0] for line in raw] == ["a task-list item"]


# -- the raw Markdown check's quick test of line patterns (raw_markdown.py) -----------------
def test_each_line_pattern_starts_as_the_quick_test_looks_for():
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
