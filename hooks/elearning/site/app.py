"""The installable offline app: web app manifests and the service worker, written once after
every language is built.

- manifest.webmanifest in each language's root (site/, site/az/, site/ru/): the names in that
  language, icons, theme colour; start_url and scope relative to the manifest, so the site
  works under any sub-path. The pages link the manifest of their language (overrides/main.html).
- sw.js at the site root (its scope is the whole site): the code of service-worker.js after
  the lists the build computes: the shared files, every page and search index per language,
  and VERSION, a hash of all their contents. A new build with any changed file is a new
  worker, which replaces the cache; the same build gives the same worker (no needless update).
- Registered by javascripts/app.js over https and on localhost only (never from file://).

Not precached: PDFs (printouts, large; cached once opened), source maps, search_index.js
(file:// only), the sitemaps and 404.html. (The web server files are written beside the site,
into site-server/, never inside it.)
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.elearning")

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
THEME_COLOUR = "#4051b5"  # Material's default primary colour, indigo
BACKGROUND = "#ffffff"
ICONS = ((192, "assets/icons/icon-192.png"), (512, "assets/icons/icon-512.png"))
LEFT_OUT_SUFFIXES = (".pdf", ".map", ".gz", ".xml")
LEFT_OUT_NAMES = {"search_index.js", "404.html", WORKER}
# Shared assets that only some readers need: the lunr languages the search index names.
LUNR = "assets/javascripts/lunr/"


@dataclass(frozen=True)
class Precache:
    version: str
    shared: list[str]
    pages: dict[str, list[str]]  # by language: pages and search index
    sizes: dict[str, int]  # by language: bytes downloaded on the first visit (shared included)
    compressed: dict[str, int] | None  # the same, as a server with gzip (nginx.conf) sends
    # them; None when not measured (only the build's message shows it)


@dataclass(frozen=True)
class FileFacts:
    """What the precache lists need of a file's content."""

    digest: bytes     # sha256
    size: int         # bytes
    compressed: int | None  # bytes as a server with gzip (nginx.conf) sends them


def file_facts(data: bytes, compressed: bool = True) -> FileFacts:
    """`compressed`: measure the gzipped size (for a figure only the build's message shows:
    left out when the message is not). At level 1, nginx's gzip_comp_level when none is set
    (nginx.conf sets none), so the figure is what that server sends; level 6 took three times
    as long (0.35 s of CPU a build against 0.12 s) for a figure a fifth under nginx's."""
    return FileFacts(hashlib.sha256(data).digest(), len(data),
                     (len(gzip.compress(data, 1)) if len(data) > 1024 else len(data))
                     if compressed else None)


def precache(site: Path, languages: tuple[str, ...],
             known: dict[str, FileFacts] | None = None, compressed: bool = True) -> Precache:
    """`known`: facts of files already known (the pages, by path), not read again.
    `compressed`: measure the gzipped sizes (see file_facts)."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    files = [f for f in files if _kept(f)]
    lunr = _lunr_files(site, languages)
    pages: dict[str, list[str]] = {language: [] for language in languages}
    shared: list[str] = []
    for file in files:
        first = file.split("/")[0]
        if first in languages[1:]:
            pages[first].append(file)
        elif file.endswith(".html") or file.startswith("search/") or file == MANIFEST:
            pages[languages[0]].append(file)
        elif not file.startswith(LUNR) or file in lunr:
            shared.append(file)
    # Each file once: its content's hash goes into the version, its size and gzipped size into
    # the first-visit figures of its language (shared files count for every language). The
    # pages' facts come from the build (`known`, taken as each page was written).
    known = known or {}
    digest = hashlib.sha256()
    facts: dict[str, FileFacts] = {}
    for file in shared + [f for language in languages for f in pages[language]]:
        facts[file] = known.get(file) or file_facts((site / file).read_bytes(), compressed)
        digest.update(file.encode() + b"\0" + facts[file].digest)
    sizes = {language: sum(facts[f].size for f in shared + pages[language])
             for language in languages}
    measured = all(facts[f].compressed is not None for f in facts)
    compressed = {language: sum(facts[f].compressed for f in shared + pages[language])
                  for language in languages} if measured else None
    return Precache(digest.hexdigest()[:16], shared, pages, sizes, compressed)


def _kept(file: str) -> bool:
    name = file.rsplit("/", 1)[-1]
    return (name not in LEFT_OUT_NAMES and not name.startswith(".")
            and not file.endswith(LEFT_OUT_SUFFIXES))


def _lunr_files(site: Path, languages: tuple[str, ...]) -> set[str]:
    """The lunr files Material's search worker imports for the indexes' languages."""
    wanted = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
    for language in languages:
        folder = "" if language == languages[0] else f"{language}/"
        index = site / folder / "search" / "search_index.json"
        if index.exists():
            for lang in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]:
                if lang != "en":
                    wanted.add(f"lunr.{lang}.min.js")
                    wanted |= {"tinyseg.js", "wordcut.js"} if lang in ("ja", "th") else set()
    return {f"{LUNR}min/{name}" for name in wanted if (site / LUNR / "min" / name).exists()}


def manifest(language: str, default: str, name: str, short_name: str, description: str) -> dict:
    up = "" if language == default else "../"  # from the language folder to the site root
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "id": "./index.html",
        "start_url": "./index.html",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND,
        "icons": [{"src": f"{up}{path}", "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any"} for size, path in ICONS]
                 + [{"src": f"{up}{ICONS[-1][1]}", "sizes": "512x512", "type": "image/png",
                     "purpose": "maskable"}],
    }


def write_app(site: Path, languages: tuple[str, ...], names: dict[str, tuple[str, str, str]],
              known: dict[str, FileFacts] | None = None) -> Precache:
    """`names`: per language (name, short name, description); `known`: see precache."""
    for language in languages:
        folder = site if language == languages[0] else site / language
        (folder / MANIFEST).write_text(
            json.dumps(manifest(language, languages[0], *names[language]), ensure_ascii=False,
                       indent=1), encoding="utf-8")
    shown = log.isEnabledFor(logging.INFO)  # the message below; not under `mkdocs build -q`
    cache = precache(site, languages, known, compressed=shown)
    code = (Path(__file__).parent / "service-worker.js").read_text(encoding="utf-8")
    lists = (f"var VERSION = {json.dumps(cache.version)}\n"
             f"var LANGUAGES = {json.dumps(list(languages))}\n"
             f"var SHARED = {json.dumps(cache.shared)}\n"
             f"var PAGES = {json.dumps(cache.pages, ensure_ascii=False)}\n")
    (site / WORKER).write_text(lists + code, encoding="utf-8")
    if shown:
        log.info("Offline app: first visit downloads " + ", ".join(
            f"{language} {size / 1_048_576:.1f} MB ("
            + (f"{cache.compressed[language] / 1_048_576:.1f} MB compressed; "
               if cache.compressed else "")
            + f"{len(cache.pages[language])} files)" for language, size in cache.sizes.items()))
    return cache
