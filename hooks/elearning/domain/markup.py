"""Content is words, never code: raw <script>, inline event handlers (onclick=...), style
attributes and javascript: links in a content file stop the build. The site's
Content-Security-Policy would block them on the portal anyway (and work from a USB stick,
where no policy applies): a page must behave the same everywhere. Scripts belong in
overrides/javascripts/, styles in overrides/stylesheets/.

Code shown as an example (in `code` or a fenced block) is text, not markup: not checked.
"""
from __future__ import annotations

import re
from typing import Iterable

from .blocks import without_fences
from .problems import Problems

_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_TAG = r"<[A-Za-z][\w:-]*(?:\s[^<>]*?)?"
_ATTR_LIST = r"\{:?[^{}\n]*?"  # attr_list: {: .class style="..." }

RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<script\b", re.IGNORECASE),
     "a <script> in content: content cannot run code. Remove it; a behaviour belongs in a "
     "script file in overrides/javascripts/."),
    (re.compile(rf"(?:{_TAG}|{_ATTR_LIST})\s(?P<attribute>on[a-z]+)\s*=", re.IGNORECASE),
     "an inline event handler ('{attribute}=') in content: remove it (the site's security "
     "policy blocks it on the portal)."),
    (re.compile(rf"(?:{_TAG}|{_ATTR_LIST})\s(?P<attribute>style)\s*=", re.IGNORECASE),
     "a 'style' attribute in content: remove it, or use a class defined in "
     "overrides/stylesheets/ (the site's security policy blocks inline styles)."),
    (re.compile(r"<style\b", re.IGNORECASE),
     "a <style> element in content: remove it; styles belong in overrides/stylesheets/."),
    (re.compile(r"(?:\]\(\s*|\bhref\s*=\s*[\"']?\s*)javascript:", re.IGNORECASE),
     "a javascript: link in content: link to a page or an address instead."),
)


def check_markup(texts: Iterable[tuple[str, int, str]], problems: Problems) -> None:
    """Report code in content ((file, first line, text) as content_texts gives them)."""
    for file, first_line, text in texts:
        shown = _without_code(text)
        for pattern, message in RULES:
            for found in pattern.finditer(shown):
                line = first_line + shown.count("\n", 0, found.start())
                problems.add(file, line, message.format(**found.groupdict()))


def _without_code(text: str) -> str:
    """`text` with code blocks and code spans blanked (line numbers kept)."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match[0])
    return _CODE_SPAN.sub(blank, without_fences(text))
