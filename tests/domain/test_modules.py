from elearning.domain.curriculum import load_curriculum
from tests.helpers import HOTLINE_YML, make_project, module

LANGUAGES = ("en", "az", "ru")


def load(tmp_path, files, **options):
    project = make_project(tmp_path, files, **options)
    return load_curriculum(project / "curriculum", project / "toolkits", project, LANGUAGES)


def messages(problems):
    return [str(problem) for problem in problems]


def about(problems, name):
    """The problems reported for one file (a course left empty is reported too)."""
    return [problem for problem in problems if problem.file.endswith(name)]


def test_modules_are_discovered_and_translations_attached(tmp_path):
    curriculum, problems = load(tmp_path, {
        "modules/alpha.md": module("Alpha", order=2),
        "modules/alpha.az.md": "---\ntitle: Alfa\nobjectives: [Bir şey]\n---\nMətn\n",
        "modules/beta.md": module("Beta", audiences="[employers]", order=1),
    })
    assert not problems, messages(problems)
    alpha = curriculum.modules["alpha"]
    assert alpha.text("az").title == "Alfa" and alpha.text("ru").title == "Alpha"
    assert alpha.is_translated("az") and not alpha.is_translated("ru")
    employers = curriculum.course("employers")
    assert [m.slug for m in employers.modules] == ["beta", "alpha"]
    assert employers.duration == 20
    assert [m.slug for m in curriculum.course("municipalities").modules] == ["alpha"]


def test_missing_and_wrongly_typed_keys_name_file_line_and_fix(tmp_path):
    text = "---\ntitle: T\naudiences: all\nduration: twenty\n---\nText\n"
    curriculum, problems = load(tmp_path, {"modules/bad.md": text})
    found = messages(problems)
    assert "curriculum/modules/bad.md:4: 'duration' must be a whole number of minutes greater " \
           "than 0 (you wrote 'twenty')." in found
    assert any("curriculum/modules/bad.md" in m and "'objectives' is missing" in m for m in found)
    assert "bad" not in curriculum.modules


def test_unknown_audience_lists_the_valid_ones(tmp_path):
    _, problems = load(tmp_path, {"modules/m.md": module(audiences="[police]")})
    [problem] = about(problems, "m.md")
    assert problem.line == 3
    assert "'police' is not an audience. Valid audiences: municipalities, employers" in problem.message


def test_unknown_audience_in_a_passage_names_its_line(tmp_path):
    body = "\nIntro.\n\n/// audience | employers police\nOnly some.\n///\n"
    _, problems = load(tmp_path, {"modules/m.md": module(body=body)})
    [problem] = problems
    assert problem.file == "curriculum/modules/m.md" and problem.line == 12
    assert "'police' is not an audience" in problem.message


def test_translation_stating_other_duration_is_an_error(tmp_path):
    _, problems = load(tmp_path, {
        "modules/m.md": module(duration=10),
        "modules/m.ru.md": "---\ntitle: М\nobjectives: [Цель]\nduration: 15\n---\nТекст\n",
    })
    [problem] = problems
    assert problem.file == "curriculum/modules/m.ru.md" and problem.line == 4
    assert "'duration' differs from the English file m.md" in problem.message


def test_translation_repeating_the_same_values_is_fine(tmp_path):
    _, problems = load(tmp_path, {
        "modules/m.md": module(audiences="[employers]", duration=10),
        "modules/m.az.md": "---\ntitle: M\nobjectives: [x]\naudiences: [employers]\n"
                           "duration: 10\n---\nx\n",
    })
    assert not about(problems, ".md"), messages(problems)


def test_translation_without_english_file_and_bad_names(tmp_path):
    _, problems = load(tmp_path, {
        "modules/orphan.az.md": "---\ntitle: O\nobjectives: [x]\n---\n",
        "modules/Bad_Name.md": module(),
        "modules/m.fr.md": module(),
    })
    found = messages(problems)
    assert any("orphan.az.md" in m and "has no English file" in m for m in found)
    assert any("Bad_Name.md" in m and "cannot be a module file name" in m for m in found)
    assert any("m.fr.md" in m and "not a language of this site" in m for m in found)


def test_invalid_front_matter_yaml(tmp_path):
    text = "---\ntitle: What: is it\naudiences: all\n---\n"
    _, problems = load(tmp_path, {"modules/m.md": text})
    [problem] = about(problems, "m.md")
    assert problem.line == 2 and "not valid YAML" in problem.message


def test_unknown_key_is_reported_with_the_known_ones(tmp_path):
    _, problems = load(tmp_path, {"modules/m.md": module(durration=5)})
    [problem] = about(problems, "m.md")
    assert "'durration' is not a known key" in problem.message and "duration" in problem.message


def test_a_course_without_modules_is_reported(tmp_path):
    _, problems = load(tmp_path, {"modules/m.md": module(audiences="[employers]")})
    assert any("course for 'municipalities' has no modules" in m for m in messages(problems))


def test_unknown_contact_reference(tmp_path):
    _, problems = load(tmp_path, {"modules/m.md": module(body="\nCall {{contact:nobody}}.\n")},
                       contacts=HOTLINE_YML)
    problems = about(problems, "m.md")
    [problem] = problems
    assert problem.line == 10 and "'nobody' is not in the contacts directory" in problem.message


TEST_QUESTION = """
/// test-question | {question}
    id: {id}

- [ ] Wrong
    > Why not.
- [x] Right
    > Why.
///
"""


def a_test_question(question="Q?", id="t-1"):
    return TEST_QUESTION.format(question=question, id=id)


def test_course_tests_are_made_of_the_modules_test_questions_only(tmp_path):
    from elearning.domain.reports import modules_without_test_questions
    body = ("\n/// quiz | Self-check?\n    id: s-1\n\n- [x] A\n- [ ] B\n///\n"
            + a_test_question("First?", "t-1") + a_test_question("Second?", "t-2")
            + "\n/// audience | employers\n" + a_test_question("Employers only?", "t-3") + "///\n")
    curriculum, problems = load(tmp_path, {
        "modules/alpha.md": module("Alpha", order=1, body=body),
        "modules/beta.md": module("Beta", order=2, body="\n/// quiz | Only a self-check?\n- [x] A\n///\n"),
    })
    assert not problems, messages(problems)
    alpha = curriculum.modules["alpha"].text("en")
    assert [q.id for q in alpha.quizzes] == ["s-1"]
    assert [q.id for q in alpha.test_questions] == ["t-1", "t-2", "t-3"]
    employers = curriculum.course("employers").test_questions("en")
    assert [(m.slug, [q.id for q in qs]) for m, qs in employers] == [("alpha", ["t-1", "t-2", "t-3"])]
    municipalities = curriculum.course("municipalities").test_questions("en")
    assert [(m.slug, [q.id for q in qs]) for m, qs in municipalities] == [("alpha", ["t-1", "t-2"])]
    assert modules_without_test_questions(curriculum) == [("beta", ["municipalities", "employers"])]


def test_a_translation_keeps_the_test_questions_and_their_options(tmp_path):
    english = module("Alpha", body=a_test_question("One?", "t-1") + a_test_question("Two?", "t-2"))
    translation = ("---\ntitle: Alfa\nobjectives: [Bir]\n---\n" + a_test_question("Bir?", "t-1")
                   + "\n/// test-question | İki?\n    id: t-2\n\n- [x] A\n- [ ] B\n///\n")
    missing = "---\ntitle: Альфа\nobjectives: [Одна]\n---\n" + a_test_question("Один?", "t-1")
    _, problems = load(tmp_path, {"modules/alpha.md": english, "modules/alpha.az.md": translation,
                                  "modules/alpha.ru.md": missing})
    found = messages(problems)
    assert any(m.startswith("curriculum/modules/alpha.az.md:15: the question 't-2' has other "
                            "options than in the English file alpha.md") for m in found), found
    assert ("curriculum/modules/alpha.ru.md: the test questions differ from the English file "
            "alpha.md: ids here ['t-1'], in English ['t-1', 't-2']. A translation has the same "
            "test questions, in the same order, with the same ids.") in found


def test_a_test_question_id_is_unique_site_wide_among_both_kinds(tmp_path):
    _, problems = load(tmp_path, {
        "modules/alpha.md": module("Alpha", body="\n/// quiz | S?\n    id: same\n\n- [x] A\n///\n"),
        "modules/beta.md": module("Beta", body=a_test_question("T?", "same")),
    })
    assert any("the question id 'same' is already used at curriculum/modules/alpha.md" in m
               for m in messages(problems)), messages(problems)


def test_an_error_in_an_english_question_is_not_reported_again_for_its_translations(tmp_path):
    quiz = "\n/// quiz | Q?\n    id: q-one\n\n- [{}] A\n- [ ] B\n///\n"
    translation = "---\ntitle: T\nobjectives: [x]\n---\nMətn.\n" + quiz.format("x")
    _, problems = load(tmp_path, {"modules/m.md": module(body=quiz.format(" ")),
                                  "modules/m.az.md": translation, "modules/m.ru.md": translation})
    assert messages(problems) == ["curriculum/modules/m.md:10: the question 'Q?' has no correct "
                                  "option: mark at least one with '- [x] '."]


def test_a_data_file_that_cannot_be_read_is_reported_alone(tmp_path):
    body = "\nCall {{contact:hotline-mia}}.\n"
    _, problems = load(tmp_path, {"modules/m.md": module(body=body)},
                       contacts=HOTLINE_YML.replace("  phone:", "\tphone:"))
    assert messages(problems) == ["toolkits/contacts.yml:3: line 3 starts with a tab: indent "
                                  "YAML with spaces only (replace the tab with spaces)."]
    assert problems.stops
