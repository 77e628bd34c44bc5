"""Glossary terms: a tooltip at the first use on a page only (glossary_terms.py)."""
import markdown
from bs4 import BeautifulSoup

from elearning.markdown import Glossary, PageView, ViewState, authoring_extensions

GLOSSARY = {"exploitation": "Using a person for profit.", "NRM": "National Referral Mechanism"}


def render(text, **view):
    state = ViewState(contacts={}, glossary=Glossary(GLOSSARY))
    state.current = PageView("en", **view)
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "pymdownx.details", "abbr", "tables",
                                       *authoring_extensions(state)])
    return BeautifulSoup(md.convert(text), "html.parser")


def test_each_term_is_explained_at_its_first_use_only():
    html = render("The NRM starts with exploitation.\n\n"
                  "Exploitation is named; the NRM again, and *the NRM* in emphasis.\n")
    titles = [(a.get_text(), a["title"]) for a in html.select("abbr")]
    assert titles == [("NRM", GLOSSARY["NRM"]), ("exploitation", GLOSSARY["exploitation"])]
    # Later uses stay as words, in their place.
    assert html.get_text().split() == (
        "The NRM starts with exploitation. Exploitation is named; the NRM again, "
        "and the NRM in emphasis.").split()
    assert html.select_one("em").get_text() == "the NRM"


def test_a_first_use_in_hidden_content_gives_way_to_a_visible_one():
    html = render("??? note \"More\"\n    Collapsed: the NRM.\n\nOpen text: the NRM.\n")
    abbrs = html.select("abbr")
    assert len(abbrs) == 1 and abbrs[0].find_parent("details") is None
    # A term used only in hidden content keeps its explanation there.
    html = render("??? note \"More\"\n    Collapsed: the NRM, the NRM.\n")
    assert len(html.select("details abbr")) == 1


def test_the_glossary_pages_term_column_keeps_every_tooltip():
    html = render("| Term | Meaning |\n| --- | --- |\n"
                  "| **exploitation**{ .glossary-term } | in the NRM |\n"
                  "| **NRM**{ .glossary-term } | the NRM refers |\n")
    terms = [strong.find("abbr") for strong in html.select("strong.glossary-term")]
    assert all(terms) and len(terms) == 2
    # The meanings column: each term once.
    assert [a.get_text() for a in html.select("td:nth-of-type(2) abbr")] == ["NRM"]


def test_terms_are_found_in_every_text_but_code_and_wrapped_in_place():
    html = render("`NRM` in code, *emphasis* then the NRM and exploitation, [a link](x.md) "
                  "then exploitation.")
    assert not html.select("code abbr")
    assert [(a.get_text(), a.find_previous_sibling().name) for a in html.select("abbr")] == [
        ("NRM", "em"), ("exploitation", "abbr")]  # two terms in one tail
    assert html.get_text() == ("NRM in code, emphasis then the NRM and exploitation, a link "
                               "then exploitation.")


def test_an_authors_own_abbreviation_is_explained_at_its_first_use_too():
    html = render("The IOM and the NRM.\n\nThe IOM again.\n\n*[IOM]: International Organization for Migration\n")
    assert [(a.get_text(), a["title"]) for a in html.select("abbr")] == [
        ("IOM", "International Organization for Migration"), ("NRM", GLOSSARY["NRM"])]
    assert html.get_text().split() == "The IOM and the NRM. The IOM again.".split()


def test_without_a_glossary_nothing_is_wrapped():
    state = ViewState(contacts={})
    state.current = PageView("en")
    md = markdown.Markdown(extensions=["abbr", *authoring_extensions(state)])
    assert md.convert("The NRM.") == "<p>The NRM.</p>"


def test_a_pre_test_or_final_test_explains_no_term():
    """It measures what a learner knows: a term's meaning could be the answer."""
    text = "Is this exploitation, or does the NRM apply?\n"
    assert len(render(text).select("abbr")) == 2
    assert not render(text, measures=True).select("abbr")
