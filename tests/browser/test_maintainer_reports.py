"""The maintainers' reports in Chromium: on a phone, file names in the translation status
break only after "/" or "-", never in the middle of a word."""
import pytest

LANGUAGES = {"en": "", "az": "az/", "ru": "ru/"}

# For each <code> of the table: the characters after which the browser wrapped the line
# (where the next character's box starts lower than the previous one's).
WRAPPED_AFTER = """() => [...document.querySelectorAll('.translation-status td code')].map(code => {
  const text = code.textContent, range = document.createRange(), after = [];
  let node = code.firstChild, offset = 0, top = null, previous = '';
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  while ((node = walker.nextNode())) {
    for (offset = 0; offset < node.length; offset++) {
      range.setStart(node, offset); range.setEnd(node, offset + 1);
      const box = range.getBoundingClientRect();
      if (top !== null && box.top > top + 2) after.push(previous);
      top = box.top; previous = node.data[offset];
    }
  }
  return {text, after};
})"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_status_names_break_only_at_separators(open_page, site_url, language):
    page, _ = open_page(site_url, f"{LANGUAGES[language]}maintainers/translations.html",
                        viewport={"width": 360, "height": 800})
    names = page.evaluate(WRAPPED_AFTER)
    assert len(names) > 10, "the translation status lists every module and data file"
    assert any(name["after"] for name in names), "at 360 px some long names must wrap"
    # A file name is code: no glossary tooltip on a word of it ('police-identification').
    assert page.locator(".translation-status td abbr").count() == 0
    broken = [name["text"] for name in names if set(name["after"]) - {"/", "-"}]
    assert not broken, f"names broken in the middle of a word at 360 px: {broken}"
