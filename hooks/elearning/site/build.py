"""One site build: what each MkDocs event asks of the curriculum.

The hook file (hooks/build_events.py) only forwards events here. This class translates
them into calls on the domain (load, assemble) and on the page writer (render).
"""
from __future__ import annotations

import datetime
import gc
import html
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping
from urllib.parse import urlsplit

import frontmatter
from babel.dates import format_date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import interface
from ..domain.courses import Course
from ..domain.curriculum import Curriculum, load_curriculum
from ..domain.files import stray_files
from ..domain.modules import Module
from ..domain.reports import Gap, audience_gaps, cases_without_model_answer
from ..domain.source import display_path
from ..domain.toolkits import ToolkitItem
from ..markdown import Glossary, PageView, ViewState, authoring_extensions
from ..markdown.decision import DecisionFence
from ..markdown.flowchart import FlowchartFence
from . import app, assets, build_log, html_fixes, navigation, pdf, policy, search, server_config, sitemap
from .built_pages import BuiltPages
from .i18n import Languages, generated_page
from .pages import PageWriter

log = logging.getLogger("mkdocs.plugins.elearning")

MODULES = "modules"
COURSES = "courses"
TOOLKITS = "toolkits"
TRAINERS = "trainers"
MAINTAINERS = "maintainers"
GUIDES = {"maintainer-guide": "guide_maintainers", "trainer-guide": "guide_trainers",
          "authoring": "guide_authoring", "terminology": "guide_terminology",
          "test-results": "guide_results"}


@dataclass(frozen=True)
class ModuleView:
    """A page that shows a module: in a course (course set) or in the library."""

    module: Module
    course: Course | None


@dataclass(frozen=True)
class TestQuestionsView:
    """A page with questions of a course: the pre-test and the final test (its test
    questions), and the one-pager and mini-toolkit of its audience (the quiz sheet, made of
    the self-check questions: test questions never appear in print)."""

    course: Course
    self_checks: bool = False
    # The toolkit items the page joins, in its order (their scenarios, cases and passages
    # are shown as loaded).
    items: tuple[ToolkitItem, ...] = ()
    for_trainers: bool = False  # the facilitator guide: the modules' cases and notes follow
    measures: bool = False  # the pre-test and final test (PageView.measures)

    def texts(self, language: str) -> tuple:
        """The loaded texts the page shows, in its order."""
        texts = tuple(item.text(language) for item in self.items)
        if self.for_trainers:
            texts += tuple(m.for_trainers(self.course.id, language) for m in self.course.modules)
        return texts

    def questions(self, language: str) -> tuple:
        if self.self_checks:
            found = ((m, self.course.quizzes(m, language)) for m in self.course.modules)
            return tuple((m, q) for m, q in found if q)
        return tuple(self.course.test_questions(language))


class SiteBuild:
    def __init__(self):
        self.curriculum: Curriculum | None = None
        self.view_state = ViewState()
        # What each generated or module page shows, by src_uri (without language suffix).
        self.views: dict[str, ModuleView | TestQuestionsView] = {}
        self.module_pages: dict[str, Mapping[str, str]] = {}  # by course id, see _shown_as
        self.pdfs = False  # extra.pdf: make the PDF downloads (make site, make bundle)
        self.gaps: dict[str, list[Gap]] = {}
        # The file each built page shows (page path -> file), to name it in post-build checks.
        self.sources: dict[str, str] = {}
        # What the post-build steps need of every page, taken as each is written.
        self.pages = BuiltPages()
        # 'Content version 1.0, 28 November 2026' by language, set when its build starts.
        self.version_lines: dict[str, str] = {}
        self.writers: dict[str, PageWriter] = {}  # by language, set when its build starts
        self.problem_count = build_log.ProblemCount()
        self.started = time.monotonic()
        # `mkdocs serve` (make serve): a preview for authors, rebuilt on every edit, leaves
        # out what only a published site needs: the scan of every page for external loads
        # and raw Markdown, sitemap, offline app, server files. `make site` and `make check`
        # (a build) do them all.
        self.preview = False
        self.not_found_page = ""  # 404.html as the default language's build wrote it
        self.bundles = assets.Bundles((), ())  # mkdocs.yml's extra_javascript and extra_css

    # -- on_startup (mkdocs build, serve, gh-deploy; once per command) --------------------
    def start(self, command: str) -> None:
        self.preview = command == "serve"

    # -- on_config --------------------------------------------------------------------
    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        languages = Languages(config)
        if languages.is_first_build:  # once per `mkdocs build`, not once per language
            self.sources = {}
            # Gzipped sizes only for the offline app's message, shown unless `build -q`.
            self.pages = BuiltPages(compressed=log.isEnabledFor(logging.INFO))
            self._start_log()
            self.curriculum = self._load(config, languages.of_the_content)
            self.view_state.contacts = self.curriculum.contacts
            self.view_state.flowcharts = self.curriculum.flowcharts
            self.bundles = assets.Bundles.take_from(config)  # one stylesheet, one script
            if not self.preview:
                # A build's loaded content and imported code live until the process ends:
                # the collector's full passes need not walk them again (a third of its time).
                # Not under `mkdocs serve`, whose rebuilds load the content anew.
                gc.freeze()
        self.version_lines[languages.current] = self.version_line(config, languages.current)
        self.pdfs = pdf.enabled(config.extra.get("pdf", False))
        # One writer per language build, for its generated pages and every page's frame.
        writer = self.writers[languages.current] = PageWriter(
            self.curriculum, languages.current, self.version_lines[languages.current],
            str(config.extra.get("content_version", "draft")), self.pdfs)
        # The glossary's tooltips, in this language, for every page's Markdown.
        self.view_state.glossary = Glossary(writer.abbreviations())
        if not any(getattr(ext, "state", None) is self.view_state
                   for ext in config.markdown_extensions):
            config.markdown_extensions.extend(authoring_extensions(self.view_state))
            fences = config.mdx_configs.setdefault("pymdownx.superfences", {})
            fences.setdefault("custom_fences", []).append(
                {"name": "flowchart", "class": "flowchart", "format": FlowchartFence(self.view_state)})
            fences["custom_fences"].append(
                {"name": "decision", "class": "decision", "format": DecisionFence(self.view_state)})
        return config

    # -- on_env ------------------------------------------------------------------------
    def template_globals(self, env, config: MkDocsConfig):
        """What overrides/*.html show of the language being built, as `elearning.*`."""
        languages = Languages(config)
        # JSON in pages (`tojson`: interface strings, Material's config) as UTF-8, not \uXXXX:
        # a Russian page's interface strings are 20 KB escaped, 8 KB not. `<>&'` stay escaped.
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
        env.globals["elearning"] = {
            "interface": interface.browser_strings(languages.current),
            "version_line": self.version_lines[languages.current],
            "manifest": languages.prefix(languages.current) + app.MANIFEST,
            # The 404 page serves every language: it says so in each, with its home page.
            "not_found": [{"language": language,
                           "title": interface.text("not_found_title", language),
                           "text": interface.text("not_found_text", language),
                           "home": interface.text("not_found_home", language),
                           "home_page": languages.prefix(language) + "index.html"}
                          for language in languages.all],
        }
        return env

    @staticmethod
    def version_line(config: MkDocsConfig, language: str) -> str:
        """'Content version 1.0, 28 November 2026': on every page and printout, so that an
        old printout can be recognised."""
        day = datetime.date.today()
        return interface.text("version_line", language,
                              version=config.extra.get("content_version", "draft"),
                              date=format_date(day, format="long", locale=language))

    def _load(self, config: MkDocsConfig, languages: tuple[str, ...]) -> Curriculum:
        root = Path(config.config_file_path).parent
        guides = tuple(path for name in GUIDES for path in _guide_files(root / "docs", name, languages))
        curriculum, problems = load_curriculum(Path(config.docs_dir), root / "toolkits", root,
                                               languages, guides)
        stops = bool(problems) and (config.strict or problems.stops or not curriculum.courses)
        for problem in problems:  # ERROR when they stop the build, WARNING when it goes on
            (log.error if stops else log.warning)(str(problem))
        if stops:
            # Strict builds stop here: every problem is listed above, nothing half-built.
            raise PluginError(f"{len(problems)} problem(s) in the content: fix them and build "
                              "again (each names the file and line).")
        # What an audience still lacks is no error (a new audience builds): said, not warned.
        home = {language: _read_home(Path(config.docs_dir), language, languages)
                for language in languages}
        self.gaps = audience_gaps(curriculum, home)
        for audience_id, gaps in self.gaps.items():
            log.info(f"the audience '{audience_id}' still lacks: "
                     + "; ".join(_gap_words(gap) for gap in gaps)
                     + f" (listed in {MAINTAINERS}/coverage.html)")
        # A warning, not a problem: the site is complete without it. MkDocs still fails a
        # strict build at its end on any warning, so nothing ships without model answers.
        for warning in cases_without_model_answer(curriculum):
            (log.error if config.strict else log.warning)(str(warning))
        return curriculum

    def _start_log(self) -> None:
        build_log.quiet_mkdocs()
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_log.handlers if isinstance(h, build_log.ProblemCount)]:
            mkdocs_log.removeHandler(handler)
        self.problem_count = build_log.ProblemCount()
        mkdocs_log.addHandler(self.problem_count)
        self.started = time.monotonic()

    # -- on_files (after static-i18n has sorted the real files) ---------------------------
    def add_generated_pages(self, files: Files, config: MkDocsConfig) -> Files:
        languages = Languages(config)
        # Reported by the loader; never published silently (a non-strict build goes on).
        root = Path(config.config_file_path).parent
        stray = {str(path) for path in stray_files(Path(config.docs_dir), root / "toolkits")}
        for file in [f for f in files if f.abs_src_path in stray]:
            files.remove(file)
        writer = self.writers[languages.current]
        self.module_pages = {}
        self.views = {f"{MODULES}/{slug}.md": ModuleView(module, None)
                      for slug, module in self.curriculum.modules.items()}

        def add(src_uri: str, content: str, view=None) -> None:
            files.append(generated_page(config, languages, src_uri, content))
            if view is not None:
                self.views[src_uri] = view

        add(f"{MODULES}/index.md", writer.library())
        for course in self.curriculum.courses:
            folder = f"{COURSES}/{course.id}"
            add(f"{folder}/index.md", writer.course(course))
            for module in course.modules:
                add(f"{folder}/{module.slug}.md", writer.module_in_course(module),
                    ModuleView(module, course))
            for kind in ("pre", "final"):
                add(f"{folder}/{kind}-test.md", writer.course_test(course, kind),
                    TestQuestionsView(course, measures=True))
            add(f"{folder}/certificate.md", writer.certificate(course))
        add("glossary.md", writer.glossary())
        add(f"{MAINTAINERS}/index.md", writer.maintainers())
        add(f"{MAINTAINERS}/coverage.md", writer.coverage(self.gaps))
        add(f"{MAINTAINERS}/to-validate.md", writer.to_validate())
        add(f"{MAINTAINERS}/translations.md", writer.translations())
        docs = Path(config.config_file_path).parent / "docs"
        for name, title in GUIDES.items():
            add(f"{MAINTAINERS}/{name}.md", self._guide(writer, docs, name, title))
        add(f"{TOOLKITS}/index.md", writer.toolkits())
        add(f"{TRAINERS}/results.md", writer.results())
        for toolkit in self.curriculum.toolkits:
            folder = f"{TOOLKITS}/{toolkit.id}"
            course = self.curriculum.course(toolkit.id)
            if toolkit.one_pager:
                add(f"{folder}/one-pager.md", writer.one_pager(toolkit),
                    TestQuestionsView(course, True, (toolkit.one_pager,)))
            add(f"{folder}/index.md", writer.mini_toolkit(toolkit),
                TestQuestionsView(course, True, toolkit.in_mini_toolkit))
            add(f"{folder}/facilitator.md", writer.facilitator(toolkit, course),
                # the test questions with their answer key
                TestQuestionsView(course, items=toolkit.session_plans, for_trainers=True))
        config.nav = navigation.site_nav(self.curriculum, writer)
        return files

    def _guide(self, writer: PageWriter, docs: Path, name: str, title: str) -> str:
        """docs/<name>.<language>.md where it exists (like curriculum files); otherwise the
        English guide, marked as English, with the notice untranslated modules get."""
        language, source = writer.language, self.curriculum.languages[0]
        translated = docs / f"{name}.{language}.md"
        if language != source and translated.exists():
            text = frontmatter.loads(translated.read_text(encoding="utf-8-sig")).content
            stale = self.curriculum.is_stale(name, language)
            return writer.guide(writer.t(title), _without_h1(text),
                                writer.t("translation_stale") if stale else "")
        text = (docs / f"{name}.md").read_text(encoding="utf-8-sig")
        if language == source:
            return writer.guide(writer.t(title), _without_h1(text))
        return writer.guide(writer.t(title), _without_h1(text), writer.t("not_translated"), source)

    # -- on_nav -----------------------------------------------------------------------
    def keep_neighbours_in_section(self, nav: Navigation) -> Navigation:
        navigation.keep_neighbours_in_section(nav)
        return nav

    # -- on_page_markdown -------------------------------------------------------------
    def prepare_page(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        # The title is shown by the theme (heading, <title>, navigation) as HTML: a title
        # written with markup must show as the words it is, not break the page.
        if isinstance(page.meta.get("title"), str) and not page.meta.get("_title_escaped"):
            page.meta["title"] = html.escape(page.meta["title"], quote=False)
            page.meta["_title_escaped"] = True
            page.title = page.meta["title"]  # the theme's heading reads page.title
        writer = self.writers[Languages(config).current]
        source = self._source_of(page, writer.language, Path(config.config_file_path).parent)
        if source:
            self.sources[page.file.dest_uri] = source
        return self._page_markdown(markdown, page, writer, source or page.file.src_uri)

    # -- on_page_content ----------------------------------------------------------------
    def check_rendered(self, page: Page) -> None:
        """A page that shows a question or exercise other than the one loaded from its text
        (its progress is stored by the loaded id) stops the build, strict or not."""
        if self.view_state.errors:
            for error in self.view_state.errors:
                log.error(error)
            raise PluginError(f"{len(self.view_state.errors)} construct(s) of "
                              f"{page.file.src_uri} differ from the loaded content (above).")

    def _source_of(self, page: Page, language: str, root: Path) -> str | None:
        shown = self.views.get(getattr(page.file, "norm_src_uri", page.file.src_uri))
        if isinstance(shown, ModuleView):
            return shown.module.text(language).file
        if page.file.abs_src_path:
            return display_path(Path(page.file.abs_src_path), root)
        folder, _, name = page.file.src_uri.removesuffix(".md").partition("/")
        if folder == MAINTAINERS and name in GUIDES:
            translated = f"docs/{name}.{language}.md"
            return translated if (root / translated).exists() else f"docs/{name}.md"
        return None

    def _page_markdown(self, markdown: str, page: Page, writer: PageWriter, file: str) -> str:
        language = writer.language
        names = {a.id: a.name[language] for a in self.curriculum.audiences.values()}
        src_uri = page.file.src_uri
        same_in_every_language = getattr(page.file, "norm_src_uri", src_uri)
        shown = self.views.get(same_in_every_language)
        if isinstance(shown, TestQuestionsView):
            questions = tuple((m.slug, m.text(language).title, quizzes)
                              for m, quizzes in shown.questions(language))
            self.view_state.current = PageView(
                language, shown.course.id, names, src_uri, src_uri, self._shown_as(shown.course),
                file=file, test_questions=questions, items=shown.texts(language),
                measures=shown.measures)
            return markdown
        if shown is None:
            self.view_state.current = PageView(language, None, names, src_uri, src_uri,
                                               file=file)
            if same_in_every_language == "index.md":  # the home page of each language
                markdown += writer.home_courses()
            return markdown
        module, course = shown.module, shown.course
        text = module.text(language)  # what the page shows, as loaded
        if course is None:  # the library: every passage, labelled
            view = PageView(language, None, names, src_uri, src_uri, text=text,
                            file=text.file)
        else:
            text_uri = f"{MODULES}/{Path(text.file).name}"
            view = PageView(language, course.id, names, text_uri, src_uri, self._shown_as(course),
                            text=text, file=text.file)
        self.view_state.current = view
        translated = module.is_translated(language)
        body = markdown if translated else (
            f'<div lang="{module.source_language}" markdown>\n\n{markdown}\n\n</div>\n')
        footer = writer.module_footer(module) if course else ""
        return writer.module_header(module, course) + body + footer

    def _shown_as(self, course: Course) -> Mapping[str, str]:
        """Where the course shows each module (a link between modules goes there): made
        once per course, not on each of its pages (that grew with pages x course size)."""
        if course.id not in self.module_pages:
            self.module_pages[course.id] = MappingProxyType(
                {f"{MODULES}/{m.slug}.md": f"{COURSES}/{course.id}/{m.slug}.md"
                 for m in course.modules})
        return self.module_pages[course.id]

    # -- on_post_page --------------------------------------------------------------
    def finish_page(self, html: str, page: Page, config: MkDocsConfig) -> str:
        languages = Languages(config)
        folder = languages.prefix(languages.current).rstrip("/")
        html = search.search_in_own_language(html_fixes.mend(html), folder)
        if not self.preview:
            self.pages.see(page.file.dest_uri, html)  # its one reading (built_pages.py)
        return html

    # -- on_post_template -----------------------------------------------------------
    def finish_template(self, html: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html: written once per language build, the last one wins; it belongs to no
        language, so its search stays on the default language's index."""
        if not template_name.endswith(".html"):
            return html
        html = html_fixes.mend(html)
        if template_name == "404.html":
            # Each language's build writes it and the last would win: keep the default
            # language's, whose navigation leads to the default language's pages.
            if Languages(config).is_first_build:
                self.not_found_page = html_fixes.relative_404(html, self._sub_path(config))
            html = self.not_found_page
        if not self.preview:
            self.pages.see(template_name, html)
        return html

    @staticmethod
    def _sub_path(config: MkDocsConfig) -> str:
        """The path of the site on the portal ('/elearning/'), from site_url."""
        return server_config.normalise_sub_path(urlsplit(config.site_url or "").path
                                                or "/elearning/")

    # -- on_post_build, once after every language ---------------------------------------
    def finish(self, config: MkDocsConfig) -> None:
        """Writes what the pages seen while they were written call for; reads no page again
        (but those the PDF step rewrites, and HTML files no event showed)."""
        if not Languages(config).is_first_build:
            return
        site = Path(config.site_dir)
        self.bundles.write(Path(config.theme.custom_dir), site)
        if not self.preview:  # the checks of every page wait for `make site` / `make check`
            self.pages.see_files(site)  # a .html copied from the content folder, if any
            self.pages.check(self.sources)
        if self.pdfs:
            self._make_pdfs(site, config)
        search.split_index_by_language(site, Languages(config).all)
        if self.preview:
            pages = sum(1 for _ in site.rglob("*.html"))
        else:
            self._publish(site, config)
            pages = len(self.pages.paths())
        log.info(build_log.summary(pages, config.site_dir, self.problem_count.counts,
                                   time.monotonic() - self.started))

    def _publish(self, site: Path, config: MkDocsConfig) -> None:
        """What a published site needs and a preview does not: from the pages as seen."""
        sitemap.write_sitemap(site, config.site_url or "", Languages(config).all,
                              self.pages.paths())
        app.write_app(site, Languages(config).all, self._app_names(config),
                      self.pages.file_facts())
        inline_code = self.pages.check_inline_code()
        server_config.write_server_files(site, policy.content_security_policy(inline_code),
                                         self._sub_path(config))

    def _make_pdfs(self, site: Path, config: MkDocsConfig) -> None:
        """The PDF downloads, from the pages as built; then their size and page count in
        the links to them."""
        languages = Languages(config)
        documents = [document for language in languages.all
                     for document in PageWriter(self.curriculum, language).pdf_documents(
                         languages.prefix(language), self.version_lines[language])]
        root = Path(config.config_file_path).parent
        started = time.perf_counter()
        try:
            rendered = pdf.render_pdfs(site, documents, config.site_url or "https://localhost/",
                                       root / ".cache" / "pdf", log.info)
            linking = (BuiltPages.html_files(site) if self.preview  # pages not seen
                       else self.pages.linking_pdfs())
            rewritten = pdf.fill_in_facts(site, rendered, pdf.facts, linking)
        except pdf.PdfError as error:
            raise PluginError(f"PDF: {error}")
        for path, text in rewritten.items():  # their policy hashes and checks follow the facts
            self.pages.see(path, text)
        made = [r for r in rendered if r.seconds]
        log.info(f"PDFs: {len(rendered)} in {time.perf_counter() - started:.1f} s "
                 f"({len(made)} rendered in {sum(r.seconds for r in made):.1f} s, "
                 f"{len(rendered) - len(made)} from the cache in .cache/pdf)")

    @staticmethod
    def _app_names(config: MkDocsConfig) -> dict[str, tuple[str, str, str]]:
        """(name, short name, description) of the installed app, per language: the site's
        name and description of that language (mkdocs.yml), the short name from interface.yml."""
        entries = {entry.locale: entry for entry in Languages(config).plugin.config.languages}
        names = {}
        for language in Languages(config).all:
            entry = entries.get(language)
            names[language] = (getattr(entry, "site_name", None) or config.site_name,
                               interface.text("app_short_name", language),
                               getattr(entry, "site_description", None) or config.site_description or "")
        return names


def _guide_files(docs: Path, name: str, languages: tuple[str, ...]) -> list[Path]:
    """A guide's English file and its translations that exist (docs/<name>.az.md ...)."""
    files = [docs / f"{name}.md"] + [docs / f"{name}.{language}.md" for language in languages[1:]]
    return [path for path in files if path == files[0] or path.exists()]


def _read_home(content_dir: Path, language: str, languages: tuple[str, ...]) -> str:
    path = content_dir / ("index.md" if language == languages[0] else f"index.{language}.md")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # a missing or unreadable home page: reported elsewhere
        return ""


def _gap_words(gap: Gap) -> str:
    words = interface.text(f"gap_{gap.kind}", "en").rstrip(":")
    return words + (f" ({', '.join(gap.details)})" if gap.details else "")


def _without_h1(markdown: str) -> str:
    """A guide's own '# Title' line: the page title replaces it."""
    lines = markdown.splitlines()
    return "\n".join(lines[1:] if lines and lines[0].startswith("# ") else lines)
