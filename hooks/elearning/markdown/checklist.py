"""Task-list boxes (`- [ ] sign`) in checklists are boxes to tick on paper.

pymdownx.tasklist draws them as disabled, unlabelled checkboxes, which screen readers
announce as unnamed form fields. They become drawn boxes, hidden from screen readers, who
read the list item's text.
"""
from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

DISABLED_CHECKBOX = re.compile(r'<input type="checkbox" disabled(?P<checked> checked)?/>')


class PaperBoxes(Postprocessor):
    def run(self, text: str) -> str:
        return DISABLED_CHECKBOX.sub(
            lambda m: '<span class="paper-box" aria-hidden="true">'
                      + ("☑" if m["checked"] else "☐") + "</span>", text)


class ChecklistExtension(Extension):
    def extendMarkdown(self, md):
        # After raw HTML (where tasklist puts its checkboxes) is put back (priority 30).
        md.postprocessors.register(PaperBoxes(md), "paper-boxes", 5)
