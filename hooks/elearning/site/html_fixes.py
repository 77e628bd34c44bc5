"""Two markup errors of Material 9.8.2 that the Nu HTML checker reports on every page, mended
in the finished HTML because they sit outside the templates' overridable blocks."""
from __future__ import annotations

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
