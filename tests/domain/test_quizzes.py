from elearning.domain.blocks import scan_blocks
from elearning.domain.problems import Problems
from elearning.domain.quizzes import TEST_QUESTION, quizzes_in

FILE = "curriculum/modules/m.md"


def parse(text, kind="quiz"):
    problems = Problems()
    shown = quizzes_in(scan_blocks(text), "m", FILE, problems, kind)
    return [s.model for s in shown if s.model is not None], [str(p) for p in problems]


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

- [x] A
- [x] B
- [ ] C
///
""")
    assert problems == []
    first, second = quizzes
    assert first.id == "m-1" and not first.multiple
    assert first.choices[0].feedback == "Not this one." and first.choices[1].correct
    assert first.explanation == "Because.\n\nMore because."
    assert second.id == "two" and second.multiple


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


TEST_QUESTIONS = """\
Text of the module.

/// test-question | Which *one*?
    id: c1-t1-which

- [ ] No
    > Not this one.
- [x] Yes
    > Right.

Because.
///

/// quiz | A self-check
- [x] A
///

/// test-question | Which ones?
    id: c1-t2-ones

- [x] A
- [x] B
- [ ] C
///
"""


def test_test_questions_are_read_apart_from_the_self_checks():
    tests, problems = parse(TEST_QUESTIONS, TEST_QUESTION)
    assert problems == []
    assert [q.id for q in tests] == ["c1-t1-which", "c1-t2-ones"]
    assert not tests[0].multiple and tests[1].multiple
    assert tests[0].choices[0].feedback == "Not this one." and tests[0].explanation == "Because."
    quizzes, _ = parse(TEST_QUESTIONS)
    assert [q.question for q in quizzes] == ["A self-check"]


def test_test_question_errors_name_file_question_and_fix():
    _, problems = parse("""\
/// test-question | Without an id
- [x] A
- [ ] B
///

/// test-question | Nothing correct
    id: t-none

- [ ] A
///

/// test-question |
    id: t-empty
- [x] A
///
""", TEST_QUESTION)
    assert problems[0].startswith(f"{FILE}:1: the test question 'Without an id': 'id' is missing")
    assert f"{FILE}:6: the test question 'Nothing correct' has no correct option" in problems[1]
    assert problems[2].startswith(f"{FILE}:12: this test-question has no question: write it "
                                  "after '/// test-question | '")


def test_the_old_test_option_tells_to_write_a_test_question():
    quizzes, problems = parse("/// quiz | Old\n    id: old\n    test: true\n\n- [x] A\n///\n")
    assert quizzes == []
    assert problems == [f"{FILE}:3: the question 'Old': 'test: true' is no longer an option of "
                        "'/// quiz': self-check questions do not go into the pre-test and final "
                        "test any more. Remove the 'test:' line and write the questions for the "
                        "tests as '/// test-question | ...' blocks (see docs/authoring.md, "
                        "'Test questions')."]


def test_answer_checks_differ_per_answer_and_decode_round_trips():
    from elearning.domain import answer_keys
    tests, _ = parse(TEST_QUESTIONS, TEST_QUESTION)
    multiple = tests[1]
    salt = answer_keys.salt(multiple)
    answers = ["1", "2", "3", "1,2", "1,3", "2,3", "1,2,3"]
    checks = {a: format(answer_keys.cyrb53(f"{salt}:{multiple.id}:{a}"), "x") for a in answers}
    assert len(set(checks.values())) == len(answers)
    assert answer_keys.check(multiple) == checks["1,2"]
    # cyrb53 as published (JavaScript reference value for "a", seed 0).
    assert answer_keys.cyrb53("a") == 7929297801672961
    encoded = answer_keys.encode("Ответ: <b>ə</b>", salt)
    assert "Ответ" not in encoded and answer_keys.decode(encoded, salt) == "Ответ: <b>ə</b>"
