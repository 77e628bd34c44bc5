"""How a page loads (overrides/main.html, javascripts/later.js, mkdocs.yml): every
script deferred still runs; the search index waits until the page has loaded; Material's own
indigo without the palette stylesheet."""


def test_the_search_index_is_fetched_after_the_page_has_loaded(open_page, site_url):
    page, traffic = open_page(site_url, "ru/index.html")
    page.wait_for_function("performance.getEntriesByType('resource')"
                           ".some(e => e.name.endsWith('search/search_index.json'))")
    started, loaded = page.evaluate(
        "[performance.getEntriesByType('resource').find(e => e.name.endsWith("
        "'search/search_index.json')).startTime,"
        " performance.getEntriesByType('navigation')[0].loadEventStart]")
    assert loaded > 0 and started >= loaded
    # ... and the search still works at once when opened.
    page.keyboard.press("/")
    page.keyboard.type("торговля")
    page.keyboard.press("End")
    page.locator(".md-search-result__link").first.wait_for()
    assert traffic.outside() == [] and traffic.console == []


def test_scripts_run_and_the_header_keeps_material_indigo(open_page, site_root):
    page, traffic = open_page(site_root, "courses/law-enforcement/index.html")
    page.wait_for_load_state("load")
    # Material's bundle ran (it marks the page), and the site's (window.CTE, progress shown).
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("typeof window.CTE === 'object'")
    colour = page.locator(".md-header").evaluate("h => getComputedStyle(h).backgroundColor")
    assert colour == "rgb(64, 81, 181)"
    assert traffic.outside() == [] and traffic.console == []
