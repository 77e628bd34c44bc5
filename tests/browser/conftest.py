"""A real Chromium (Debian's) driven by Playwright; every request and console message kept."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.webserver import Served, serve_with_nginx

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google services on start.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What a page did: every request it made and every console error or warning."""

    site_root: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [url for url in self.requests
                if not url.startswith(self.site_root) and not url.startswith(("data:", "blob:"))
                and urlsplit(url).scheme not in ("about", "chrome-extension")]


@pytest.fixture
def open_page(browser):
    """open_page(root_url, path) -> (page, traffic): a fresh context per test."""
    contexts = []

    def opener(root: str, path: str = "index.html", **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        traffic = Traffic(root)
        page.on("request", lambda request: traffic.requests.append(request.url))
        page.on("console", lambda message: message.type in ("error", "warning")
                and traffic.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: traffic.console.append(f"pageerror: {error}"))
        page.goto(root + path)
        return page, traffic

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(params=["http", "file"])
def site_root(request, site_url, file_url) -> str:
    """Each browser test runs over http under a sub-path and from file://."""
    return site_url if request.param == "http" else file_url


@pytest.fixture(scope="session")
def tests_site_url(tests_site, tmp_path_factory) -> str:
    from tests.conftest import serve_under_sub_path
    yield from serve_under_sub_path(tests_site, tmp_path_factory.mktemp("tests-www"))


@pytest.fixture(params=["http", "file"])
def tests_root(request, tests_site, tests_site_url) -> str:
    """The small site over http under a sub-path and from file://."""
    return tests_site_url if request.param == "http" else tests_site.as_uri() + "/"


@pytest.fixture(scope="session")
def served(built_site, tmp_path_factory) -> Served:
    """The real site behind Debian's nginx with the generated nginx.conf (one per run)."""
    yield from serve_with_nginx(built_site, tmp_path_factory.mktemp("nginx"))


@pytest.fixture(scope="session")
def served_tests_site(tests_site, tmp_path_factory) -> Served:
    """The small site with known course tests (tests/helpers.py TESTS_CURRICULUM)."""
    yield from serve_with_nginx(tests_site, tmp_path_factory.mktemp("nginx-tests"))
