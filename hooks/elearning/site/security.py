"""A Content-Security-Policy for the built site, and web server snippets that send it.

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
weakening the policy for every page: a page that has one stops the build.

Only known inline scripts are hashed: those of Material's templates listed in
MATERIAL_INLINE_SCRIPTS (the parts Jinja writes, such as the folder depth, may be any text
without quotes) and the project's own in PROJECT_INLINE_SCRIPTS (none: its scripts are files).
A page with any other inline script stops the build, so whatever reaches a page (content,
a template override) can never widen the policy. (The content check refuses <script> in
content earlier, with file and line.)

Parsing uses html.parser (stdlib), like offline.py.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

# The snippets for the web server are written beside the site (site-server/ next to site/),
# never inside it: the published tree holds only what readers may fetch.
SERVER_FOLDER = "-server"


def server_folder(site: Path) -> Path:
    """Where the build writes the server files for `site`: a sibling folder, <site>-server."""
    return site.with_name(site.name + SERVER_FOLDER)
POLICY_FILE = "content-security-policy.txt"
NGINX_FILE = "nginx.conf"
APACHE_FILE = "apache.htaccess"
# Where the nginx snippet expects the unpacked site/ folder; the IT team sets its own path.
NGINX_SITE_PLACEHOLDER = "/srv/ct-elearning/site/"

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

# Text types worth compressing (text/html is always compressed by nginx's gzip module).
COMPRESSED_TYPES = ("text/css", "application/javascript", "text/javascript", "application/json",
                    "image/svg+xml", "text/xml", "application/xml", "text/plain")
# Material's own bundles carry a content hash in their names (bundle.a5f9d56c.min.js): they
# never change under the same name and may be cached for a year. Everything else (pages,
# the project's scripts and styles, the search index) is revalidated on every visit, so a
# content update shows at once; revalidation costs a 304 without body.
HASHED_FILE_PATTERN = r"\.[0-9a-f]{8}\.min\.(js|css)$"


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


# Sent with every response besides the Content-Security-Policy. The site uses no camera,
# microphone, location, payment or USB, opens no window it must talk to, and sends no
# referrer to other sites.
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)


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


class _InlineCodeParser(HTMLParser):
    def __init__(self, found: InlineCode, where: str):
        super().__init__(convert_charrefs=True)
        self.found = found
        self.where = where
        self._collecting: str | None = None  # "script" or "style" while inside one
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._attributes(tag, attrs)
        values = dict(attrs)
        if tag == "script" and "src" not in values and self._executed(values):
            self._start("script")
        elif tag == "style":
            self._start("style")

    def handle_startendtag(self, tag, attrs):
        self._attributes(tag, attrs)  # <script/> or <style/> have no text to hash

    def handle_data(self, data):
        if self._collecting:
            self._text.append(data)  # script and style content arrives raw, maybe in pieces

    def handle_endtag(self, tag):
        if tag != self._collecting:
            return
        text = "".join(self._text)
        (self.found.scripts if tag == "script" else self.found.style_elements).add(text)
        if tag == "script":
            self.found.script_pages.setdefault(text, self.where)
        self._collecting = None

    def _start(self, tag: str) -> None:
        self._collecting = tag
        self._text = []

    @staticmethod
    def _executed(values: dict) -> bool:
        """Whether a browser runs this <script> (JSON data blocks and templates are not)."""
        kind = values.get("type")
        if kind is None:
            language = values.get("language")
            kind = f"text/{language}" if language else ""
        return kind.strip().lower() in JAVASCRIPT_TYPES

    def _attributes(self, tag, attrs) -> None:
        for name, value in attrs:
            name = name.lower()
            if name == "style" and value is not None:
                self.found.style_attributes.add(value)
            elif name.startswith("on") and len(name) > 2:
                self.found.unsafe.append(f"{self.where}: <{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and "".join((value or "").split()).lower() \
                    .startswith("javascript:"):
                self.found.unsafe.append(f"{self.where}: <{tag} {name}=\"javascript:...\">")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read_page(path: Path) -> str:
    """The text a browser tokenises: CR LF and lone CR become LF before hashing."""
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def inline_code(site: Path, pages: list[Path] | None = None) -> InlineCode:
    """The inline code of every page of the site (or of the given pages of it)."""
    found = InlineCode()
    for page in html_pages(site) if pages is None else pages:
        parser = _InlineCodeParser(found, page.relative_to(site).as_posix())
        parser.feed(read_page(page))
        parser.close()
    return found


def content_security_policy(site: Path) -> str:
    """The policy for every page of the built site in `site` (see the module docstring)."""
    found = inline_code(site)
    if found.unsafe:
        raise PluginError(
            "these pages have inline event handlers or javascript: URLs, which the site's "
            "Content-Security-Policy blocks on the portal; use a script file in "
            "overrides/javascripts/ (addEventListener) instead:\n  "
            + "\n  ".join(found.unsafe[:20]))
    allowed = allowed_inline_scripts()
    unknown = sorted(f"{found.script_pages[text]}: <script>{' '.join(text.split())[:80]}"
                     f"{'…' if len(text) > 80 else ''}</script>"
                     for text in found.scripts if not any(p.fullmatch(text) for p in allowed))
    if unknown:
        raise PluginError(
            "these pages carry inline scripts that are not on the list of the theme's and the "
            "project's own (hooks/elearning/site/security.py), so the Content-Security-Policy "
            "will not allow them. Remove them, or move the code to a script file in "
            "overrides/javascripts/:\n  " + "\n  ".join(unknown[:20]))
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


# -- web server snippets ---------------------------------------------------------------------

def _normalise_sub_path(sub_path: str) -> str:
    sub_path = "/" + sub_path.strip("/") + "/"
    return "/" if sub_path == "//" else sub_path


def nginx_location(policy: str, sub_path: str = "/elearning/") -> str:
    sub_path = _normalise_sub_path(sub_path)
    redirect = "" if sub_path == "/" else (
        f"# {sub_path.rstrip('/')} without the slash: send readers to the site.\n"
        f"location = {sub_path.rstrip('/')} {{\n    return 301 {sub_path};\n}}\n\n")
    return f"""\
# Counter-trafficking e-learning, served at {sub_path}
# Put these blocks inside the portal's server {{ }} block and set `alias` to the folder
# where site/ of the bundle was unpacked (keep the trailing slash). The workers of nginx
# must be able to read it (world-readable files, or the user nginx runs as).
# The site makes no request outside itself; the header below is computed from the built
# pages (hashes of Material's inline scripts): use the one of each new bundle.
# add_header trap: a location that has its own add_header lines inherits NONE of the
# add_header lines of the server block. The portal's own headers (HSTS, its policies) would be
# silently dropped for this location. To keep them, move them into one file, for example
# /etc/nginx/snippets/portal-headers.conf, include it in the server block as before AND in
# this location (uncomment the `include` line below), then check with `nginx -t` and
# `curl -I https://<portal>{sub_path}` that both sets of headers are sent.
# Not found: the site's own 404 page links its files relative to the site folder, so it
# works from a USB stick; the block below serves it for missing pages, with a <base> so its
# links also work for a missing page deep in the site (needs nginx's sub module, present in
# Debian's and Ubuntu's nginx packages).
{redirect}location {sub_path} {{
    alias {NGINX_SITE_PLACEHOLDER};
    index index.html;
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json image/svg+xml;

    # include /etc/nginx/snippets/portal-headers.conf;   # the portal's own headers (see above)
    add_header Content-Security-Policy "{policy}" always;
{_nginx_headers()}
    error_page 404 {sub_path}404.html;
    location = {sub_path}404.html {{
        sub_filter_once on;
        sub_filter "<head>" "<head><base href=\\"{sub_path}\\">";
        add_header Content-Security-Policy "{policy}" always;
{_nginx_headers("        ")}
    }}

    gzip on;
    gzip_vary on;
    gzip_min_length 1024;
    gzip_types {' '.join(COMPRESSED_TYPES)};

    # Pages, our scripts and styles, the search index: revalidate on every visit.
    expires epoch;
    # Material's bundles have a content hash in their names: cache for a year.
    location ~ "{HASHED_FILE_PATTERN}" {{
        expires 1y;
    }}
}}
"""


def _nginx_headers(indent: str = "    ") -> str:
    return "\n".join(f'{indent}add_header {name} "{value}" always;' for name, value in HEADERS)


def _apache_headers() -> str:
    return "\n".join(f'    Header always set {name} "{value}"' for name, value in HEADERS)


def apache_htaccess(policy: str, sub_path: str = "/elearning/") -> str:
    sub_path = _normalise_sub_path(sub_path)
    compressed = " ".join(("text/html",) + COMPRESSED_TYPES)
    return f"""\
# Counter-trafficking e-learning: save as .htaccess in the folder that holds the site
# (the unpacked site/ folder, served for example at /elearning/).
# Needs AllowOverride FileInfo Indexes Options=Indexes for that folder, and mod_headers, mod_mime,
# mod_deflate and mod_filter (a missing module only skips its section: without mod_headers
# no Content-Security-Policy is sent). The policy is computed from the built pages
# (hashes of Material's inline scripts): use the file of each new bundle.

DirectoryIndex index.html
AddDefaultCharset utf-8
# No folder listings (a folder without index.html would otherwise list its files).
Options -Indexes
# Missing pages: the site's own page (its links are relative to the site folder).
ErrorDocument 404 {sub_path}404.html

<IfModule mod_mime.c>
    AddCharset utf-8 .html .css .js .json .xml .txt .svg
    AddType application/javascript .js
    AddType application/json .json .map
    AddType image/svg+xml .svg
</IfModule>

<IfModule mod_headers.c>
    Header always set Content-Security-Policy "{policy}"
{_apache_headers()}
    # Pages, our scripts and styles, the search index: revalidate on every visit.
    Header set Cache-Control "no-cache"
    # Material's bundles have a content hash in their names: cache for a year.
    <FilesMatch "{HASHED_FILE_PATTERN}">
        Header set Cache-Control "public, max-age=31536000, immutable"
    </FilesMatch>
</IfModule>

<IfModule mod_deflate.c>
    <IfModule mod_filter.c>
        AddOutputFilterByType DEFLATE {compressed}
    </IfModule>
</IfModule>
"""


def write_server_files(site: Path, policy: str, sub_path: str = "/elearning/") -> None:
    """<site>-server/: the header line, an nginx location block and an Apache .htaccess."""
    folder = server_folder(site)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / POLICY_FILE).write_text(f"Content-Security-Policy: {policy}\n", encoding="utf-8")
    (folder / NGINX_FILE).write_text(nginx_location(policy, sub_path), encoding="utf-8")
    (folder / APACHE_FILE).write_text(apache_htaccess(policy, sub_path), encoding="utf-8")


def relative_404(site: Path, sub_path: str) -> None:
    """Material's 404.html links its files from the path of site_url (/elearning/...): make
    them relative to the site folder, where 404.html is, so that the page works from a USB
    stick too (the web server snippets give it a <base> for missing pages deep in the site)."""
    page = site / "404.html"
    if not page.is_file():
        return
    prefix = re.escape(_normalise_sub_path(sub_path))
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(rf'((?:href|src|action)=")(?:{prefix})/*', r"\1", html), encoding="utf-8")
