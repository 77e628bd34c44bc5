"""SCORM 1.2 packages of the courses, for learning platforms (Moodle and others).

    make scorm   ->  dist/scorm/ct-<audience>-<lang>-scorm12.zip   (from the built site/)

One package per course and language. It holds that language's part of the built site (the
files the offline app precaches for the language, app.precache, plus the language's PDFs,
which the pages link), the shared assets, a launch page at the root (launch.html) and
imsmanifest.xml: one organization, one item, one SCO resource listing every file, the
course's pass mark as adlcp:masteryscore.

The launch page is the SCO: it finds the platform's API, keeps one session while the
learner moves through the course's pages in a frame, and reports the course's progress
(javascripts/scorm.js says how). Outside a platform it sends the browser to the course.

The zips are deterministic: names sorted, fixed timestamps and permissions, so the same
site gives the same bytes (a re-upload to the platform is a real change or nothing).
Standard library only (xml.etree, zipfile) besides the project's own modules.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .. import interface
from ..domain.courses import Course
from ..domain.curriculum import Curriculum
from .app import WORKER, Precache, precache

LAUNCH = "launch.html"
MANIFEST = "imsmanifest.xml"
# questions.js first: progress.js and scorm.js use its rules (as on every page, mkdocs.yml).
SCRIPTS = ("javascripts/questions.js", "javascripts/progress.js", "javascripts/scorm.js")
STYLESHEET = "stylesheets/scorm.css"
# Zip entries get this date (the earliest a zip can hold): the bytes depend on content only.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{IMSCP} imscp_rootv1p1p2.xsd "
                   "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")
COURSE_DATA = re.compile(r'<script type="application/json" class="course-data">(.*?)</script>',
                         re.DOTALL)


class ScormError(Exception):
    """A problem the person running `make scorm` can fix; printed without a traceback."""


@dataclass(frozen=True)
class Package:
    """One course in one language, as a platform sees it."""

    course: Course
    language: str
    title: str
    start: str  # the course's first page, relative to the package root

    @property
    def name(self) -> str:
        return f"ct-{self.course.id}-{self.language}-scorm12.zip"

    @property
    def identifier(self) -> str:
        return f"ct-{self.course.id}-{self.language}"


def language_files(site: Path, cache: Precache, languages: tuple[str, ...],
                   language: str) -> list[str]:
    """The files a package in `language` carries: the offline app's list for the language
    (its pages and search index, the shared assets), the language's PDFs and the worker."""
    folder = "" if language == languages[0] else f"{language}/"
    pdfs = [p.relative_to(site).as_posix() for p in sorted((site / folder).rglob("*.pdf"))]
    pdfs = [p for p in pdfs if folder or p.split("/")[0] not in languages[1:]]
    for script in SCRIPTS + (STYLESHEET,):
        if script not in cache.shared:
            raise ScormError(f"{site / script} is missing: build the site again with the "
                             "current overrides (make site)")
    # The site's worker too: a package served outside a platform is the installable app
    # (the worker caches the languages of the pages that install it: this one only).
    return sorted(set(cache.shared + cache.pages[language] + pdfs + [WORKER]))


def course_data(site: Path, start: str) -> str:
    """The course's data as the site's course page carries it (modules, their questions,
    pass mark): the launch page restores and reports progress with exactly what the pages
    count."""
    page = site / start
    if not page.is_file():
        raise ScormError(f"{page} is missing: build the site first (make site)")
    found = COURSE_DATA.search(page.read_text(encoding="utf-8"))
    if not found:
        raise ScormError(f"{page} carries no course data: build the site again (make site)")
    return found[1]


def launch_page(package: Package, data: str) -> str:
    """The SCO's page: a frame for the course, the strings and data the script needs.
    No inline code (the site's Content-Security-Policy rules apply to it as well)."""
    lang = package.language
    strings = json.dumps(interface.page_strings("scorm_", lang),
                         ensure_ascii=False).replace("</", "<\\/")
    scripts = "".join(f'<script src="{script}"></script>\n' for script in SCRIPTS)
    settings = json.dumps({"start": package.start,
                           "folder": package.start.split("courses/")[0]})
    title = escape(package.title)
    return f"""<!doctype html>
<html lang="{lang}" class="scorm-launch-page">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{STYLESHEET}">
</head>
<body class="scorm-launch">
<p class="scorm-launch__notice" role="status" hidden></p>
<p class="scorm-launch__loading">{escape(interface.text("scorm_loading", lang))}</p>
<iframe class="scorm-launch__frame" name="course" title="{title}" hidden></iframe>
<script type="application/json" id="elearning-interface">{strings}</script>
<script type="application/json" class="course-data">{data}</script>
<script type="application/json" id="scorm-package">{settings}</script>
{scripts}</body>
</html>
"""


def manifest(package: Package, files: list[str], version: str) -> bytes:
    """imsmanifest.xml (SCORM 1.2 content packaging): one organization, one item, one SCO."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": package.identifier, "version": version,
        f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations",
                                  {"default": f"{package.identifier}-organization"})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization",
                                 {"identifier": f"{package.identifier}-organization"})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = package.title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item", {
        "identifier": f"{package.identifier}-item",
        "identifierref": f"{package.identifier}-sco", "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = package.title
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(package.course.audience.pass_mark)
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": f"{package.identifier}-sco", "type": "webcontent",
        f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH})
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_package(site: Path, package: Package, files: list[str], out: Path,
                  version: str) -> Path:
    launch = launch_page(package, course_data(site, package.start)).encode("utf-8")
    contents = [LAUNCH] + files
    path = out / package.name
    with zipfile.ZipFile(path, "w", compresslevel=9) as archive:
        archive.writestr(_entry(MANIFEST), manifest(package, contents, version))
        archive.writestr(_entry(LAUNCH), launch)
        for name in files:
            archive.writestr(_entry(name), (site / name).read_bytes())
    return path


def packages(curriculum: Curriculum) -> list[Package]:
    result = []
    for course in curriculum.courses:
        for language in curriculum.languages:
            folder = "" if language == curriculum.languages[0] else f"{language}/"
            title = (f"{interface.text('site_name', language)}: "
                     f"{course.audience.name[language]}")
            result.append(Package(course, language, title,
                                  f"{folder}courses/{course.id}/index.html"))
    return result


def write_packages(curriculum: Curriculum, site: Path, out: Path, version: str) -> list[Path]:
    """Every course in every language, into `out` (older packages there are removed)."""
    if not (site / "index.html").is_file():
        raise ScormError(f"no built site in {site}: run `make site` first")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("ct-*-scorm12.zip"):  # a course removed since: its package must not ship
        old.unlink()
    languages = curriculum.languages
    cache = precache(site, languages)
    files = {language: language_files(site, cache, languages, language) for language in languages}
    return [write_package(site, package, files[package.language], out, version)
            for package in packages(curriculum)]
