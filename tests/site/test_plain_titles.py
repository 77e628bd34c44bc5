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



def test_a_title_with_markup_is_refused_with_file_and_line(tmp_path):
    from tests.conftest import run_mkdocs
    from tests.helpers import make_project

    text = ("---\ntitle: 'Basics </div><b>bold</b>'\naudiences: all\nduration: 10\n"
            "objectives: [x]\n---\nBody.\n")
    result = run_mkdocs(make_project(tmp_path, {"modules/m.md": text}), "--strict")
    assert result.returncode != 0
    assert "curriculum/modules/m.md:2: the title contains the markup '</div>': write the " \
           "title as plain words" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_title_with_markdown_characters_breaks_no_page(tmp_path):
    from bs4 import BeautifulSoup

    from tests.conftest import run_mkdocs
    from tests.helpers import make_project

    title = "Basics & *star* [x] | `code` 5 > 3"
    text = (f"---\ntitle: '{title}'\naudiences: all\nduration: 10\nobjectives: [x]\n---\n"
            "Body.\n")
    project = make_project(tmp_path, {"modules/m.md": text})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    for path in ("modules/m.html", "courses/employers/m.html", "courses/employers/index.html",
                 "modules/index.html", "az/courses/employers/index.html"):
        page = BeautifulSoup((project / "site" / path).read_text("utf-8"), "html.parser")
        assert not page.select("article em, article code"), path  # not rendered as Markdown
        assert title in page.get_text(), path  # shown as written
        assert page.select_one("footer"), path  # the page is whole
