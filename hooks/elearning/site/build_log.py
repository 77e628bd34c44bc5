"""What a build prints: the problems, and a short summary at the end.

MkDocs and static-i18n print about fifty INFO lines per good build (each language's build,
pages outside the nav, the i18n plugin's notes), which bury the lines that matter. They
are hidden unless asked for: `make site VERBOSE=1` (ELEARNING_VERBOSE=1), or `mkdocs -v`.
Warnings and errors always show; so do this project's own lines and `mkdocs serve`'s.
"""
from __future__ import annotations

import logging
import os
from collections import Counter

# Loggers whose INFO lines are routine for this site.
CHATTY = ("mkdocs.commands.build", "mkdocs.structure", "mkdocs.plugins.mkdocs_static_i18n",
          "mkdocs.plugins.material")


class HideChatter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno != logging.INFO or not record.name.startswith(CHATTY)


def quiet_mkdocs() -> None:
    """Attach the filter to the handlers of MkDocs' logger (a filter on a logger would not
    see its children's records), once, unless verbose output is asked for."""
    mkdocs = logging.getLogger("mkdocs")
    if os.environ.get("ELEARNING_VERBOSE", "") not in ("", "0") \
            or mkdocs.getEffectiveLevel() <= logging.DEBUG:
        return
    for handler in mkdocs.handlers:
        if not any(isinstance(f, HideChatter) for f in handler.filters):
            handler.addFilter(HideChatter())


class ProblemCount(logging.Handler):
    """Counts the warnings and errors of a build, by kind, for the summary."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.levelname.lower()] += 1


def summary(pages: int, site: str, counts: Counter, seconds: float) -> str:
    problems = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(counts.items()))
    return (f"Built {pages} pages in {seconds:.0f} s ({problems or 'no problems'}). "
            f"The site is in {site}/ (open index.html).")
