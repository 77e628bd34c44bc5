"""The site's own stylesheets and site-wide scripts, each served as one minified file.

mkdocs.yml lists them (`extra_css`, `extra_javascript`) in the order they must run; the build
keeps that list as the sources and gives the pages one stylesheet and one script instead:
fewer requests and fewer bytes before a phone on a slow network shows the page (three
stylesheets of 18.7 KB become one of 12.5 KB; six scripts of 37 KB, one of 23 KB). The source
files are still in the site, minified, under their own names (the SCORM launch page, the
PDFs and a page's own `scripts:` use them by name). Stylesheets are minified by rcssmin,
which only drops comments and white space. Scripts by calmjs.parse: it parses each file as
ES5 and prints it again without comments or white space, and with each function's local
names shortened (a 14 % smaller download than white space alone). Names outside any function,
and every property (window.CTE, element.dataset.quiz...), stay as written, so the scripts
still find each other and the pages' inline code. A script calmjs cannot read (written in
a later edition of JavaScript) is minified by rjsmin instead, white space and comments
only, and the build says so.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import rcssmin
import rjsmin

try:  # pinned in requirements.txt; a .venv made before it still builds (`make` installs it)
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print
    CALMJS = version("calmjs.parse")
except ImportError:
    CALMJS = None

log = logging.getLogger("mkdocs.plugins.elearning")

SCRIPT = "javascripts/elearning.min.js"
STYLESHEET = "stylesheets/elearning.min.css"


def minify_stylesheet(text: str, name: str = "a stylesheet") -> str:
    """`text` without comments and white space."""
    return rcssmin.cssmin(text)


def minify_script(text: str, name: str = "a script") -> str:
    """`text` without comments and white space, local names shortened (module docstring)."""
    if CALMJS is None:
        log.info(f"{name}: minified without shortening its names (calmjs.parse is not "
                 "installed: .venv/bin/pip install -r requirements.txt)")
        return rjsmin.jsmin(text)
    try:
        return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)
    except ECMASyntaxError as error:
        log.info(f"{name}: minified without shortening its names (the minifier reads "
                 f"ES5 only: {str(error).splitlines()[0]})")
        return rjsmin.jsmin(text)


class ScriptCache:
    """minify_script's results in a folder (.cache/scripts), by the hash of the script and
    the minifier's version: calmjs reads in Python, a tenth of the build's CPU time for
    scripts that seldom change. Files no build asks for any more are removed."""

    KEY = f"calmjs.parse {CALMJS} obfuscate\0"

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[Path] = set()

    def minify(self, text: str, name: str) -> str:
        path = self.folder / (hashlib.sha256((self.KEY + text).encode()).hexdigest()[:32] + ".js")
        self.used.add(path)
        if path.is_file():
            return path.read_text(encoding="utf-8")
        result = minify_script(text, name)
        if result != rjsmin.jsmin(text):  # not the fallback: its message shows on every build
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_text(result, encoding="utf-8")
        return result

    def prune(self) -> None:
        for path in self.folder.glob("*.js"):
            if path not in self.used:
                path.unlink(missing_ok=True)


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
        """The bundles into the built site, from the source files in `theme_folder` (the
        scripts' cache in .cache/scripts beside it, like .cache/pdf)."""
        scripts = ScriptCache(theme_folder.parent / ".cache" / "scripts")
        for sources, target, minify in ((self.scripts, SCRIPT, scripts.minify),
                                        (self.stylesheets, STYLESHEET, minify_stylesheet)):
            if not sources:
                continue
            # Each file minified on its own, then joined (";" after a script: a file that
            # ends without one must not run on into the next).
            parts = [minify((theme_folder / source).read_text(encoding="utf-8"), source)
                     for source in sources]
            text = (";\n" if target == SCRIPT else "\n").join(parts) + "\n"
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            (site / target).write_text(text, encoding="utf-8")
        # The scripts and stylesheets of some pages only (course-test.js, scorm.css...),
        # copied from the theme folder as they are: minified in place, under their names.
        for folder, suffix, minify in (("javascripts", ".js", scripts.minify),
                                       ("stylesheets", ".css", minify_stylesheet)):
            for source in sorted((theme_folder / folder).glob("*" + suffix)):
                built = site / folder / source.name
                if built.is_file():
                    built.write_text(minify(source.read_text(encoding="utf-8"),
                                            f"{folder}/{source.name}") + "\n",
                                     encoding="utf-8")
        scripts.prune()
