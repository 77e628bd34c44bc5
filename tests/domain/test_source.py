from pathlib import Path

import pytest

from elearning.domain.source import ContentSyntaxError, display_path, parse_yaml, read_markdown


def test_lines_of_keys_and_list_items():
    located = parse_yaml("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n")
    assert located.line_of(("a",)) == 1
    assert located.line_of(("b", 1)) == 4
    assert located.line_of(("c", "d")) == 6
    assert located.line_of(("c", "missing")) == 5  # nearest parent


def test_invalid_yaml_names_the_line_and_what_to_check():
    with pytest.raises(ContentSyntaxError) as error:
        parse_yaml("title: ok\nduration: [10\nnext: 1\n", first_line=2)
    assert error.value.line in (3, 4)
    assert "not valid YAML" in error.value.message and "indentation" in error.value.message


def test_front_matter_and_body_lines(tmp_path):
    page = tmp_path / "m.md"
    page.write_text("---\ntitle: T\nduration: 5\n---\nFirst line\nSecond\n", encoding="utf-8")
    source = read_markdown(page)
    assert source.meta.data == {"title": "T", "duration": 5}
    assert source.meta.line_of(("duration",)) == 3
    assert source.body.startswith("First line") and source.body_line == 5


def test_file_without_front_matter(tmp_path):
    page = tmp_path / "m.md"
    page.write_text("Just text\n", encoding="utf-8")
    assert read_markdown(page).meta.data == {}


def test_display_path_is_relative_to_the_project():
    assert display_path(Path("/p/curriculum/x.md"), Path("/p")) == "curriculum/x.md"
