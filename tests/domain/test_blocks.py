from elearning.domain.blocks import scan_blocks

TEXT = """\
Intro
/// audience | employers
Text
/// quiz | Question?
    id: q-1
    test: true

- [x] Yes
///
///
```
/// quiz | not a block inside code
```
"""


def test_blocks_with_options_parents_and_lines():
    passage, quiz = scan_blocks(TEXT, first_line=10)
    assert (passage.name, passage.argument, passage.line) == ("audience", "employers", 11)
    assert (quiz.name, quiz.argument, quiz.line) == ("quiz", "Question?", 13)
    assert quiz.options == "id: q-1\ntest: true\n" and quiz.options_line == 14
    assert quiz.parents == (passage,)
    assert quiz.text.strip() == "- [x] Yes"


# -- structure: what the renderer would publish as raw text ----------------------------------
import pytest  # noqa: E402

from elearning.domain.blocks import scan  # noqa: E402

UNCLOSED = {
    "quiz": "/// quiz | Q?\n    id: q\n\n- [x] A\n- [ ] B\n",
    "test-question": "/// test-question | Q?\n    id: t\n\n- [x] A\n- [ ] B\n",
    "case": "/// case | The café\nStory.\n",
    "answer": "/// case | The café\nStory.\n\n/// answer\nDo this.\n",
    "trainer": "/// trainer\nA note.\n",
    "audience": "/// audience | employers\nFor employers.\n",
    "scenario": "/// scenario | A call\n/// asks\nHelp?\n///\n",
    "say": "/// scenario | A call\n/// say\nYou are safe.\n",
    "do": "/// scenario | A call\n/// do\nCall.\n",
}


@pytest.mark.parametrize("name", list(UNCLOSED))
def test_every_block_left_open_is_a_problem_at_its_opening_line(name):
    body = "Intro.\n\n" + UNCLOSED[name] + "\n## Key points\n\nText.\n"
    problems = scan(body, first_line=5).problems
    opening = next(n for n, line in enumerate(body.splitlines(), 5) if line.startswith(f"/// {name}"))
    assert [p.line for p in problems if f"'/// {name}" in p.message] == [opening], problems
    assert all("never closed" in p.message and "add a line with only '///'" in p.message
               for p in problems)


@pytest.mark.parametrize("info", ["flowchart", "decision", ""])
def test_a_fence_left_open_is_a_problem_naming_it(info):
    problems = scan(f"Intro.\n\n```{info}\nsteps: []\n\n## Key points\n", first_line=3).problems
    assert len(problems) == 1 and problems[0].line == 5
    assert f"the fence '```{info}' is never closed: add a line with only '```'" in problems[0].message


def test_a_fence_closed_with_an_info_string_is_still_open():
    assert scan("```flowchart\nx\n```flowchart\n").problems


def test_a_closing_line_for_the_outer_block_while_an_inner_one_is_open_is_one_problem():
    body = "//// case | Outer\nStory.\n/// answer\nDo this.\n////\nAfter.\n"
    problems = scan(body).problems
    assert len(problems) == 1 and problems[0].line == 5
    assert "closes the block '//// case | Outer' (line 1) while the block '/// answer' (line 3)" \
           in problems[0].message


def test_a_closing_line_of_another_length_or_with_nothing_open():
    assert "does not close the block '/// quiz | Q?' (line 1)" in \
        scan("/// quiz | Q?\n- [x] A\n////\n///\n").problems[0].message
    stray = scan("Text.\n///\n").problems
    assert len(stray) == 1 and stray[0].line == 2 and "closes no block" in stray[0].message


def test_a_block_inside_code_is_not_a_block_and_a_closed_text_has_no_problems():
    assert scan(TEXT).problems == []
    assert scan("```\n/// quiz | shown as an example\n```\n").problems == []


def test_unknown_block_names_a_missing_title_and_options_on_a_block_without_any():
    unknown = scan("/// quizz | Q?\n- [x] A\n///\n").problems
    assert len(unknown) == 1 and "'/// quizz' is not a kind of block" in unknown[0].message
    untitled = scan("/// case\nStory.\n///\n").problems
    assert len(untitled) == 1
    assert "this '/// case' block has no title: write it after '/// case | '" in untitled[0].message
    options = scan("/// case | T\n    id: c-1\n    more: x\nStory.\n///\n").problems
    assert len(options) == 1 and options[0].line == 2 and "takes no options" in options[0].message


def test_one_reading_of_fences_the_closing_line_has_the_same_marker_at_least_as_long():
    from elearning.domain.blocks import Fence, fences
    body = ("````markdown\n```flowchart\nstart: a\n```\n````\n\n"  # an example: one fence
            "  ~~~decision\n  title: T\n  ~~~~\n\n```\nnot closed by ~~~\n~~~\n")
    assert fences(body, first_line=3) == [
        Fence(3, "markdown", "```flowchart\nstart: a\n```", 7),
        Fence(9, "decision", "title: T", 11),
        Fence(13, "", "not closed by ~~~\n~~~", None)]  # never closed: code to the end
