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
