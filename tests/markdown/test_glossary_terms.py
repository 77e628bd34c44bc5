"""Glossary terms: a tooltip at the first use on a page only (glossary_terms.py)."""
import markdown
from bs4 import BeautifulSoup

from elearning.markdown import PageView, ViewState, authoring_extensions

GLOSSARY = {"exploitation": "Using a person for profit.", "NRM": "National Referral Mechanism"}


def render(text):
    state = ViewState(contacts={})
    state.current = PageView("en")
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "pymdownx.details", "abbr",
                                       *authoring_extensions(state)],
                           extension_configs={"abbr": {"glossary": GLOSSARY}})
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
