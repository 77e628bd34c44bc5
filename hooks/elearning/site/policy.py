"""The Content-Security-Policy of the built site, from the inline code its pages carry.

The coordinator's portal hosts the site under its own security rules. A policy of 'self'
only would block Material's inline scripts (the __md_get/__md_set helpers, which differ by
folder depth, and the content-tab restore; the palette restore too when the palette has a
toggle), so the policy allows exactly those scripts by their sha256 hashes, computed from
the pages as built. Nothing else is relaxed:

- script-src: 'self' and the hashes. No 'unsafe-inline', no 'unsafe-eval': neither Material
  nor overrides/javascripts/*.js evaluates strings or uses inline event handlers.
- style-src: 'self'. The built pages have no <style> element and no style="" attribute,
  and the scripts set styles through CSSOM only (element.style.x = ..., style.setProperty:
  Material's sidebars and tooltips, the bar widths of the test results chart in
  course-test.js), which CSP does not restrict. Should a page gain a <style> element, its
  hash is added; should one gain a style attribute, its hash is added with
  'unsafe-hashes' (CSP level 3; a browser without it ignores that attribute, nothing else).
  Markdown tables with aligned columns (`---:`) write style="text-align: ..." unless the
  `tables` extension has `use_align_attribute: true` (then align="right", no style).
- img-src: 'self' data:, because Material's CSS draws its icons from data: SVG URLs
  (mask-image), which count as images.
- worker-src: 'self'. Over http Material's search runs in a Worker started from its own
  URL (assets/javascripts/workers/search.*.js), which imports the lunr language files
  from the site. The vendored iframe-worker shim replaces Worker by a hidden about:blank
  iframe only on file://, where no CSP applies: no blob: and no frame exception needed.
- frame-src: 'self' (no frames today; the site may frame its own pages, nothing else).
- connect-src: 'self' (the search index is fetched from the site). The progress export
  downloads a blob: URL through <a download>, a navigation that CSP does not restrict.

Inline event handlers (onclick=...) and javascript: URLs cannot be allowed without
weakening the policy for every page: a page that has one stops the build (built_pages.py).

Only known inline scripts are hashed: those of Material's templates listed in
MATERIAL_INLINE_SCRIPTS (the parts Jinja writes, such as the folder depth, may be any text
without quotes) and the project's own in PROJECT_INLINE_SCRIPTS (none: its scripts are files).
A page with any other inline script stops the build, so whatever reaches a page (content,
a template override) can never widen the policy. (The content check refuses <script> in
content earlier, with file and line.)

The pages are read once, as they are written (built_pages.py); add_inline_code is this
module's part of that reading. server_config.py writes the policy into the web server files.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import material

# HTML standard, "JavaScript MIME type essence match"; an empty or missing type is classic JS.
JAVASCRIPT_TYPES = {
    "", "module", "application/ecmascript", "application/javascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript",
}

# Attributes whose javascript: URL would run code (browsers ignore whitespace in the scheme).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}

# The inline scripts pages may carry, by Material template (in material/templates/).
MATERIAL_INLINE_SCRIPTS = (
    "partials/javascripts/base.html",      # __md_scope, __md_get, __md_set (per folder depth)
    "partials/javascripts/content.html",   # content tabs restored from the address
    "partials/javascripts/palette.html",   # colour scheme restored (with a palette toggle)
    "partials/javascripts/announce.html",  # announcement bar dismissed
    "partials/javascripts/outdated.html",  # version warning
)
PROJECT_INLINE_SCRIPTS: tuple[str, ...] = ()  # exact texts; none today
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}")


def allowed_inline_scripts() -> list[re.Pattern[str]]:
    """Patterns of the inline scripts that may be hashed (see the module docstring)."""
    templates = Path(material.__file__).parent / "templates"
    patterns = [re.compile(re.escape(text)) for text in PROJECT_INLINE_SCRIPTS]
    for name in MATERIAL_INLINE_SCRIPTS:
        for script in _SCRIPT.findall((templates / name).read_text(encoding="utf-8")):
            parts = _JINJA.split(script)
            patterns.append(re.compile('[^"<>]*'.join(re.escape(part) for part in parts)))
    return patterns


def sha256_source(text: str) -> str:
    """The CSP source expression for a script or style text: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class InlineCode:
    """What a set of pages runs or styles inline."""

    scripts: set[str] = field(default_factory=set)          # executed inline <script> texts
    script_pages: dict[str, str] = field(default_factory=dict)  # script text -> a page with it
    style_elements: set[str] = field(default_factory=set)   # <style> texts
    style_attributes: set[str] = field(default_factory=set)  # style="" values
    unsafe: list[str] = field(default_factory=list)         # handlers, javascript: URLs

    def add(self, other: InlineCode) -> None:
        """Add the inline code of other pages (the first page seen with a script names it)."""
        self.scripts |= other.scripts
        for text, page in other.script_pages.items():
            self.script_pages.setdefault(text, page)
        self.style_elements |= other.style_elements
        self.style_attributes |= other.style_attributes
        self.unsafe += other.unsafe

    def unknown_scripts(self) -> list[str]:
        """'page: <script>start of the text</script>' for each script the policy refuses."""
        allowed = allowed_inline_scripts()
        return sorted(f"{self.script_pages[text]}: <script>{' '.join(text.split())[:80]}"
                      f"{'…' if len(text) > 80 else ''}</script>"
                      for text in self.scripts if not any(p.fullmatch(text) for p in allowed))


def add_inline_code(found: InlineCode, where: str, tag: str, attributes, element) -> None:
    """Add what one element of a page (`where`: its path) runs or styles inline; the reading
    (built_pages.read_page) hands over each element with an attribute or a tag this looks at
    (checks_attribute; script, style)."""
    if tag == "script":
        if "src" not in attributes and _executed(attributes):
            text = element.text or ""  # as written: a script's content is not unescaped
            found.scripts.add(text)
            found.script_pages.setdefault(text, where)
    elif tag == "style":
        found.style_elements.add(element.text or "")
    for name, value in attributes.items():
        if name == "style":
            found.style_attributes.add(value)
        elif name.startswith("on") and len(name) > 2:
            found.unsafe.append(f"{where}: <{tag} {name}=...>")
        elif name in URL_ATTRIBUTES and "".join((value or "").split()).lower() \
                .startswith("javascript:"):
            found.unsafe.append(f"{where}: <{tag} {name}=\"javascript:...\">")


def checks_attribute(name: str) -> bool:
    """Whether add_inline_code looks at an attribute of this name."""
    return name == "style" or name.startswith("on") or name in URL_ATTRIBUTES


def _executed(values) -> bool:
    """Whether a browser runs this <script> (JSON data blocks and templates are not)."""
    kind = values.get("type")
    if kind is None:
        language = values.get("language")
        kind = f"text/{language}" if language else ""
    return kind.strip().lower() in JAVASCRIPT_TYPES


def content_security_policy(found: InlineCode) -> str:
    """The policy for pages with the inline code `found` (checked by built_pages.py: no
    handlers, no unknown scripts)."""
    scripts = sorted(sha256_source(text) for text in found.scripts)
    styles = sorted(sha256_source(text) for text in found.style_elements)
    if found.style_attributes:
        styles += ["'unsafe-hashes'"] + sorted(sha256_source(text)
                                               for text in found.style_attributes)
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *scripts]),
        ("style-src", ["'self'", *styles]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("frame-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)
