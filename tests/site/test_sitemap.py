import xml.etree.ElementTree as etree

from tests.conftest import SITE_URL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_page_of_every_language_with_its_translations(built_site):
    tree = etree.parse(built_site / "sitemap.xml")
    locations = {loc.text for loc in tree.findall("s:url/s:loc", NS)}
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if p.name != "404.html" and "assets" not in p.parts
             and "maintainers" not in p.parts}  # for the coordinator's staff only
    base = SITE_URL
    assert locations == {base + page for page in pages}
    generated = tree.find(f"s:url[s:loc='{base}az/courses/employers/pre-test.html']", NS)
    alternates = {link.get("hreflang"): link.get("href") for link in generated.findall("x:link", NS)}
    assert alternates == {"en": base + "courses/employers/pre-test.html",
                          "az": base + "az/courses/employers/pre-test.html",
                          "ru": base + "ru/courses/employers/pre-test.html"}


def test_maintenance_pages_are_out_of_the_sitemap_and_marked_noindex(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "maintainers/" not in sitemap and "courses/employers/index.html" in sitemap
    for prefix in ("", "az/", "ru/"):
        for page in ("index.html", "translations.html", "maintainer-guide.html"):
            html = (built_site / prefix / "maintainers" / page).read_text(encoding="utf-8")
            assert '<meta name="robots" content="noindex, nofollow">' in html, prefix + page
    assert 'name="robots"' not in (built_site / "courses/employers/index.html").read_text(
        encoding="utf-8")
