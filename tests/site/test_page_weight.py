"""What a page asks for before it shows (hooks/elearning/site/assets.py, overrides/main.html):
one stylesheet of the site's own, the site-wide scripts as one file, every script deferred,
no palette stylesheet; a glossary term explained once per page; JSON written as UTF-8."""
import re

import pytest
import rjsmin
from bs4 import BeautifulSoup

from elearning.site.assets import ScriptCache, minify_script, minify_stylesheet
from tests.helpers import ROOT

PAGES = ["index.html", "ru/index.html", "courses/law-enforcement/index.html",
         "az/courses/law-enforcement/pre-test.html", "ru/courses/law-enforcement/referral.html",
         "modules/referral.html", "ru/toolkits/azrcs/index.html", "glossary.html",
         "courses/law-enforcement/certificate.html", "toolkits/law-enforcement/one-pager.html"]
BUNDLED_SCRIPTS = ("questions", "progress", "quiz", "decision", "course", "app")
BUNDLED_STYLESHEETS = ("elearning", "flowchart", "decision")


def soup(site, page):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", PAGES)
def test_one_own_stylesheet_one_site_script_and_every_script_deferred(built_site, page):
    html = soup(built_site, page)
    sheets = [re.sub(r"^(\.\./)+", "", link["href"])
              for link in html.select('link[rel="stylesheet"]')]
    assert len(sheets) == 2 and re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", sheets[0])
    assert sheets[1] == "stylesheets/elearning.min.css"
    scripts = html.select("script[src]")
    assert scripts and all(s.has_attr("defer") for s in scripts), page
    sources = [re.sub(r"^(\.\./)+", "", s["src"]) for s in scripts]
    assert sources.count("javascripts/elearning.min.js") == 1
    assert not {f"javascripts/{name}.js" for name in BUNDLED_SCRIPTS} & set(sources)
    # The search index waits for the page: its script runs before Material's bundle.
    assert sources.index("javascripts/later.js") < next(
        i for i, s in enumerate(sources) if s.startswith("assets/javascripts/bundle."))


def test_the_bundles_hold_every_listed_file_minified_in_order(built_site):
    for folder, names, suffix, minify, bundle in (
            ("javascripts", BUNDLED_SCRIPTS, ".js", minify_script, "elearning.min.js"),
            ("stylesheets", BUNDLED_STYLESHEETS, ".css", minify_stylesheet, "elearning.min.css")):
        text = (built_site / folder / bundle).read_text(encoding="utf-8")
        places = [text.index(minify((ROOT / "overrides" / folder / (name + suffix))
                                    .read_text(encoding="utf-8"))) for name in names]
        assert places == sorted(places)
        # A page's own file stays under its name (minified): course-test.js, scorm.css...
        for source in (ROOT / "overrides" / folder).glob("*" + suffix):
            built = (built_site / folder / source.name).read_text(encoding="utf-8")
            assert built.strip() == minify(source.read_text(encoding="utf-8")).strip()
            assert len(built) < len(source.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["ru/toolkits/azrcs/index.html", "ru/glossary.html",
                                  "az/courses/law-enforcement/children-at-risk.html",
                                  "courses/municipalities/what-is-trafficking.html"])
def test_a_glossary_term_is_explained_once_per_page(built_site, page):
    html = soup(built_site, page)
    # The glossary page's term column keeps each term's own (glossary_terms.py).
    terms = {id(abbr) for abbr in html.select(".glossary-term abbr[title]")}
    titles = [abbr["title"] for abbr in html.select("article abbr[title]") if id(abbr) not in terms]
    assert titles and len(titles) == len(set(titles)), page
    if page.endswith("glossary.html"):
        assert len(terms) == len(html.select(".glossary-term")) > 20


@pytest.mark.parametrize("language", ["", "az/", "ru/"])
def test_a_pre_test_or_final_test_explains_no_term(built_site, language):
    """They measure what a learner knows: a term's meaning could give an answer away."""
    for kind in ("pre", "final"):
        html = soup(built_site, f"{language}courses/law-enforcement/{kind}-test.html")
        assert html.select("article fieldset") and not html.select("article abbr"), kind


def test_scripts_keep_the_names_other_scripts_and_pages_use():
    """Local names are shortened, names the scripts share (window.*, properties, strings)
    are not; a script the minifier cannot read is still minified, names kept."""
    source = (ROOT / "overrides/javascripts/quiz.js").read_text(encoding="utf-8")
    text = minify_script(source)
    assert "window.CTEQuestions" in text and ".dataset.quiz" in text and '"cte:progress"' in text
    assert "function showModuleProgress" in source and "showModuleProgress" not in text
    assert len(text) < 0.9 * len(rjsmin.jsmin(source))  # white space and comments only
    later = "(function () {\n  const long_name = 1 // ES2015\n  window.X = long_name\n})()\n"
    assert minify_script(later, "javascripts/x.js") == \
        "(function(){const long_name=1\nwindow.X=long_name})()"


def test_minified_scripts_are_kept_by_content_and_old_ones_removed(tmp_path):
    old, new = "(function () { var first = 1; window.A = first })()", \
        "(function () { var second = 2; window.A = second })()"
    cache = ScriptCache(tmp_path)
    assert cache.minify(old, "a.js") == minify_script(old)
    kept = list(tmp_path.iterdir())
    kept[0].write_text("(kept)", encoding="utf-8")  # read again, not minified again
    cache = ScriptCache(tmp_path)
    assert cache.minify(old, "a.js") == "(kept)"
    cache = ScriptCache(tmp_path)
    cache.minify(new, "a.js")
    cache.minify("(function () { let later = 1 })()", "b.js")  # not kept: its message every time
    cache.prune()
    assert [p.read_text(encoding="utf-8") for p in tmp_path.iterdir()] == [minify_script(new)]


def test_json_in_pages_is_utf8_and_still_safe(built_site):
    text = (built_site / "ru/index.html").read_text(encoding="utf-8")
    strings = re.search(r'id="elearning-interface">(.*?)</script>', text, re.S).group(1)
    assert re.search("[а-я]", strings) and "\\u04" not in strings
    assert "<" not in strings  # htmlsafe: no markup can close the script element
