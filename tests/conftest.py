"""Shared fixtures: the project's folders, a real build of the site, and real servers."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks package, as MkDocs loads it

LANGUAGES = ("en", "az", "ru")

# Programs the site and browser tests run, with the Debian package that brings each.
# `make test` installs them when run as root.
SYSTEM_TOOLS = {"chromium": "chromium", "pdfinfo": "poppler-utils",
                "pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "nginx": "nginx",
                "java": "default-jre-headless"}


def missing_system_tools() -> dict[str, str]:
    def found(tool):
        return shutil.which(tool) or os.path.exists(f"/usr/sbin/{tool}")
    return {tool: package for tool, package in SYSTEM_TOOLS.items() if not found(tool)}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """One clear message when a program is missing, instead of a failure in every test that
    needs it. Only the domain, Markdown and content tests run without them.

    The test files that use the real built site run last, so that its build (started in the
    background as the run begins, see SharedBuild) overlaps the other tests. Whole files move,
    in their order: a module-scoped fixture is still made once."""
    needs_tools = [item for item in items
                   if Path(str(item.fspath)).parent.name in ("site", "browser")]
    missing = missing_system_tools()
    if needs_tools and missing:
        packages = " ".join(sorted(set(missing.values())))
        raise pytest.UsageError(
            f"missing programs for the site and browser tests: {', '.join(missing)}. "
            f"Run `make test` as root (it installs them), or `apt-get install -y {packages}`; "
            "or run only the fast tests: pytest tests/domain tests/markdown tests/content")
    late = {item.path for item in items if "built_site" in item.fixturenames}
    items.sort(key=lambda item: item.path in late)  # stable: the order inside a file is kept


SUB_PATH = "elearning"  # the site is served under /elearning/ as on the coordinator's portal
# The portal's address the test site is built for, as a maintainer sets it before bundling
# (the address shipped in mkdocs.yml is a placeholder that `make bundle` refuses).
SITE_URL = "https://portal.example.org/elearning/"


def mkdocs_environment(pdfs: bool = False, env: dict | None = None) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": "yes" if pdfs else "no",
            **(env or {})}


def run_mkdocs(project: Path, *args: str, pdfs: bool = False,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """A build; with `pdfs`, the PDF downloads too (slow the first time, then cached);
    `env`: more environment variables (SITE_URL, ELEARNING_VERBOSE...)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project,
                          capture_output=True, text=True, env=mkdocs_environment(pdfs, env),
                          timeout=600)


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: pytest-xdist gives each worker its own folder
    inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


class SharedBuild:
    """A strict build made once per test run and shared by all its test processes (each
    pytest-xdist worker is one): the first process to ask starts it in the background in
    `folder`; every process waits for that same build when a test needs it. The site is
    `folder/site`, or `folder/project/site` when `prepare(folder / "project")` makes a
    project there (default: this project is built)."""

    def __init__(self, folder: Path, pdfs: bool = False, env: dict | None = None,
                 prepare=None):
        self.folder, self.pdfs, self.env, self.prepare = folder, pdfs, env, prepare
        self.site = folder / ("project/site" if prepare else "site")
        self.waiter: threading.Thread | None = None

    def start(self) -> None:
        try:
            self.folder.mkdir()  # atomic: one process of the run starts the build
        except FileExistsError:
            return
        log = self.folder / "build.log"
        try:
            project = self.prepare(self.folder / "project") if self.prepare else ROOT
            with open(log, "w", encoding="utf-8") as output:
                process = subprocess.Popen(
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                     str(self.site)], cwd=project, stdout=output, stderr=subprocess.STDOUT,
                    env=mkdocs_environment(self.pdfs, self.env))
        except Exception as error:  # the processes waiting for the build learn it failed
            log.write_text(f"the build could not start: {error!r}", encoding="utf-8")
            self._finish(-1)
            raise
        self.waiter = threading.Thread(target=lambda: self._finish(process.wait(timeout=900)),
                                       daemon=True)
        self.waiter.start()

    def _finish(self, returncode: int) -> None:
        done = self.folder / "returncode.tmp"
        done.write_text(str(returncode), encoding="utf-8")
        done.rename(self.folder / "returncode")  # whole, or not there

    def wait(self) -> Path:
        """The built site, once the build (started if need be) has finished without a warning."""
        self.start()
        done = self.folder / "returncode"
        deadline = time.monotonic() + 900
        while not done.exists():
            assert time.monotonic() < deadline, f"the shared build in {self.folder} never ended"
            time.sleep(0.2)
        log = (self.folder / "build.log").read_text(encoding="utf-8")
        assert done.read_text(encoding="utf-8") == "0", log[-5000:]
        assert "WARNING" not in log, log[-5000:]
        return self.site

    def join(self) -> None:
        if self.waiter is not None:
            self.waiter.join()


def _tests_project(folder: Path) -> Path:
    from tests.helpers import TESTS_CURRICULUM, make_project
    folder.mkdir()
    return make_project(folder, TESTS_CURRICULUM)


@pytest.fixture(scope="session")
def shared_builds(tmp_path_factory) -> dict[str, SharedBuild]:
    run = run_folder(tmp_path_factory)
    return {
        # The real starter site with its PDFs, built for the portal's address.
        "built_site": SharedBuild(run / "built", pdfs=True, env={"SITE_URL": SITE_URL}),
        # A small site whose course tests are known question by question (tests/helpers.py
        # TESTS_CURRICULUM), so that the tests do not change with the shipped content.
        "tests_site": SharedBuild(run / "tests-site", prepare=_tests_project),
    }


@pytest.fixture(scope="session", autouse=True)
def _start_shared_builds(request, shared_builds):
    """As the run begins, the shared builds that its tests use start in the background."""
    used = {name for item in request.session.items for name in item.fixturenames}
    for name, build in shared_builds.items():
        if name in used:
            build.start()
    yield
    for build in shared_builds.values():
        build.join()  # a build this process started ends before the process does


@pytest.fixture(scope="session")
def built_site(shared_builds) -> Path:
    """The real starter site with its PDFs, built once per test run with --strict."""
    return shared_builds["built_site"].wait()


@pytest.fixture(scope="session")
def tests_site(shared_builds) -> Path:
    """The small site of tests/helpers.py TESTS_CURRICULUM, built once per test run with
    --strict, in the folder `site` of its project (which a test may copy and build again)."""
    return shared_builds["tests_site"].wait()


@pytest.fixture(scope="session")
def curriculum():
    """The shipped curriculum and toolkits as the build loads them, loaded once per test
    run. Read only: a test that changes content loads its own copy."""
    from elearning.domain.curriculum import load_curriculum
    loaded, problems = load_curriculum(ROOT / "curriculum", ROOT / "toolkits", ROOT, LANGUAGES)
    assert [str(p) for p in problems] == []
    return loaded


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory) -> str:
    """The site served over http under a sub-path: http://127.0.0.1:<port>/elearning/."""
    yield from serve_under_sub_path(built_site, tmp_path_factory.mktemp("www"))


def serve_under_sub_path(site: Path, root: Path):
    """Serve a copy of `site` under root/elearning/; yields its address, then stops."""
    shutil.copytree(site, root / SUB_PATH)
    from tests.webserver import static_server
    server = static_server(root)
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def file_url(built_site) -> str:
    return built_site.as_uri() + "/"
