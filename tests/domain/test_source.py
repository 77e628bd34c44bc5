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


# -- bad files: one clear message each ------------------------------------------------------
import pytest as _pytest  # noqa: E402

from elearning.domain.source import ContentSyntaxError as _Error, parse_yaml as _parse, \
    read_markdown as _read_markdown, read_text as _read_text  # noqa: E402


@_pytest.mark.parametrize("text, line, words", [
    ("a: 1\nb: 2\na: 3\n", 3, "'a' is written twice (lines 1 and 3)"),
    ("x:\n  en: A\n  en: B\n", 3, "'en' is written twice (lines 2 and 3)"),
    ("a:\n\tb: 1\n", 2, "line 2 starts with a tab: indent YAML with spaces only"),
    ("- a\n-\tb: 1\n  c: [\n", 2, "line 2 starts with a tab"),
    ("title: Step one: the call\n", 1, "a ':' followed by a space inside a value"),
])
def test_yaml_mistakes_in_plain_words_with_their_line(text, line, words):
    with _pytest.raises(_Error) as error:
        _parse(text)
    assert error.value.line == line and words in error.value.message
    assert "cannot start any token" not in error.value.message


@_pytest.mark.parametrize("data, encoding", [
    ("Информация о торговле людьми.".encode("cp1251"), "Windows-1251"),
    ("Café, résumé, déjà vu, garçon.".encode("latin-1"), "Latin-1 / Windows-1252"),
    ("Ağır iş, çətin həyat.".encode("utf-16"), "UTF-16 (what Notepad calls 'Unicode')"),
])
def test_a_file_in_another_encoding_names_it_and_how_to_save_as_utf8(tmp_path, data, encoding):
    path = tmp_path / "m.md"
    path.write_bytes(data)
    with _pytest.raises(_Error) as error:
        _read_text(path)
    assert f"it looks like {encoding}" in error.value.message
    assert "save it with the encoding 'UTF-8'" in error.value.message


def test_utf8_with_a_byte_order_mark_is_read_and_unclosed_front_matter_is_named(tmp_path):
    path = tmp_path / "m.md"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: T\n---\nText.\n")
    assert _read_markdown(path).meta.data == {"title": "T"}
    path.write_text("---\ntitle: T\n\nText.\n", encoding="utf-8")
    with _pytest.raises(_Error, match="never closed"):
        _read_markdown(path)
    path.write_bytes(b"\x89PNG\r\n\x00\x00")
    with _pytest.raises(_Error, match="not a text file"):
        _read_text(path)
