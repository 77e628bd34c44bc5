"""Texts without inline Markdown skip the inline step (plain_text.py): the pages are the same."""
from xml.etree import ElementTree as etree

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from elearning.markdown import Glossary, PageView, ViewState, authoring_extensions
from elearning.markdown.plain_text import MARKS, Plain, PlainTexts
from tests.conftest import ROOT

GLOSSARY = {"NRM": "National Referral Mechanism", "exploitation": "Using a person for profit."}


def site_markdown(plain=True, glossary=GLOSSARY):
    """A Markdown with the site's extensions (mkdocs.yml and the authoring syntax)."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    state = ViewState(contacts={}, glossary=Glossary(glossary))
    state.current = PageView("en")
    md = markdown.Markdown(extensions=[*names, *authoring_extensions(state)],
                           extension_configs=configs)
    if not plain:
        md.treeprocessors.deregister("plain_texts")
    return md


SAMPLES = [
    "# The NRM\n\nPlain words, the NRM and exploitation: 20% (about 5), a-b / c; \"quoted\" 'too'.",
    "- one\n- two *em* and __strong__ and `code`\n- [a link](x.md) and ![image](i.png)\n"
    "- <https://example.org> <a@b.az> &amp; &copy; <b>raw</b> \\*escaped\\*",
    "| A | B |\n| --- | --- |\n| 20 | NRM |\n| five | *x* |\n",
    "Line one  \nline two\nline three.\n\n1. first\n2. second {: .cls }\n",
    "Сообщите в НМП: эксплуатация, 152. Şübhə varsa, 102-yə zəng edin!\n\n*[IOM]: Organisation\n",
    "!!! note \"Title with NRM\"\n    Inside: exploitation, {?a fact?} and {{number:none}}.\n",
    "/// details | More\nHidden NRM.\n///\n\nVisible NRM, *NRM* again.\n",
]


@pytest.mark.parametrize("text", SAMPLES + [
    path.read_text(encoding="utf-8") for path in sorted((ROOT / "curriculum" / "modules").glob("*.md"))[:6]])
def test_a_page_is_the_same_with_and_without_the_marks(text):
    assert site_markdown().convert(text) == site_markdown(plain=False).convert(text)


def test_every_inline_pattern_of_the_site_is_known():
    md = site_markdown()
    unknown = [name for name in (item.name for item in md.inlinePatterns._priority)
               if name not in MARKS]
    assert not unknown, (f"inline patterns {unknown} are not in plain_text.MARKS: no text skips "
                         "the inline step until the characters each needs are added there")


def test_no_pattern_matches_a_text_without_its_marks():
    md = site_markdown()
    prose = ("Plain words: 20% (about 5), a-b / c; \"quoted\" 'too'? Yes! #3 + 4 = 7 ~ ^ | $ @ "
             "Сообщите в НМП — 152. Şübhə varsa, 102-yə zəng edin.\nA second line.\n")
    for item in md.inlinePatterns._priority:
        pattern = md.inlinePatterns[item.name]
        assert not pattern.getCompiledRegExp().search(prose), item.name


def test_a_text_with_any_mark_is_left_to_the_inline_step():
    md = site_markdown()
    marks = {mark for name in MARKS for mark in MARKS[name]}
    root = etree.Element("div")
    for mark in marks:
        etree.SubElement(root, "p").text = f"before {mark} after"
    etree.SubElement(root, "p").text = "nothing to do"
    PlainTexts(md).run(root)
    assert [isinstance(p.text, Plain) for p in root] == [False] * len(marks) + [True]


def test_an_unknown_pattern_or_a_pages_own_abbreviations_leave_every_text_to_the_inline_step():
    md = site_markdown()
    md.inlinePatterns.register(markdown.inlinepatterns.SimpleTagInlineProcessor(
        r"(~~)(.+?)~~", "del"), "del", 70)
    assert md.convert("A ~~struck~~ word.") == "<p>A <del>struck</del> word.</p>"
    md = site_markdown()
    assert md.convert("The IOM and the NRM.\n\n*[IOM]: Organisation") == (
        '<p>The <abbr title="Organisation">IOM</abbr> and the '
        '<abbr title="National Referral Mechanism">NRM</abbr>.</p>')
