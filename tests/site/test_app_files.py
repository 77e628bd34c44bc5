"""What the service worker precaches (hooks/elearning/site/app.py), on a folder laid out as
the build writes the site: per language, shared assets once, no PDFs, a version that follows
the content."""
import json

from elearning.site.app import manifest, precache

LANGUAGES = ("en", "az", "ru")
FILES = {
    "index.html": "home", "glossary.html": "g", "search/search_index.json": None,
    "search/search_index.js": "file:// only", "az/index.html": "ev", "az/search/search_index.json": None,
    "ru/index.html": "дом", "ru/toolkits/employers/toolkit.pdf": "%PDF",
    "toolkits/employers/toolkit.pdf": "%PDF", "assets/javascripts/bundle.1234abcd.min.js": "js",
    "assets/javascripts/bundle.1234abcd.min.js.map": "map", "javascripts/app.js": "app",
    "assets/javascripts/lunr/min/lunr.ru.min.js": "ru", "assets/javascripts/lunr/min/lunr.ja.min.js": "ja",
    "assets/javascripts/lunr/min/lunr.multi.min.js": "m",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
    "sitemap.xml": "<urlset/>", "404.html": "nf", "sw.js": "old",
    "manifest.webmanifest": "{}", "az/manifest.webmanifest": "{}",
}


def write_site(folder, **changed):
    for path, text in {**FILES, **changed}.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if text is not None else
                          json.dumps({"config": {"lang": ["en", "ru"]}, "docs": []}), encoding="utf-8")
    return folder


def test_each_language_its_pages_and_index_shared_files_once_no_pdf(tmp_path):
    cache = precache(write_site(tmp_path), LANGUAGES)
    assert cache.pages["en"] == ["glossary.html", "index.html", "manifest.webmanifest",
                                 "search/search_index.json"]
    assert cache.pages["az"] == ["az/index.html", "az/manifest.webmanifest",
                                 "az/search/search_index.json"]
    assert cache.pages["ru"] == ["ru/index.html"]  # its PDF is left out
    assert cache.shared == ["assets/javascripts/bundle.1234abcd.min.js",
                            "assets/javascripts/lunr/min/lunr.multi.min.js",
                            "assets/javascripts/lunr/min/lunr.ru.min.js",
                            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                            "javascripts/app.js"]
    size = sum(len(FILES[f]) for f in cache.shared)
    assert cache.sizes["ru"] == size + len("дом".encode())


def test_the_gzipped_sizes_are_measured_only_when_asked(tmp_path):
    """They are only for the build's message: a quiet build (-q) leaves them out, and the
    lists, sizes and version stay the same."""
    site = write_site(tmp_path)
    measured, quiet = precache(site, LANGUAGES), precache(site, LANGUAGES, compressed=False)
    assert quiet.compressed is None
    assert all(0 < measured.compressed[language] for language in LANGUAGES)
    assert (quiet.version, quiet.pages, quiet.shared, quiet.sizes) == (
        measured.version, measured.pages, measured.shared, measured.sizes)


def test_the_version_follows_the_content_and_only_it(tmp_path):
    same = precache(write_site(tmp_path / "a"), LANGUAGES).version
    assert precache(write_site(tmp_path / "b"), LANGUAGES).version == same
    assert precache(write_site(tmp_path / "c", **{"sitemap.xml": "<new/>"}), LANGUAGES).version == same
    assert precache(write_site(tmp_path / "d", **{"az/index.html": "yeni"}), LANGUAGES).version != same


def test_manifest_paths_are_relative_to_the_language_folder():
    az = manifest("az", "en", "Ad", "Qısa", "Təsvir")
    assert (az["start_url"], az["scope"], az["lang"]) == ("./index.html", "../", "az")
    assert {icon["src"] for icon in az["icons"]} == {"../assets/icons/icon-192.png",
                                                    "../assets/icons/icon-512.png"}
    en = manifest("en", "en", "Name", "Short", "Description")
    assert en["scope"] == "./" and en["icons"][0]["src"] == "assets/icons/icon-192.png"
    assert any(icon["purpose"] == "maskable" for icon in en["icons"])
