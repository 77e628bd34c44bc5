"""The web server files written beside the built site: the Content-Security-Policy header
line, an nginx location block and an Apache .htaccess, from the templates in
server_templates/ (one file per server file, named as written).

They go into site-server/ next to site/ (for another site folder, <folder>-server/), never
inside it: the published tree holds only what readers may fetch. tools/bundle.py takes them
from there to the top of the bundle.
"""
from __future__ import annotations

from pathlib import Path

# <site>-server: the one name of the folder (tools/bundle.py, tests and docs use it).
SERVER_FOLDER_SUFFIX = "-server"
POLICY_FILE = "content-security-policy.txt"
NGINX_FILE = "nginx.conf"
APACHE_FILE = "apache.htaccess"
SERVER_FILES = (POLICY_FILE, NGINX_FILE, APACHE_FILE)
TEMPLATES = Path(__file__).with_name("server_templates")
# Where the nginx snippet expects the unpacked site/ folder; the IT team sets its own path.
NGINX_SITE_PLACEHOLDER = "/srv/ct-elearning/site/"

# Sent with every response besides the Content-Security-Policy. The site uses no camera,
# microphone, location, payment or USB, opens no window it must talk to, and sends no
# referrer to other sites.
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
# Text types worth compressing (text/html is always compressed by nginx's gzip module).
COMPRESSED_TYPES = ("text/css", "application/javascript", "text/javascript", "application/json",
                    "image/svg+xml", "text/xml", "application/xml", "text/plain")
# Material's own bundles carry a content hash in their names (bundle.a5f9d56c.min.js): they
# never change under the same name and may be cached for a year. Everything else (pages,
# the project's scripts and styles, the search index) is revalidated on every visit, so a
# content update shows at once; revalidation costs a 304 without body.
HASHED_FILE_PATTERN = r"\.[0-9a-f]{8}\.min\.(js|css)$"


def server_folder(site: Path) -> Path:
    """Where the build writes the server files for `site`: a sibling folder, <site>-server."""
    return site.with_name(site.name + SERVER_FOLDER_SUFFIX)


def normalise_sub_path(sub_path: str) -> str:
    """'/elearning/' for 'elearning', '/elearning' ...; '/' for the portal's root."""
    sub_path = "/" + sub_path.strip("/") + "/"
    return "/" if sub_path == "//" else sub_path


def _render(name: str, policy: str, sub_path: str) -> str:
    import jinja2  # here, not at the top: tools/bundle.py imports this module for the names

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                     trim_blocks=True, lstrip_blocks=True)
    return environment.get_template(name).render(
        policy=policy, sub_path=normalise_sub_path(sub_path), headers=HEADERS,
        compressed_types=COMPRESSED_TYPES, hashed_file_pattern=HASHED_FILE_PATTERN,
        site_placeholder=NGINX_SITE_PLACEHOLDER)


def nginx_location(policy: str, sub_path: str = "/elearning/") -> str:
    return _render(NGINX_FILE, policy, sub_path)


def apache_htaccess(policy: str, sub_path: str = "/elearning/") -> str:
    return _render(APACHE_FILE, policy, sub_path)


def write_server_files(site: Path, policy: str, sub_path: str = "/elearning/") -> None:
    """<site>-server/: the header line, an nginx location block and an Apache .htaccess."""
    folder = server_folder(site)
    folder.mkdir(parents=True, exist_ok=True)
    for name in SERVER_FILES:
        (folder / name).write_text(_render(name, policy, sub_path), encoding="utf-8")
