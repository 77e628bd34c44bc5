"""The installable offline app: a service worker at the site root, registered over http on
localhost (as over https), never from file://.

Each test serves its own copy of a site (the server is stopped to prove pages come from the
worker's cache, not from the network), in a fresh browser context.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_csp import assert_clean, csp_opener
from tests.conftest import SUB_PATH, run_mkdocs
from tests.webserver import static_server

WAIT_CONTROLLED = """async () => {
  await navigator.serviceWorker.ready
  if (!navigator.serviceWorker.controller)
    await new Promise(done => navigator.serviceWorker.addEventListener("controllerchange", done))
  return navigator.serviceWorker.controller.scriptURL
}"""


def worker_lists(site) -> dict:
    """The lists the build wrote at the top of sw.js."""
    text = (site / "sw.js").read_text(encoding="utf-8")
    return {name: json.loads(value) for name, value
            in re.findall(r"^var (VERSION|LANGUAGES|SHARED|PAGES) = (.*)$", text, re.M)}


class Served:
    """A copy of a site under /elearning/ on its own server, which a test can stop."""

    def __init__(self, site, folder):
        shutil.copytree(site, folder / SUB_PATH)
        self.folder = folder / SUB_PATH
        self.server = static_server(folder)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{SUB_PATH}/"

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def test_worker_caches_the_language_and_works_offline(browser, built_site, tmp_path):
    served = Served(built_site, tmp_path)
    lists = worker_lists(built_site)
    # A profile on disk, as a phone's browser has: Chromium offers no install in incognito
    # (Playwright's ordinary contexts), so its installability check needs a real profile.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        page = context.new_page()
        problems = []
        page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(served.url + "az/index.html")
        assert page.evaluate(WAIT_CONTROLLED) == served.url + "sw.js"
        # Chromium's own installability checks: the manifest, icons and worker are accepted.
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href)"
                                 ".then(r => r.json())")
        assert manifest["lang"] == "az" and manifest["name"].startswith("İnsan")
        cached = page.evaluate("""async () => {
            const names = await caches.keys()
            const cache = await caches.open(names[0])
            return [names, (await cache.keys()).map(r => r.url)] }""")
        assert cached[0] == ["ct-elearning-" + lists["VERSION"]]
        az_pages = lists["PAGES"]["az"]
        assert len(az_pages) > 50 and "az/search/search_index.json" in az_pages
        # Only the reader's language was downloaded; no PDF, no other language.
        assert sorted(cached[1]) == sorted(served.url + p for p in lists["SHARED"] + az_pages)
        page.evaluate("localStorage.setItem('probe', 'kept')")

        served.stop()
        context.set_offline(True)
        # Every page of the language, served by the worker with the server gone.
        statuses = page.evaluate("""async (paths) => {
            const out = {}
            for (const p of paths) out[p] = (await fetch(p)).status
            return out }""", [served.url + p for p in az_pages])
        assert set(statuses.values()) == {200}, statuses
        for path in ("az/courses/municipalities/index.html",
                     "az/courses/municipalities/final-test.html", "az/glossary.html",
                     "az/toolkits/index.html"):
            page.goto(served.url + path)
            assert page.locator("h1").count() and "az" == page.evaluate("document.documentElement.lang")
        page.goto(served.url + "az/")  # the folder address, as a home-screen icon may open it
        assert page.evaluate("document.documentElement.lang") == "az"
        # Search: its worker, the lunr files and the language's own index, all offline.
        page.keyboard.press("/")
        results = page.locator(".md-search-result__link")
        for _ in range(20):
            page.locator("input.md-search__input").fill("")
            page.keyboard.type("insan")
            page.keyboard.press("End")
            page.wait_for_timeout(500)
            if results.count():
                break
        assert results.count() > 0
        assert all("/az/" in href for href in results.evaluate_all("a => a.map(x => x.href)"))
        assert page.evaluate("localStorage.getItem('probe')") == "kept"
        # A page of another language, never visited: not cached, so it fails offline.
        with pytest.raises(Exception):
            page.goto(served.url + "ru/glossary.html")
        assert [p for p in problems if "ru/glossary" not in p and "ERR_INTERNET" not in p] == []
    finally:
        context.close()
        served.stop()


def test_nothing_registers_from_file_and_nothing_errors(open_page, built_site):
    page, traffic = open_page(built_site.as_uri() + "/", "courses/municipalities/index.html")
    page.wait_for_timeout(300)
    assert page.locator(".app-update").count() == 0  # the script stopped at once
    assert page.evaluate("document.querySelector('link[rel=manifest]') !== null")
    assert traffic.console == [] and traffic.outside() == []
    assert not any(url.endswith("sw.js") for url in traffic.requests)


@pytest.fixture(scope="module")
def two_versions(tests_site, tmp_path_factory):
    """The small site as built (content_version 1.0) and rebuilt with content_version 2.0."""
    project = tmp_path_factory.mktemp("app-v2") / "project"
    shutil.copytree(tests_site.parent, project,  # without the built site/ (not hooks/.../site)
                    ignore=lambda folder, names: ["site"] if folder == str(tests_site.parent) else [])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'content_version: "1.0"' in text
    config.write_text(text.replace('content_version: "1.0"', 'content_version: "2.0"'),
                      encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return tests_site, project / "site"


def test_new_version_replaces_the_cache_and_says_so_once(browser, two_versions, tmp_path):
    old, new = two_versions
    assert worker_lists(old)["VERSION"] != worker_lists(new)["VERSION"]
    served = Served(old, tmp_path)
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(served.url + "index.html")
        page.evaluate(WAIT_CONTROLLED)
        page.evaluate("localStorage.setItem('ct-elearning-progress-probe', 'mine')")
        assert "1.0" in page.locator(".content-version").inner_text()

        shutil.rmtree(served.folder)  # the portal publishes the new build in the same place
        shutil.copytree(new, served.folder)
        page.reload()
        notice = page.locator(".app-update")
        notice.wait_for(state="visible", timeout=30_000)
        assert notice.get_attribute("role") == "status"
        assert "new version" in notice.inner_text()
        assert page.locator(".app-update:not([hidden])").count() == 1
        # The page is told as soon as the new worker takes over; the old cache goes right after.
        for _ in range(50):
            if len(page.evaluate("caches.keys()")) == 1:
                break
            page.wait_for_timeout(200)
        assert page.evaluate("caches.keys()") == ["ct-elearning-" + worker_lists(new)["VERSION"]]
        notice.locator("button").click()
        page.wait_for_load_state()
        assert "2.0" in page.locator(".content-version").inner_text()
        page.wait_for_timeout(1000)
        assert page.locator(".app-update:not([hidden])").count() == 0  # said once only
        page.goto(served.url + "glossary.html")  # any other page: new as well
        assert "2.0" in page.locator(".content-version").inner_text()
        assert page.evaluate("localStorage.getItem('ct-elearning-progress-probe')") == "mine"
        assert problems == []
    finally:
        context.close()
        served.stop()


@pytest.fixture
def open_with_csp(browser, served):
    yield from csp_opener(browser, served)


def test_worker_runs_under_the_sites_content_security_policy(open_with_csp, served):
    """Served by nginx with the generated header: the worker registers, controls the page
    and precaches, without any violation (worker-src and connect-src 'self' suffice)."""
    page, traffic = open_with_csp("ru/index.html")
    assert page.evaluate(WAIT_CONTROLLED) == served.root + "sw.js"
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert_clean(page, traffic)
