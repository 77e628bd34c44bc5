"""What keeps the build cheap: templates compiled once per process, a preview (`mkdocs
serve`) that leaves out the work only a published site needs, the glossary's tooltips given
to Markdown once per language instead of appended to every page."""
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import jinja2
import pytest

from elearning.site.theme_cache import MemoryBytecodeCache
from tests.helpers import make_project, module


class CountingEnvironment(jinja2.Environment):
    """A Jinja environment that counts what it compiles from source."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.compiled = 0

    def compile(self, *args, **kwargs):
        self.compiled += 1
        return super().compile(*args, **kwargs)


def test_a_template_is_compiled_once_for_every_language_build(tmp_path):
    (tmp_path / "page.html").write_text("{% block body %}Hello {{ name }}{% endblock %}")
    cache = MemoryBytecodeCache()
    first, second = (CountingEnvironment(loader=jinja2.FileSystemLoader(tmp_path),
                                         bytecode_cache=cache) for _ in range(2))
    assert first.get_template("page.html").render(name="en") == "Hello en"
    assert second.get_template("page.html").render(name="az") == "Hello az"
    assert (first.compiled, second.compiled) == (1, 0)


def test_an_edited_template_is_compiled_again(tmp_path):
    """`mkdocs serve` keeps the cache between rebuilds: an edit in overrides/ must show."""
    (tmp_path / "page.html").write_text("old {{ name }}")
    cache = MemoryBytecodeCache()
    before = CountingEnvironment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert before.get_template("page.html").render(name="x") == "old x"
    (tmp_path / "page.html").write_text("new {{ name }}")
    after = CountingEnvironment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert after.get_template("page.html").render(name="x") == "new x"
    assert after.compiled == 1


def test_differently_configured_environments_share_nothing(tmp_path):
    (tmp_path / "page.html").write_text("{{ text }}")
    cache = MemoryBytecodeCache()
    escaping = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True,
                                  bytecode_cache=cache)
    raw = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=False,
                             bytecode_cache=cache)
    assert escaping.get_template("page.html").render(text="<b>") == "&lt;b&gt;"
    assert raw.get_template("page.html").render(text="<b>") == "<b>"


def test_every_language_gets_the_glossary_tooltips_in_its_language(built_site):
    english = (built_site / "modules/referral.html").read_text(encoding="utf-8")
    russian = (built_site / "ru/modules/referral.html").read_text(encoding="utf-8")
    assert '<abbr title="' in english and '<abbr title="' in russian
    titles = russian.split('<abbr title="')[1:]
    assert any("\u0400" <= letter <= "\u04ff" for letter in titles[0].split('"')[0])
    assert "*[" not in english and "*[" not in russian  # no definition left as text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`mkdocs serve` (what `make serve` runs) on a small project, English only."""
    project = make_project(tmp_path_factory.mktemp("preview"),
                           {"modules/one.md": module("One", body="Some text.")})
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_AZ="false", BUILD_RU="false", PDF="no")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    root = f"http://127.0.0.1:{port}/elearning/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if status(root + "modules/one.html") == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("mkdocs serve did not start: " + (server.stderr.read()
                                                               if server.poll() is not None else ""))
            time.sleep(0.3)
        yield root
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_preview_shows_the_pages_and_their_search(preview):
    assert status(preview + "modules/one.html") == 200
    assert status(preview + "courses/employers/one.html") == 200
    assert status(preview + "search/search_index.json") == 200


def test_the_preview_leaves_out_what_only_a_published_site_needs(preview):
    """The offline app (its worker would cache the pages being edited): `make site` writes
    it (tests/site/test_app_files.py)."""
    for path in ("sw.js", "manifest.webmanifest"):
        assert status(preview + path) == 404, path
