"""Shared fixtures: the project's folders, a real build of the site, and real servers."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
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


def pytest_collection_modifyitems(config, items):
    """One clear message when a program is missing, instead of a failure in every test that
    needs it. Only the domain, Markdown and content tests run without them."""
    needs_tools = [item for item in items
                   if Path(str(item.fspath)).parent.name in ("site", "browser")]
    missing = missing_system_tools()
    if needs_tools and missing:
        packages = " ".join(sorted(set(missing.values())))
        raise pytest.UsageError(
            f"missing programs for the site and browser tests: {', '.join(missing)}. "
            f"Run `make test` as root (it installs them), or `apt-get install -y {packages}`; "
            "or run only the fast tests: pytest tests/domain tests/markdown tests/content")
SUB_PATH = "elearning"  # the site is served under /elearning/ as on the coordinator's portal
# The portal's address the test site is built for, as a maintainer sets it before bundling
# (the address shipped in mkdocs.yml is a placeholder that `make bundle` refuses).
SITE_URL = "https://portal.example.org/elearning/"


def run_mkdocs(project: Path, *args: str, pdfs: bool = False,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """A build; with `pdfs`, the PDF downloads too (slow the first time, then cached);
    `env`: more environment variables (SITE_URL, ELEARNING_VERBOSE...)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": "yes" if pdfs else "no",
           **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real starter site with its PDFs, built once per test run with --strict."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_mkdocs(ROOT, "--strict", "--site-dir", str(site), pdfs=True,
                        env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-5000:]
    assert "WARNING" not in result.stderr, result.stderr[-5000:]
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory) -> str:
    """The site served over http under a sub-path: http://127.0.0.1:<port>/elearning/."""
    yield from serve_under_sub_path(built_site, tmp_path_factory.mktemp("www"))


def serve_under_sub_path(site: Path, root: Path):
    """Serve a copy of `site` under root/elearning/; yields its address, then stops."""
    shutil.copytree(site, root / SUB_PATH)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def file_url(built_site) -> str:
    return built_site.as_uri() + "/"
