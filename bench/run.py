"""The benchmark (`make bench`): build time, memory, page weight and Lighthouse scores.

Run from the project root with the venv's python:  .venv/bin/python bench/run.py [--lighthouse]
Every figure is set against a baseline measured in the same run, because the machine is
noisy and a number alone says little. The table is a report: the exit code is 0 even when
goals are missed. See bench/README.md for what each line means.
"""
from __future__ import annotations

import argparse
import compileall
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
LIGHTHOUSE = "lighthouse@12.2.3"  # 13.x needs Node 22; the machine has Node 20
KB, MIB, GIB = 1024, 1024 ** 2, 1024 ** 3
# What a build does not need: left out of the temp copies (top-level names only, as
# hooks/elearning/site/ must be copied while the built site/ must not). docs/ is needed:
# the maintainers' pages include its guides.
NOT_COPIED_AT_TOP = {".git", ".venv", "site", "bench", "tests", ".ci", ".pytest_cache",
                     "node_modules", "dist", "build", ".cache"}


def not_copied(folder: str, names: list[str]) -> set[str]:
    top = Path(folder).resolve() == ROOT
    return {n for n in names if n == "__pycache__" or (top and n in NOT_COPIED_AT_TOP)}


@dataclass
class Row:
    measure: str
    value: str
    baseline: str
    ratio: str
    goal: str
    met: str


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ratio_row(measure, value, baseline, show, goal, passed: bool | None) -> Row:
    """A table row; `show` formats value and baseline; passed None: no goal of its own."""
    ratio = f"{value / baseline:.2f}" if baseline else "n/a"
    met = "-" if passed is None else "yes" if passed else "NO"
    return Row(measure, show(value), show(baseline), ratio, goal, met)


# -- edit to preview ---------------------------------------------------------------------
PREVIEW_MODULE = "curriculum/modules/referral.md"  # an English module, as an author edits it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def served_root(port: int) -> str | None:
    """mkdocs serve serves under site_url's path (/elearning/) and redirects / there."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.geturl()
    except OSError:
        return None


def cpu_seconds_of(pid: int) -> float:
    """User + system time of a running process so far (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edit_to_preview_seconds(project: Path, preview: str, edits: int) -> tuple[float, float]:
    """`make serve PREVIEW=...` on a copy of the project: the median time from saving an edit
    of a module to the served page showing it (mkdocs serve rebuilds on the file event), and
    the median CPU time the server spent meanwhile (the rebuild: what other load on the
    machine does not change)."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               BUILD_AZ="true" if preview in ("az", "all") else "false",
               BUILD_RU="true" if preview in ("ru", "all") else "false")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    module = project / PREVIEW_MODULE
    original = module.read_text(encoding="utf-8")
    times, cpu = [], []
    try:
        deadline = time.monotonic() + 300
        while (root := served_root(port)) is None:  # the first full build
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"mkdocs serve did not start ({preview})")
            time.sleep(0.2)
        url = urljoin(root, f"modules/{Path(PREVIEW_MODULE).stem}.html")
        for edit in range(edits):
            marker = f"Previewmarker{preview}{edit}"
            time.sleep(1.0)  # let the watcher settle after the previous rebuild
            start, cpu_start = time.perf_counter(), cpu_seconds_of(server.pid)
            module.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while marker not in (fetch_text(url) or ""):
                if time.perf_counter() - start > 120:
                    raise RuntimeError(f"the edit never showed in the preview ({preview})")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            cpu.append(cpu_seconds_of(server.pid) - cpu_start)
            log(f"edit to preview ({preview}): {times[-1]:.2f} s, {cpu[-1]:.2f} s CPU")
    finally:
        module.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(times), statistics.median(cpu)


def measure_preview(work: Path, edits: int = 3) -> list[Row]:
    """Judged on wall time (what an author waits), which other load lengthens: the CPU
    time of the rebuild shows whether a miss is the machine's."""
    project = copy_project(work / "preview")
    one, one_cpu = edit_to_preview_seconds(project, "en", edits)
    every, every_cpu = edit_to_preview_seconds(project, "all", edits)
    seconds = lambda v: f"{v:.2f} s"
    return [ratio_row(f"edit to preview, make serve (en) / PREVIEW=all (median of {edits})",
                      one, every, seconds, "value <= ~3 s", one <= 3.5),
            ratio_row("  CPU time of the server meanwhile (the rebuild)", one_cpu, every_cpu,
                      seconds, "value <= 3 s", one_cpu <= 3)]


# -- builds ------------------------------------------------------------------------------
@dataclass
class Build:
    seconds: float  # wall time
    cpu_seconds: float  # user + system: what the build itself did, whatever else runs
    peak_rss: int  # bytes, of the mkdocs process alone
    site: Path
    first_cpu_seconds: float = 0.0  # of the first of several builds (empty .cache/)


def mkdocs_build(project: Path, site: Path, pdfs: bool = False) -> Build:
    """One `mkdocs build` in its own process. os.wait4 returns the rusage of exactly that
    child, so its ru_maxrss is the build's own peak (RUSAGE_CHILDREN keeps the maximum of
    every child so far, which would blur the second build with the first)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PDF="yes" if pdfs else "no")
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        output = errors.read().decode(errors="replace").strip().splitlines()
        if process.returncode != 0:
            raise RuntimeError(f"mkdocs build failed in {project}:\n" + "\n".join(output[-15:]))
    # Warnings would mean the build did not do the work it does on clean content.
    warnings = [line for line in output if line.startswith(("WARNING", "ERROR"))]
    if warnings:
        log(f"{len(warnings)} warning(s) in {project.name}, first: {warnings[0][:200]}")
    return Build(seconds, usage.ru_utime + usage.ru_stime,
                 usage.ru_maxrss * KB, site)  # ru_maxrss is in KiB on Linux


def median_builds(projects: dict[str, Path], runs: int) -> dict[str, Build]:
    """Each project built `runs` times, in turns, so that a noisy spell of the machine hits
    every side alike. Per project: the median wall time and the largest peak RSS."""
    builds: dict[str, list[Build]] = {label: [] for label in projects}
    for run in range(runs):
        for label, project in projects.items():
            build = mkdocs_build(project, project / "_site")
            builds[label].append(build)
            log(f"{label}: run {run + 1}/{runs} {build.seconds:.2f} s wall, "
                f"{build.cpu_seconds:.2f} s CPU, {build.peak_rss / MIB:.0f} MiB")
    return {label: Build(statistics.median(b.seconds for b in done),
                         statistics.median(b.cpu_seconds for b in done),
                         max(b.peak_rss for b in done), projects[label] / "_site",
                         done[0].cpu_seconds)
            for label, done in builds.items()}


def copy_project(dest: Path) -> Path:
    """A snapshot of the project, so that edits made meanwhile do not change the runs.

    Its hooks/ are compiled to bytecode once, as pip compiles the libraries it installs:
    every timed build then reads cached bytecode, as builds do wherever Python may write its
    cache. Where PYTHONDONTWRITEBYTECODE is set (it is on the machine of bench/results.md),
    each build would otherwise compile hooks/ from source again (about 45 ms of CPU)."""
    shutil.copytree(ROOT, dest, ignore=not_copied)
    compileall.compile_dir(dest / "hooks", quiet=1)
    return dest


def without_hooks(config_text: str) -> str:
    """mkdocs.yml with no `hooks:` and no `nav:` (theme, plugins, extensions unchanged).
    overrides/main.html prints config.extra.interface, which the hooks normally set: an
    empty one keeps the template (and so the theme) as it is."""
    kept, skipping = [], False
    for line in config_text.splitlines():
        top_level = line[:1] not in ("", " ", "\t", "-", "#")
        if top_level:
            skipping = re.match(r"(hooks|nav)\s*:", line) is not None
        if not skipping:
            kept.append(line)
            if re.fullmatch(r"extra:\s*", line):
                kept.append("  interface: {}")
    if not any(re.fullmatch(r"extra:\s*", line) for line in kept):
        kept += ["extra:", "  interface: {}"]
    return "\n".join(kept) + "\n"


def plain_material_copy(project: Path, dest: Path) -> Path:
    """A copy of the project built by Material + static-i18n alone (see without_hooks),
    with pages comparable to the hooked build's: each module, as in the library, and again
    in a folder per course that includes it (curriculum/courses/<audience>/), as the hooks
    show it, in every language. Without the copies plain Material writes 40 pages to the
    hooks' 250, and its fixed cost (start, theme, search) weighs on fewer pages."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("_site"))
    config = dest / "mkdocs.yml"
    config.write_text(without_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
    import yaml  # the venv's PyYAML, as mkdocs uses it
    modules = dest / "curriculum" / "modules"
    audiences = list(yaml.safe_load((dest / "curriculum/audiences.yml").read_text(encoding="utf-8")))
    for english in sorted(modules.glob("*.md")):
        if english.name.count(".") > 1:  # a translation (x.az.md): copied with its English file
            continue
        front = yaml.safe_load(english.read_text(encoding="utf-8").split("---")[1]) or {}
        tagged = front.get("audiences", "all")
        for audience in (audiences if tagged == "all" else [a for a in audiences if a in tagged]):
            folder = dest / "curriculum" / "courses" / audience
            folder.mkdir(parents=True, exist_ok=True)
            for version in modules.glob(english.stem + ".*md"):
                shutil.copy2(version, folder / version.name)
    return dest


def measure_starter_build(work: Path, runs: int) -> tuple[list[Row], Build, Build]:
    """The goal is per HTML page written: the hooks write several pages per Markdown file
    (each module in the library and in every course, the tests, toolkits...), so the
    whole-build ratio says how many pages there are, not what each costs."""
    project = copy_project(work / "starter")
    plain = plain_material_copy(project, work / "plain")
    builds = median_builds({"starter, hooks on": project, "starter, hooks off": plain}, runs)
    hooked, stock = builds["starter, hooks on"], builds["starter, hooks off"]
    seconds = lambda s: f"{s:.2f} s"
    ms = lambda s: f"{1000 * s:.1f} ms"
    ours, theirs = html_pages(hooked.site), html_pages(stock.site)
    per_page, stock_per_page = hooked.cpu_seconds / ours, stock.cpu_seconds / theirs
    return [
        ratio_row(f"CPU time per HTML page written, starter site (median of {runs}) / "
                  "Material+i18n alone, comparable pages", per_page, stock_per_page, ms,
                  "ratio <= 1.10", per_page <= 1.10 * stock_per_page),
        ratio_row("  HTML pages written (plain: each module also copied per course)",
                  ours, theirs, str, "-", None),
        ratio_row("  CPU time of the whole build (user + sys)",
                  hooked.cpu_seconds, stock.cpu_seconds, seconds, "-", None),
        # The snapshot has no .cache/: its first build minifies the scripts (assets.py),
        # the next ones take them from .cache/scripts, as every build after a first one does.
        ratio_row("  CPU time of the first build of the snapshot (empty .cache/: scripts "
                  "minified)", hooked.first_cpu_seconds, stock.first_cpu_seconds, seconds,
                  "-", None),
        ratio_row("  wall time of the whole build (depends on other load)",
                  hooked.seconds, stock.seconds, seconds, "-", None),
    ], hooked, stock


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def measure_pdfs(work: Path) -> list[Row]:
    """What the PDF downloads add to a full build (`make site`): once with an empty PDF
    cache (every PDF rendered), once with the cache of that build (nothing changed)."""
    project = copy_project(work / "pdfs")
    seconds = lambda s: f"{s:.2f} s"
    without = mkdocs_build(project, project / "_site")
    cold = mkdocs_build(project, project / "_site", pdfs=True)
    cached = mkdocs_build(project, project / "_site", pdfs=True)
    made = sum(1 for _ in (project / "_site").rglob("*.pdf"))
    log(f"PDFs: {made}; CPU without {without.cpu_seconds:.1f} s, cold {cold.cpu_seconds:.1f} s, "
        f"cached {cached.cpu_seconds:.1f} s")
    return [
        ratio_row(f"full build with the {made} PDFs, empty PDF cache / without PDFs (CPU)",
                  cold.cpu_seconds, without.cpu_seconds, seconds, "-", None),
        ratio_row("  the same, PDF cache from the build before (no document changed)",
                  cached.cpu_seconds, without.cpu_seconds, seconds, "ratio <= 1.25",
                  cached.cpu_seconds <= 1.25 * without.cpu_seconds),
    ]


# -- synthetic curricula -----------------------------------------------------------------
VOCABULARY = ("victim person worker employer passport wages debt recruitment agency contract "
              "referral hotline police counsellor interpreter consent safety shelter document "
              "exploitation control threat border migrant child family interview evidence "
              "indicator support trust confidential record municipality office community "
              "labour construction factory domestic transport visa deception coercion risk").split()
AZ_TITLE = ("İnsan alverinin əlamətləri", "Qurbanla ilk təmas", "Məcburi əmək və göstəricilər",
            "Yönləndirmə mexanizmi", "Uşaqların müdafiəsi", "Sübutların toplanması")
RU_TITLE = ("Признаки торговли людьми", "Первый контакт с жертвой", "Принудительный труд",
            "Национальный механизм направления", "Защита детей", "Сбор доказательств")


def sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(6, 12))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def quiz(rng: random.Random, quiz_id: str, test: bool) -> str:
    """A self-check question, or (test) a question of the course's pre-test and final test."""
    correct = rng.randrange(4)
    options = "\n".join(
        f"- [{'x' if i == correct else ' '}] {sentence(rng)[:-1]}\n    > {sentence(rng)}"
        for i in range(4))
    block = "test-question" if test else "quiz"
    return (f"/// {block} | {sentence(rng)[:-1]}?\n    id: {quiz_id}\n\n{options}\n\n"
            f"{sentence(rng)}\n///\n")


def module_markdown(rng: random.Random, number: int, audience_ids: list[str],
                    contact_ids: list[str]) -> tuple[str, str]:
    """English front matter and body of module `number`: about 600 words of prose, lists,
    contact references, one audience passage, a case with its model answer, a self-check
    question and a test question."""
    if number == 0 or rng.random() < 0.4:  # like the starter: many modules for everyone
        audiences, mine = "all", audience_ids
    else:
        mine = sorted(rng.sample(audience_ids, rng.randint(1, 3)))
        audiences = "[" + ", ".join(mine) + "]"
    title = f"{' '.join(rng.choices(VOCABULARY, k=4)).capitalize()} {number}"
    objectives = "".join(f"  - {sentence(rng)[:-1]}\n" for _ in range(3))
    front = (f"---\ntitle: {title}\naudiences: {audiences}\nduration: {rng.choice((10, 15, 20, 30))}"
             f"\norder: {number}\nobjectives:\n{objectives}---\n")
    contacts = " ".join("{{contact:" + c + "}}" for c in rng.sample(contact_ids, 2))
    sections = [paragraph(rng, 3)]
    for heading in range(4):
        items = "\n".join(f"- {sentence(rng)}" for _ in range(3))
        sections.append(f"## {sentence(rng)[:-1]}\n\n{paragraph(rng, 3)}\n\n{items}")
    sections.insert(2, f"Call {contacts} when in doubt.")
    sections.insert(3, f"/// audience | {rng.choice(mine)}\n{paragraph(rng, 2)}\n///")
    sections.insert(4, f"/// case | {sentence(rng)[:-1]}\n{paragraph(rng, 2)}\n\n"
                       f"/// answer\n{paragraph(rng, 2)}\n///\n///")
    sections.append(quiz(rng, f"m{number}-check", test=True))
    sections.append(quiz(rng, f"m{number}-practice", test=False))
    sections.append("## Sources\n\n- IOM, Direct Assistance Handbook (2007)\n"
                    "- OSCE/ODIHR, National Referral Mechanisms Handbook (2022)")
    return front, "\n\n".join(sections) + "\n"


def translated_front(rng: random.Random, number: int, language: str) -> str:
    """A translation's own title and objectives: copies of the body with translated-looking
    titles (the work per page is what matters, not the words)."""
    if language == "az":
        title, objective = f"{rng.choice(AZ_TITLE)} {number}", "Şəxsin təhlükəsizliyini təmin etmək"
    else:
        title, objective = f"{rng.choice(RU_TITLE)} {number}", "Обеспечить безопасность человека"
    return f"---\ntitle: {title}\nobjectives:\n" + f"  - {objective}\n" * 3 + "---\n"


def synthetic_project(dest: Path, modules: int) -> Path:
    """A copy of the project whose modules are replaced by `modules` generated ones, for the
    starter's 4 audiences in 3 languages. Everything else is the project's own: hooks/,
    overrides/, mkdocs.yml, audiences, contacts, glossary, home page, docs/ (the maintainers'
    guides) and toolkits/ (one-pagers and mini-toolkits exist on the real site, and their
    quiz sheets grow with the courses)."""
    copy_project(dest)
    content = dest / "curriculum" / "modules"
    shutil.rmtree(content)
    content.mkdir()
    import yaml  # the venv's PyYAML, as mkdocs uses it
    audience_ids = list(yaml.safe_load((dest / "curriculum/audiences.yml").read_text(encoding="utf-8")))
    contact_ids = list(yaml.safe_load((dest / "toolkits/contacts.yml").read_text(encoding="utf-8")))
    rng = random.Random(modules)  # the same curriculum on every run
    for number in range(modules):
        front, body = module_markdown(rng, number, audience_ids, contact_ids)
        base = content / f"module-{number:03d}"
        Path(f"{base}.md").write_text(front + "\n" + body, encoding="utf-8")
        for language in ("az", "ru"):
            Path(f"{base}.{language}.md").write_text(
                translated_front(rng, number, language) + "\n" + body, encoding="utf-8")
    return dest


def measure_scaling(work: Path, runs: int) -> list[Row]:
    builds = median_builds({"100 modules": synthetic_project(work / "synthetic-100", 100),
                            "400 modules": synthetic_project(work / "synthetic-400", 400)}, runs)
    small, large = builds["100 modules"], builds["400 modules"]
    seconds = lambda s: f"{s:.1f} s"
    mib = lambda b: f"{b / MIB:.0f} MiB"
    return [
        ratio_row(f"CPU time of the build, 400 / 100 modules x4 audiences x3 languages "
                  f"(median of {runs})",
                  large.cpu_seconds, small.cpu_seconds, seconds, "ratio <= 4.4",
                  large.cpu_seconds <= 4.4 * small.cpu_seconds),
        ratio_row("  HTML pages written", html_pages(large.site), html_pages(small.site), str,
                  "-", None),
        ratio_row("  wall time of the same builds (depends on other load)",
                  large.seconds, small.seconds, seconds, "-", None),
        ratio_row("peak memory of the build (max RSS), 400 modules / 100 modules",
                  large.peak_rss, small.peak_rss, mib, "value < 1 GiB", large.peak_rss < GIB),
    ]


# -- transfer size -----------------------------------------------------------------------
class ReferencedFiles(HTMLParser):
    """The stylesheets, scripts, icons and images an HTML page makes the browser load."""

    LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.LOADED_LINKS & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs.get("href") or "")
        elif tag in ("script", "img", "source", "video", "audio") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.urls += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def same_site_file(site: Path, referrer: Path, url: str) -> Path | None:
    """The file a same-site URL points to; None for other sites, data: URIs and fragments."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = "/" + referrer.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, parts.path)).path.lstrip("/")
    path = site / target
    return path if path.is_file() else None


def first_load_files(site: Path, page: Path) -> set[Path]:
    """The page and what it references, with the fonts and images its stylesheets load,
    excluding search_index.* (loaded by the search worker, and not on every page)."""
    parser = ReferencedFiles()
    parser.feed(page.read_text(encoding="utf-8"))
    found, queue = {page}, [(page, url) for url in parser.urls]
    while queue:
        referrer, url = queue.pop()
        path = same_site_file(site, referrer, url)
        if path is None or path in found or path.name.startswith("search_index."):
            continue
        found.add(path)
        if path.suffix == ".css":
            for match in CSS_URL.finditer(path.read_text(encoding="utf-8", errors="replace")):
                queue.append((path, match.group(1) or match.group(2)))
    return found


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_load_bytes(site: Path, page: Path) -> int:
    """Each file gzipped on its own (-6), as a server compresses each response."""
    return sum(gzipped(path.read_bytes()) for path in first_load_files(site, page))


def page_kinds(site: Path) -> dict[str, Path]:
    """For each kind of page, its largest instance over every course and language (the
    worst case); the library module is the same module as the largest module in a course."""
    special = {"index.html", "pre-test.html", "final-test.html", "certificate.html"}

    def largest(pattern: str, keep=lambda p: True) -> Path:
        pages = [p for p in [*site.glob(pattern), *site.glob("*/" + pattern)] if keep(p)]
        return max(pages, key=lambda p: p.stat().st_size) if pages else site / pattern

    module = largest("courses/*/*.html", lambda p: p.name not in special)
    return {"home": site / "index.html",
            "course": largest("courses/*/index.html"),
            "module in a course": module,
            "library module": module.parent.parent.parent / "modules" / module.name,
            "pre-test": largest("courses/*/pre-test.html"),
            "certificate": largest("courses/*/certificate.html"),
            "one-pager": largest("toolkits/*/one-pager.html"),
            "mini-toolkit": largest("toolkits/*/index.html"),
            "glossary": largest("glossary.html")}


def own_code(site: Path) -> list[Path]:
    """The site's own scripts and stylesheets as the built site serves them (minified), each
    piece of code once: the site-wide bundles (`*.min.js`, `*.min.css`), every other file of
    javascripts/ and stylesheets/ that is not inside a bundle (a page's own script, the
    SCORM launch files, the trainers' results page), and the replaced lunr.multi.min.js."""
    bundles = [*sorted((site / "javascripts").glob("*.min.js")),
               *sorted((site / "stylesheets").glob("*.min.css"))]
    inside = "\n".join(p.read_text(encoding="utf-8") for p in bundles)
    others = [p for p in [*sorted((site / "javascripts").glob("*.js")),
                          *sorted((site / "stylesheets").glob("*.css"))]
              if p not in bundles and p.read_text(encoding="utf-8").strip() not in inside]
    lunr = site / "assets/javascripts/lunr/min/lunr.multi.min.js"
    return bundles + others + ([lunr] if lunr.is_file() else [])


def measure_transfer(site: Path, stock_site: Path) -> list[Row]:
    """Baseline: the same first load of stock Material (the plain build): its home page for
    the home page, its rendering of the same module for every other page."""
    kinds = page_kinds(site)
    stock_home = first_load_bytes(stock_site, stock_site / "index.html")
    same_module = stock_site / kinds["library module"].relative_to(site)
    stock_module = first_load_bytes(stock_site, same_module)
    kb = lambda b: f"{b / KB:.1f} KB"
    rows = []
    for kind, page in kinds.items():
        if not page.is_file():
            rows.append(Row(f"first load gz, {kind}", "missing", "", "", "<= 200 KB gz", "NO"))
            continue
        size = first_load_bytes(site, page)
        baseline = stock_home if kind == "home" else stock_module
        rows.append(ratio_row(f"first load gz, {kind} ({page.relative_to(site).as_posix()})",
                              size, baseline, kb, "<= 200 KB gz", size <= 200 * KB))
    own_size = gzipped(b"\n".join(p.read_bytes() for p in own_code(site)))
    material = [*(stock_site / "assets/javascripts").glob("bundle.*.min.js"),
                *(stock_site / "assets/stylesheets").glob("*.min.css")]
    material_size = gzipped(b"\n".join(p.read_bytes() for p in sorted(material)))
    rows.append(ratio_row("own JS + CSS gz together / Material's bundle JS + CSS gz",
                          own_size, material_size, kb, "<= 20 KB gz", own_size <= 20 * KB))
    return rows


# -- Lighthouse --------------------------------------------------------------------------
LIGHTHOUSE_GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 90}
# Every page kind; performance is measured again without compression (a portal that does not
# compress), where the goal is lower.
LIGHTHOUSE_PAGES = ("home", "course", "module in a course", "library module", "pre-test",
                    "certificate", "one-pager", "mini-toolkit", "glossary")
UNCOMPRESSED_PERFORMANCE_GOAL = 90


TEXT_TYPES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


@contextlib.contextmanager
def served(site: Path, compress: bool = True):
    """The site over http on 127.0.0.1 under /elearning/ (Lighthouse does not audit file://);
    yields its address. The server's root is a temp folder where elearning links to site."""
    handler = CompressingHandler if compress else PlainHandler
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as root:
        (Path(root) / "elearning").symlink_to(site.resolve(), target_is_directory=True)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/elearning/"
        finally:
            server.shutdown()
            server.server_close()


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static server, quiet: a portal that sends files as they are."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class CompressingHandler(PlainHandler):
    """Compressing text as the nginx and Apache snippets configure it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not (path.is_file() and path.suffix in TEXT_TYPES
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_binary() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        log(f"installing {LIGHTHOUSE} into {CACHE.relative_to(ROOT)}")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", LIGHTHOUSE, "--prefix", str(CACHE), "--no-audit",
                        "--no-fund"], check=True, capture_output=True, text=True)
    return binary


def lighthouse_scores(binary: Path, url: str, runs: int,
                      categories: tuple[str, ...] = tuple(LIGHTHOUSE_GOALS)) -> dict[str, float]:
    """Mobile form factor (Lighthouse's default simulated throttling). Performance, the
    noisy score, is the median of `runs`; the other categories do not change from run to
    run (they audit the page's HTML), so only the first run asks for them."""
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    results: dict[str, list[float]] = {}
    for run in range(runs):
        asked = categories if run == 0 else ("performance",)
        if "performance" not in categories and run > 0:
            break
        done = subprocess.run(
            [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
             "--form-factor=mobile", "--only-categories=" + ",".join(asked),
             "--chrome-flags=--headless --no-sandbox --disable-gpu"],
            env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-500:]}")
        report = json.loads(done.stdout)
        for category, data in report["categories"].items():
            results.setdefault(category, []).append(round((data["score"] or 0) * 100))
            # What a missed goal is made of: the failed audits that count in the score.
            failed = [f"{ref['id']} ({report['audits'][ref['id']].get('displayValue', '')})"
                      for ref in data["auditRefs"] if ref["weight"] > 0
                      and (report["audits"][ref["id"]].get("score") or 0) < 1
                      and report["audits"][ref["id"]].get("scoreDisplayMode") != "notApplicable"]
            if failed and round((data["score"] or 0) * 100) < LIGHTHOUSE_GOALS[category]:
                log(f"  {url} {category} {round((data['score'] or 0) * 100)}: "
                    + ", ".join(failed))
    return {category: statistics.median(scores) for category, scores in results.items()}


def measure_lighthouse(site: Path, stock_site: Path, runs: int) -> list[Row]:
    """Baseline: stock Material (the plain build), its home page for the home page and
    its rendering of the same module for the other pages."""
    try:
        if not Path("/usr/bin/chromium").exists():
            raise RuntimeError("/usr/bin/chromium is missing (make browser installs it)")
        binary = lighthouse_binary()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", None) or str(error)
        print(f"Lighthouse cannot run: {detail.strip()[-500:]}")
        return []
    kinds = page_kinds(site)
    rows = []
    try:
        with served(site) as url, served(stock_site) as stock_url, \
                served(site, compress=False) as plain_url:
            # The baselines and the uncompressed scores (a goal of 90, far from the usual
            # scores) are taken once: the median of `runs` is for the tight goal of 98.
            stock_home = lighthouse_scores(binary, stock_url + "index.html", 1)
            stock_module = lighthouse_scores(
                binary, stock_url + kinds["library module"].relative_to(site).as_posix(), 1)
            for kind in LIGHTHOUSE_PAGES:
                page = kinds[kind].relative_to(site).as_posix()
                log(f"lighthouse: {page}")
                scores = lighthouse_scores(binary, url + page, runs)
                baseline = stock_home if kind == "home" else stock_module
                for category, goal in LIGHTHOUSE_GOALS.items():
                    value = scores.get(category, 0)
                    runs_taken = f" (median of {runs})" if category == "performance" else ""
                    rows.append(ratio_row(
                        f"Lighthouse mobile {category}{runs_taken}, {kind}", value,
                        baseline.get(category, 0), lambda s: f"{s:.0f}",
                        f"{'=' if goal == 100 else '>='} {goal}", value >= goal))
                plain = lighthouse_scores(binary, plain_url + page, 1, ("performance",))
                value = plain.get("performance", 0)
                rows.append(ratio_row(
                    f"Lighthouse mobile performance without compression (1 run), {kind}", value,
                    scores.get("performance", 0), lambda s: f"{s:.0f}",
                    f">= {UNCOMPRESSED_PERFORMANCE_GOAL}", value >= UNCOMPRESSED_PERFORMANCE_GOAL))
    except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
        print(f"Lighthouse cannot run: {error}")
    return rows


# -- the report --------------------------------------------------------------------------
COLUMNS = ("measure", "value", "baseline", "ratio", "goal", "met")


# -- the trainer's results page ------------------------------------------------------------
RESULT_FILES = 1000  # a trainer collecting a year of sessions


def results_page_seconds(site: Path, files: list[tuple[str, str]], folder: Path) -> float:
    """Seconds from choosing `files` on trainers/results.html (file://) in Chromium to the
    report shown."""
    from playwright.sync_api import sync_playwright
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        page.goto((site / "trainers" / "results.html").as_uri())
        start = time.perf_counter()
        page.locator(".results-load__files").set_input_files(paths)
        page.wait_for_function("document.querySelector('.results-course') &&"
                               " document.querySelector('.results-load__status').textContent"
                               ".includes(';')", timeout=120_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def measure_results_page(site: Path, work: Path) -> list[Row]:
    """The time the trainer's page takes to read 1,000 result files (baseline: 500)."""
    try:
        import playwright  # noqa: F401 (installed with the test requirements)
    except ImportError:
        print("Trainer's results page: not measured (pip install -r requirements-test.txt)")
        return []
    if not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        print("Trainer's results page: not measured (Chromium is not installed)")
        return []
    sys.path.insert(0, str(ROOT))
    from tests.results_batch import make_batch
    files, _ = make_batch(RESULT_FILES // 2 + 60, seed=3)
    files = files[:RESULT_FILES]
    log(f"trainer's results page: {len(files)} and {len(files) // 2} result files")
    full = results_page_seconds(site, files, work / "results-1000")
    half = results_page_seconds(site, files[: len(files) // 2], work / "results-500")
    return [ratio_row(f"trainer's results page, read {len(files):,} result files", full, half,
                      lambda v: f"{v:.2f} s", "<= 5 s (baseline: 500 files)", full <= 5)]


def text_table(rows: list[Row]) -> str:
    cells = [COLUMNS] + [tuple(getattr(r, c) for c in COLUMNS) for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(getattr(r, c) for c in COLUMNS) + " |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    import mkdocs, material  # noqa: E401  (the versions being measured)
    return (f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, mkdocs {mkdocs.__version__}, "
            f"mkdocs-material {getattr(material, '__version__', '?')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", action="store_true",
                        help=f"also run Lighthouse ({LIGHTHOUSE}, installed into bench/.cache)")
    parser.add_argument("--write", action="store_true", help="also write bench/results.md")
    parser.add_argument("--runs", type=int, default=3,
                        help="builds of the starter site, with and without hooks (median)")
    parser.add_argument("--scaling-runs", type=int, default=1,
                        help="builds of each synthetic curriculum (median; the 400-module "
                             "build takes minutes)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse performance runs per page, served compressed "
                             "(median; the other scores are taken once)")
    parser.add_argument("--no-scaling", action="store_true",
                        help="skip the 100/400-module builds (the slow part)")
    parser.add_argument("--only-results-page", action="store_true",
                        help="build the starter site once and time only the trainer's page")
    parser.add_argument("--no-preview", action="store_true",
                        help="skip the edit-to-preview timing of mkdocs serve")
    args = parser.parse_args()

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        work = Path(temp)
        if args.only_results_page:
            built = mkdocs_build(copy_project(work / "results-project"), work / "results-site")
            print(text_table(measure_results_page(built.site, work)))
            return 0
        try:
            starter_rows, hooked, stock = measure_starter_build(work, args.runs)
            rows += starter_rows
        except RuntimeError as error:  # a failed build: say so, measure the rest
            print(f"The starter site could not be measured: {error}")
            hooked = stock = None
        try:
            rows += measure_pdfs(work)
        except RuntimeError as error:
            print(f"The PDFs could not be measured: {error}")
        if not args.no_scaling:
            try:
                rows += measure_scaling(work, args.scaling_runs)
            except RuntimeError as error:
                print(f"The synthetic curricula could not be measured: {error}")
        if not args.no_preview:
            try:
                rows += measure_preview(work)
            except RuntimeError as error:
                print(f"Edit to preview could not be measured: {error}")
        if hooked:
            rows += measure_transfer(hooked.site, stock.site)
            rows += measure_results_page(hooked.site, work)
        if hooked and args.lighthouse:
            rows += measure_lighthouse(hooked.site, stock.site, args.lighthouse_runs)
        elif not args.lighthouse:
            print("Lighthouse: not run (pass --lighthouse, or make bench LIGHTHOUSE=1)")
    print(f"Benchmark, {machine()}")
    print(text_table(rows))
    if args.write:
        out = ROOT / "bench" / "results.md"
        out.write_text(f"# Benchmark results\n\n{machine()}\n\n{markdown_table(rows)}\n",
                       encoding="utf-8")
        print(f"Written to {out.relative_to(ROOT)}")
    return 0  # a report: missed goals are in the table, not in the exit code


if __name__ == "__main__":
    sys.exit(main())
