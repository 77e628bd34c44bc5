"""Front-matter titles are written into generated pages as words, never as markup."""
import markdown

from elearning.site.pages import plain


def test_a_title_with_markup_renders_as_the_words_it_is():
    title = "Basics </div><b>bold</b> & *star* [x](y.md) | `code`"
    html = markdown.markdown(f"1. [{plain(title)}](m.md)")
    assert "<b>" not in html and "</div>" not in html and "<em>" not in html
    assert 'href="y.md"' not in html and "<code>" not in html
    assert html.count("<a ") == 1
    text = html.split(">", 3)[3].split("</a>")[0]
    assert text == "Basics &lt;/div&gt;&lt;b&gt;bold&lt;/b&gt; &amp; *star* [x](y.md) &#124; `code`"
