"""Each built page is read once, into one lxml tree of which the checks see only the
elements and the text they may need (built_pages.read_page): what they find there (inline
code for the CSP, outside loads, raw Markdown) is what a plain reading finds, tag by tag,
with Python's html.parser, on every page of the site and on odd markup; and the quick looks
that pass over most of a page (attribute names no check looks at; text without anything a
raw-Markdown pattern needs; lines without a line pattern's start) miss nothing."""
import re
from html.parser import HTMLParser

import pytest

from elearning.site.built_pages import BuiltPages, read_page
from elearning.site.offline import LOADING_ATTRIBUTES, LOADING_LINK_RELS, is_external
from elearning.site.policy import JAVASCRIPT_TYPES, URL_ATTRIBUTES
from elearning.site.raw_markdown import _INLINE, VERBATIM, _markdown_in


class _Reference(HTMLParser):
    """Every check, written out on the events of html.parser: each tag and text as it comes
    (the way this project read pages before the tree). Nothing here is shared with the
    tree-based reading but the lists of names and the raw Markdown patterns."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.styles, self.style_attributes = [], [], []
        self.unsafe, self.loads, self.lines = [], [], [""]
        self._collecting, self._text, self._verbatim = None, [], 0

    def handle_starttag(self, tag, attrs):
        attributes = {}
        for name, value in attrs:
            attributes.setdefault(name, value)  # a repeated attribute: the first counts
        for name, value in attributes.items():  # policy.py
            if name == "style":
                self.style_attributes.append(value or "")
            elif name.startswith("on") and len(name) > 2:
                self.unsafe.append(f"page.html: <{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and re.sub(r"\s", "", value or "").lower() \
                    .startswith("javascript:"):
                self.unsafe.append(f'page.html: <{tag} {name}="javascript:...">')
        kind = attributes.get("type")
        if kind is None:
            kind = f"text/{attributes['language']}" if attributes.get("language") else ""
        if tag == "style" or (tag == "script" and "src" not in attributes
                              and kind.strip().lower() in JAVASCRIPT_TYPES):
            self._collecting, self._text = tag, []
        if tag == "link":  # offline.py
            if set((attributes.get("rel") or "").lower().split()) & LOADING_LINK_RELS \
                    and is_external(attributes.get("href")):
                self.loads.append(f"<link rel={attributes.get('rel')}> {attributes['href']}")
        else:
            for name, value in attributes.items():
                if (tag, name) in LOADING_ATTRIBUTES and is_external(value):
                    self.loads.append(f"<{tag} {name}> {value}")
                if name == "srcset" and any(is_external(part.split()[0])
                                            for part in (value or "").split(",")
                                            if part.strip()):
                    self.loads.append(f"<{tag} srcset> {value}")
        if tag in VERBATIM:  # raw_markdown.py
            self._verbatim += 1
        elif tag not in _INLINE:
            self.lines.append("")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("script", "style"):  # HTML has no self-closing <script/>
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == self._collecting:
            (self.scripts if tag == "script" else self.styles).append("".join(self._text))
            self._collecting = None
        if tag in VERBATIM:
            self._verbatim = max(0, self._verbatim - 1)
        elif tag not in _INLINE:
            self.lines.append("")

    def handle_data(self, data):
        if self._collecting:
            self._text.append(data)
        if not self._verbatim:
            self.lines[-1] += data


def by_tree(html: str) -> tuple:
    """What the build finds (built_pages.read_page)."""
    found = read_page(html.encode(), "page.html")
    code = found.inline_code
    assert set(code.script_pages) == code.scripts
    return (sorted(code.scripts), sorted(code.style_elements), sorted(code.style_attributes),
            code.unsafe, found.external_loads, found.raw_markdown)


def by_htmlparser(html: str) -> tuple:
    reference = _Reference()
    reference.feed(html)
    reference.close()
    return (sorted(set(reference.scripts)), sorted(set(reference.styles)),
            sorted(set(reference.style_attributes)), reference.unsafe, reference.loads,
            _markdown_in("\n".join(reference.lines)))


def test_every_page_of_the_site_gives_the_same_findings_as_htmlparser(built_site):
    pages = BuiltPages.html_files(built_site)
    assert len(pages) > 200
    scripts = 0
    for path in pages:
        html = (built_site / path).read_text(encoding="utf-8")
        ours = by_tree(html)
        assert ours == by_htmlparser(html), path
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
    '<p>## <!-- a comment in the line -->Comment</p>',
    '<p>#<b>#</b> <em>Heading</em></p>',
    '<p>- <span>[x]</span> <a href="#">task</a></p><p><code>## a</code> ## b</p>',
    '<em><pre>## shown</pre>## raw</em><code><b>## shown</b></code>',
    '<template><p>## in a template</p></template><textarea>## typed</textarea>',
    '<style></style><script></script><p style>x</p><p style="">y</p>',
    '<svg><a xlink:href="javascript:go()"><text>x</text></a></svg>',
    '<link rel="preload" srcset="https://x/a.png 1x"><link rel=ICON href=" HTTPS://x/i">',
    '<video poster="https://x/p.jpg" src="v.mp4"></video><object data="//x/o"></object>',
    '<a href="https://outside.example">a link is no load</a><form action="javascript:x">',
    '<p onclick="a()" ONCLICK="b()" href="javascript:c" onmouseover="d">x</p><p on="x">',
    '<script type=" Text/JavaScript ">a</script><script language="javascript">b</script>'
    '<script type="text/template">c</script><script language="vbscript">d</script>',
    '<p>&lt;span class="x"&gt; &lt;/p&gt; &#42;[AB]: x</p><p>text</p>after<p>&lt;p\n</p>',
    '<div>line one\n  ### three</div><ul><li>- [ ] item</li></ul>',
    '<p>text after the end</p></body></html>\n## after the end\n',
    '<p>x</p></html><script>after()</script><img src="https://x/a.png"><p>- [x] a</p>',
    '<script>x = "</html>"</script><p>## after a string</p></html>\n',
]


@pytest.mark.parametrize("html", MARKUP)
def test_markup_gives_the_same_findings_as_htmlparser(html):
    assert by_tree(html) == by_htmlparser(html)


def test_the_markup_gives_each_check_something_to_find():
    """So that the comparison above compares findings, not empty lists, for every kind."""
    found = [by_tree(html) for html in MARKUP]
    for kind in range(6):
        assert sum(len(each[kind]) for each in found) >= 2, kind


def test_what_the_checks_report_from_a_reading():
    html = ('<script>go()</script><p onclick="x()">- [x] raw</p>'
            '<img src="https://cdn.example/a.png"><script type="application/json">{}</script>')
    scripts, _, _, unsafe, loads, raw = by_tree(html)
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


# -- what lets the reading pass over most of a page quickly -------------------------------
def test_the_reading_passes_over_no_element_with_an_attribute_a_check_looks_at():
    from elearning.site.built_pages import _HREF, _LOOK, _PASS, _kind
    for name in ["style", "onclick", "onx", "src", "action", "formaction", "data",
                 "xlink:href", "poster", "srcset", "rel"]:
        assert _kind(("class", name, "id")) == _LOOK, name
    assert _kind(("href", "class")) == _HREF and _kind(("href", "rel")) == _LOOK
    assert _kind(("class", "id", "data-md-component", "hreflang", "lang")) == _PASS
    assert _kind(("class", "one")) == _LOOK  # a handler to the check: any on... name


@pytest.mark.parametrize("text, what", [
    ("- [x] done", "a task-list item"), ("  * [ ] to do", "a task-list item"),
    ("+ [X]", "a task-list item"), ("/// quiz | Q", "a block line"), ("///", "a block line"),
    ("## Heading", "a heading"), ("\t#\tTitle", "a heading"), ("*[MIA]: x", "an abbreviation definition"),
    ('<DIV class="x">', "an HTML tag"), ("</h2>", "an HTML tag"), ("<br/>", "an HTML tag"),
    ("**Call 102**", "bold marks"), ("see __this__ now", "bold marks"),
    ("a **two words**.", "bold marks")])
def test_the_quick_look_at_a_page_s_text_misses_no_pattern(text, what):
    """A page whose text, its lines run together, _may_show nothing is not split into lines:
    whatever a pattern finds in a line, _may_show sees with the lines run together."""
    from elearning.site.raw_markdown import _markdown_in, _may_show
    assert [found.split(":")[0] for found in _markdown_in(f"before\n{text}\nafter")] == [what]
    assert _may_show(f"before{text}after")
    assert not _may_show("before a / b, [1], C#, x*y, 2 < 3, _id_ after")


@pytest.mark.parametrize("text", ["2 ** 3", "x**y**z", "** not bold **", "a*b*c", "snake_case_name",
                                  "file__name__x", "\\**escaped**", "* one * two *"])
def test_asterisks_and_underscores_that_are_not_bold_are_not_reported(text):
    from elearning.site.raw_markdown import _markdown_in
    assert _markdown_in(f"before\n{text}\nafter") == []
