from elearning.domain.blocks import scan_blocks
from elearning.domain.problems import Problems
from elearning.domain.quizzes import quizzes_in

FILE = "curriculum/modules/m.md"


def parse(text):
    problems = Problems()
    return quizzes_in(scan_blocks(text), "m", FILE, problems), [str(p) for p in problems]


def test_single_multiple_feedback_explanation_and_derived_id():
    quizzes, problems = parse("""\
/// quiz | Which *one*?
- [ ] No
    > Not this one.
- [x] Yes
    > Right.

Because.

More because.
///

/// quiz | Which ones?
    id: two
    test: true

- [x] A
- [x] B
- [ ] C
///
""")
    assert problems == []
    first, second = quizzes
    assert first.id == "m-1" and not first.multiple and not first.in_test
    assert first.choices[0].feedback == "Not this one." and first.choices[1].correct
    assert first.explanation == "Because.\n\nMore because."
    assert second.id == "two" and second.multiple and second.in_test


def test_errors_name_file_question_and_fix():
    _, problems = parse("""\
/// quiz | No options here
Just text.
///

/// quiz | Nothing correct
- [ ] A
- [ ] B
///

/// quiz | Not a task list
- A
- [x] B
///

/// quiz | Unknown option
    points: 3

- [x] A
///
""")
    assert problems[0] == (f"{FILE}:1: the question 'No options here' has no options: add a task "
                           "list, one option per line, '- [x] ' before correct ones and '- [ ] ' "
                           "before the others.")
    assert f"{FILE}:5: the question 'Nothing correct' has no correct option" in problems[1]
    assert f"{FILE}:11: the question 'Not a task list': this option is not a task-list item" \
        in problems[2]
    assert f"{FILE}:16: the question 'Unknown option': 'points' is not a known key" in problems[3]


def test_question_inside_an_audience_passage_is_only_for_that_audience():
    quizzes, _ = parse("/// audience | employers azrcs\n/// quiz | Q\n- [x] A\n///\n///\n")
    assert quizzes[0].shown_to("employers") and not quizzes[0].shown_to("municipalities")
