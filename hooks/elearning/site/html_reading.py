"""The tags and text of a page, as html.parser.HTMLParser reports them, read faster.

Every built page is read once (built_pages.py). Python's HTMLParser is pure Python and
tolerant of every malformation, which costs about 3 ms per page of this site (a third of
what plain Material spends on a whole page). The pages MkDocs writes are regular: this
reader takes the regular forms (text; start tags with space-separated attributes, quoted or
plain values; end tags; comments; the doctype; script and style content up to their end tag)
with one regular expression, and reports them exactly as HTMLParser(convert_charrefs=True)
would. At the first thing it does not take as regular (a lone '<', a tag written in an
unusual way, an unclosed script, a processing instruction...) it says so, and the page is
read again by HTMLParser: an odd page is read as before, only slower.

tests/site/test_html_reading.py compares the two on every page of a built site and on
irregular markup.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

# HTMLParser's tag names end at ASCII white space, '/' or '>'; its attributes are separated
# by any white space (str.isspace). Only ASCII white space is taken here, and a bare value
# stops at any white space: anything else makes the regular form fail (then HTMLParser reads).
_SPACE = r"[ \t\n\r\f]"
_TOKEN = re.compile(rf"""
    (?P<text>[^<]+)
  | <(?P<start>[a-zA-Z][-a-zA-Z0-9]*)
     (?P<attrs>(?:{_SPACE}+[^\s"'<>/=]+(?:{_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)
     {_SPACE}*(?P<close>/?)>
  | </(?P<end>[a-zA-Z][-a-zA-Z0-9]*){_SPACE}*>
  | <!--(?P<comment>.*?)--\s*>
  | <![dD][oO][cC][tT][yY][pP][eE](?P<decl>[^>]*)>
""", re.VERBOSE | re.DOTALL)
_ATTRIBUTE = re.compile(rf"""{_SPACE}+([^\s"'<>/=]+)
    (?:{_SPACE}*={_SPACE}*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.VERBOSE)
# HTMLParser's end of script and style content (its cdata mode).
_CDATA_END = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}


def read_html(html: str, handler) -> bool:
    """Report the tags and text of `html` to `handler` (handle_starttag, handle_startendtag,
    handle_endtag, handle_data; comments and the doctype are skipped, as the pages' readers
    ignore them) as HTMLParser(convert_charrefs=True) would, data maybe in other pieces.
    False if the page is not regular: the handler has then seen part of it, and the page
    must be read again, by parse_html, with a new handler."""
    start, startend, end, data = (handler.handle_starttag, handler.handle_startendtag,
                                  handler.handle_endtag, handler.handle_data)
    match_at = _TOKEN.match
    position, length = 0, len(html)
    while position < length:
        token = match_at(html, position)
        if token is None:
            return False
        position = token.end()
        kind = token.lastindex  # 1 text, 4 start tag (its last group), 5 end tag, 6-7 skipped
        if kind == 1:
            text = token[1]
            data(unescape(text) if "&" in text else text)
        elif kind == 4:
            tag, attributes, close = token.group(2, 3, 4)
            tag = tag.lower()
            attrs = _attributes(attributes) if attributes else []
            if close:
                startend(tag, attrs)
                continue
            start(tag, attrs)
            if tag in _CDATA_END:  # raw text up to its end tag, as HTMLParser's cdata mode
                closing = _CDATA_END[tag].search(html, position)
                if closing is None:
                    return False
                if closing.start() > position:
                    data(html[position:closing.start()])
                end(tag)
                position = closing.end()
        elif kind == 5:
            end(token[5].lower())
        # comments and the doctype: nothing to report
    return True


def parse_html(html: str, handler) -> None:
    """The same, by HTMLParser itself: for any page."""
    parser = _Parser(handler)
    parser.feed(html)
    parser.close()


@lru_cache(maxsize=4096)  # the same attributes recur on every page (navigation, icons)
def _attributes(text: str) -> list[tuple[str, str | None]]:
    """As HTMLParser: names in lower case, values without quotes and unescaped, None for an
    attribute written without a value. The list is shared: not to be changed."""
    found = []
    for attribute in _ATTRIBUTE.finditer(text):
        name, double, single, bare = attribute.groups()
        value = double if double is not None else single if single is not None else bare
        if value and "&" in value:
            value = unescape(value)
        found.append((name.lower(), value))
    return found


class _Parser(HTMLParser):
    """HTMLParser reporting to the handler (for pages not read by the fast path)."""

    def __init__(self, handler):
        super().__init__(convert_charrefs=True)
        self.handle_starttag = handler.handle_starttag
        self.handle_startendtag = handler.handle_startendtag
        self.handle_endtag = handler.handle_endtag
        self.handle_data = handler.handle_data
