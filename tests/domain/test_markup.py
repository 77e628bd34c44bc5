import textwrap

import pytest

from elearning.domain.markup import check_markup
from elearning.domain.problems import Problems

FILE = "curriculum/modules/m.md"


def check(text):
    problems = Problems()
    check_markup([(FILE, 1, textwrap.dedent(text))], problems)
    return [(p.line, p.message) for p in problems]


@pytest.mark.parametrize("text, what", [
    ("Hello <script>alert(1)</script>", "a <script> in content"),
    ("<SCRIPT src='x.js'></SCRIPT>", "a <script> in content"),
    ('<a href="#" onclick="go()">Go</a>', "an inline event handler ('onclick=')"),
    ('<img src="a.png" alt="" onerror="x()">', "an inline event handler ('onerror=')"),
    ('[Go](page.md){: onmouseover="x()" }', "an inline event handler ('onmouseover=')"),
    ('<p style="color: red">Red</p>', "a 'style' attribute in content"),
    ('## Title {: style="color: red" }', "a 'style' attribute in content"),
    ("<style>p { color: red }</style>", "a <style> element in content"),
    ("[Click](javascript:alert(1))", "a javascript: link in content"),
    ('<a href="javascript:void(0)">x</a>', "a javascript: link in content"),
])
def test_code_in_content_is_reported_with_file_line_and_what_to_do(text, what):
    [(line, message)] = check(f"Intro.\n\n{text}\n")
    assert line == 3 and message.startswith(what)


def test_code_shown_as_an_example_and_ordinary_words_are_fine():
    text = """\
    Write `<script>` nowhere; the style of the letter matters; call on = Monday.

    ```html
    <p style="color: red" onclick="x()">example</p>
    ```

    A <span class="note">note</span> and a [link](page.md "online = yes").
    """
    assert check(text) == []
