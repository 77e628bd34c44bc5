"""A block or fence left open, or Markdown that reaches a page as raw text, is never published."""
from tests.conftest import run_mkdocs
from tests.helpers import make_project, module

UNCLOSED_QUIZ = module(body="""
    Intro.

    /// quiz | Which number?
        id: q-number

    - [x] The hotline
    - [ ] Another

    ## Key points

    Points.
    """)


def test_an_unclosed_quiz_stops_even_a_non_strict_build_naming_file_and_line(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": UNCLOSED_QUIZ})
    result = run_mkdocs(project)
    assert result.returncode != 0
    expected = ("curriculum/modules/m.md:12: the block '/// quiz | Which number?' is never "
                "closed: add a line with only '///' where it ends")
    assert result.stderr.count(expected) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site" / "modules" / "m.html").exists()


def test_raw_markdown_on_a_built_page_stops_the_build_naming_page_and_source(tmp_path):
    # The loader reads no Markdown syntax in the home page's text: the check of the built
    # pages is the net for whatever reaches a reader as raw text.
    home = "---\ntitle: Home\n---\n# Home\n\n\\## Not a heading\n\nWelcome.\n"
    project = make_project(tmp_path, {"modules/m.md": module(), "index.md": home})
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "page(s) show raw Markdown" in result.stderr, result.stderr
    assert 'index.html (from curriculum/index.md): a heading: "## Not a heading"' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_markdown_inside_an_html_element_reaches_the_reader_raw_and_stops_the_build(tmp_path):
    # Python-Markdown leaves an HTML block as written: the ** show on the page.
    home = ('---\ntitle: Home\n---\n# Home\n\n<div class="note">\n**Call 152** at once.\n'
            '</div>\n\nWelcome.\n')
    project = make_project(tmp_path, {"modules/m.md": module(), "index.md": home})
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert ('index.html (from curriculum/index.md): bold marks: "**Call 152** at once."'
            in result.stderr), result.stderr
    assert 'markdown="1"' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
