"""The site's own stylesheets and site-wide scripts, each served as one minified file.

mkdocs.yml lists them (`extra_css`, `extra_javascript`) in the order they must run; the build
keeps that list as the sources and gives the pages one stylesheet and one script instead:
fewer requests and fewer bytes before a phone on a slow network shows the page (three
stylesheets of 18.7 KB become one of 12.5 KB; six scripts of 37 KB, one of 23 KB). The source
files are still in the site, minified, under their own names (the SCORM launch page, the
PDFs and a page's own `scripts:` use them by name). Minified by rjsmin and rcssmin, which only drop comments and
white space: the code that runs is the code in overrides/.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin

SCRIPT = "javascripts/elearning.min.js"
STYLESHEET = "stylesheets/elearning.min.css"


@dataclass(frozen=True)
class Bundles:
    """The sources, as mkdocs.yml lists them (paths relative to the theme folder)."""

    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]

    @classmethod
    def take_from(cls, config) -> "Bundles":
        """Replaces the lists in `config` by the bundles; returns the sources. Idempotent:
        static-i18n runs on_config again for each language on the same lists."""
        scripts = tuple(str(getattr(s, "path", s)) for s in config.extra_javascript)
        stylesheets = tuple(str(s) for s in config.extra_css)
        config.extra_javascript[:] = [SCRIPT] if scripts else []
        config.extra_css[:] = [STYLESHEET] if stylesheets else []
        return cls(scripts, stylesheets)

    def write(self, theme_folder: Path, site: Path) -> None:
        """The bundles into the built site, from the source files in `theme_folder`."""
        for sources, target, minify in ((self.scripts, SCRIPT, rjsmin.jsmin),
                                        (self.stylesheets, STYLESHEET, rcssmin.cssmin)):
            if not sources:
                continue
            # Each file minified on its own, then joined (";" after a script: a file that
            # ends without one must not run on into the next).
            parts = [minify((theme_folder / source).read_text(encoding="utf-8"))
                     for source in sources]
            text = (";\n" if target == SCRIPT else "\n").join(parts) + "\n"
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            (site / target).write_text(text, encoding="utf-8")
        # The scripts and stylesheets of some pages only (course-test.js, scorm.css...),
        # copied from the theme folder as they are: minified in place, under their names.
        for folder, suffix, minify in (("javascripts", ".js", rjsmin.jsmin),
                                       ("stylesheets", ".css", rcssmin.cssmin)):
            for source in sorted((theme_folder / folder).glob("*" + suffix)):
                built = site / folder / source.name
                if built.is_file():
                    built.write_text(minify(source.read_text(encoding="utf-8")) + "\n",
                                     encoding="utf-8")
