"""Search finds Azerbaijani and Russian words typed as people type them (lower case, other
inflected forms, Azerbaijani letters at the start or end), from file:// and over http."""
import pytest

QUERIES = [
    # (typed, the language folder its pages are in, a word the found text must contain)
    ("insan", "az/", "İnsan"),                 # pages write "İnsan"
    ("şəxslər", "az/", "şəxslər"),             # starts with ş
    ("çox", "az/", "çox"),                     # starts with ç
    ("sexsler", "az/", "şəxslər"),             # typed without Azerbaijani letters
    ("əməkdaşları", "az/", "əməkdaşları"),     # starts with ə
    ("торговля", "ru/", "торговл"),            # pages say "торговле", "торговли"
    ("работодатели", "ru/", "работодател"),    # pages say "работодателей"
    ("trafficking", "", "trafficking"),
]


@pytest.mark.parametrize("typed,folder,word", QUERIES)
def test_search_finds_words_as_typed(open_page, site_root, typed, folder, word):
    # Each language's pages search that language's own index.
    page, traffic = open_page(site_root, folder + "index.html")
    search = page.locator("input.md-search__input")
    page.keyboard.press("/")  # Material's shortcut to the search box
    results = page.locator(".md-search-result__link")

    def hrefs():
        return [site_root + h.split("#")[0].removeprefix("./") if not h.startswith(("http", "file"))
                else h.split("#")[0] for h in results.evaluate_all("a => a.map(x => x.href)")]

    # Typed key by key, as a person does (Material reacts to key presses, not to a paste).
    # The search worker loads the index in the background: type again until it answers,
    # then let the answer to the whole word (not to its first letters) arrive.
    for _ in range(20):
        search.fill("")
        page.keyboard.type(typed)
        # Playwright inserts letters missing from a US keyboard (all Cyrillic ones) without
        # key events, which a person's own keyboard layout does send: send one.
        page.keyboard.press("End")
        page.wait_for_timeout(500)
        if results.count():
            break
    page.wait_for_timeout(300)
    found = [href for href in hrefs() if href.startswith(site_root + folder)
             and (folder or not href.startswith((site_root + "az/", site_root + "ru/")))]
    assert found, (hrefs(), page.locator(".md-search-result__meta").inner_text())
    assert word.lower() in page.locator(".md-search-result").inner_text().lower()
    assert traffic.outside() == [] and traffic.console == []
    if site_root.startswith("http"):  # from file:// the index is a script, not a request
        index = [url for url in traffic.requests if "search_index" in url]
        assert index == [site_root + folder + "search/search_index.json"], index


@pytest.mark.parametrize("folder", ["", "az/", "ru/"])
def test_each_language_has_its_own_index_of_its_own_pages(built_site, folder):
    import json
    for name in ("search_index.json", "search_index.js"):
        text = (built_site / folder / "search" / name).read_text(encoding="utf-8")
        docs = json.loads(text.removeprefix("var __index = "))["docs"]
        assert len(docs) > 50
        # Locations are relative to the language's folder, which is the pages' search base.
        assert all((built_site / folder / doc["location"].split("#")[0]).is_file() for doc in docs)
        assert not any(doc["location"].startswith(("az/", "ru/")) for doc in docs)
