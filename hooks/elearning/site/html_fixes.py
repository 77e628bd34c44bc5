"""Markup mended in the finished HTML, before it is written.

Two errors of Material 9.8.2 that the Nu HTML checker reports on every page, because they sit
outside the templates' overridable blocks; and the links of the 404 page.
"""
from __future__ import annotations

import re

# autocomplete is not allowed on checkboxes (Material's drawer and search toggles).
CHECKBOX_AUTOCOMPLETE = (
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
)
# On section index pages and pages outside the navigation Material writes the table of
# contents' label for a "__toc" toggle that it does not write.
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def mend(html: str) -> str:
    for wrong, right in CHECKBOX_AUTOCOMPLETE:
        html = html.replace(wrong, right)
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def relative_404(html: str, sub_path: str) -> str:
    """Material's 404.html links its files from the path of site_url (/elearning/...): make
    them relative to the site folder, where 404.html is, so that the page works from a USB
    stick too (the web server files give it a <base> for missing pages deep in the site).
    `sub_path`: the path of site_url, normalised ('/elearning/', or '/')."""
    return re.sub(rf'((?:href|src|action)="){re.escape(sub_path)}/*', r"\1", html)
