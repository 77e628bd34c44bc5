"""Case studies with model answers, and trainer notes, as the loader reads them."""
from elearning.domain.reports import cases_without_model_answer
from tests.domain.test_modules import about, load, messages
from tests.helpers import module

CASE = """
/// case | The café
"Leyla" is 16.

**Questions to discuss**

/// answer
Call the hotline first, because she is a child.
///
///

/// trainer
Give groups ten minutes.
///
"""
AZ = """---
title: Modul
objectives: [Bir şey]
---
/// case | Kafe
"Leyla" 16 yaşındadır.

/// answer
Əvvəlcə qaynar xəttə zəng edin.
///
///

/// trainer
Qruplara on dəqiqə verin.
///
"""


def test_a_case_knows_its_model_answer_and_a_module_its_trainer_notes(tmp_path):
    curriculum, problems = load(tmp_path, {"modules/m.md": module(body=CASE),
                                           "modules/m.az.md": AZ})
    assert not problems, messages(problems)
    text = curriculum.modules["m"].text("en")
    [case] = text.cases
    assert (case.title, case.line) == ("The café", 10)
    assert case.model_answer.text == "Call the hotline first, because she is a child."
    assert case.model_answer.line == 15
    assert "Questions to discuss" in case.text and "hotline" not in case.text
    [note] = text.trainer_notes
    assert (note.text, note.line) == ("Give groups ten minutes.", 20)
    az = curriculum.modules["m"].text("az")
    assert az.cases[0].model_answer.text == "Əvvəlcə qaynar xəttə zəng edin."
    assert az.trainer_notes[0].text == "Qruplara on dəqiqə verin."
    assert cases_without_model_answer(curriculum) == []


def test_a_case_without_model_answer_is_a_warning_naming_file_and_line(tmp_path):
    body = "\n/// case | The café\n\"Leyla\" is 16.\n///\n"
    curriculum, problems = load(tmp_path, {"modules/m.md": module(body=body)})
    assert not problems, messages(problems)  # not an error: the module is built
    [warning] = cases_without_model_answer(curriculum)
    assert str(warning).startswith("curriculum/modules/m.md:10: the case study 'The café' "
                                   "has no model answer: add a '/// answer' block")


def test_an_answer_outside_a_case_and_a_second_answer_are_errors(tmp_path):
    body = ("\n/// answer\nLoose.\n///\n\n/// case | C\nStory.\n\n/// answer\nOne.\n///\n\n"
            "/// answer\nTwo.\n///\n///\n")
    _, problems = load(tmp_path, {"modules/m.md": module(body=body)})
    found = messages(about(problems, "m.md"))
    assert "curriculum/modules/m.md:10: a model answer ('/// answer') belongs inside a case " \
           "study: put it before the '///' that closes the '/// case' block." in found
    assert any(m.startswith("curriculum/modules/m.md:21: this case study already has a model "
                            "answer (line 17)") for m in found)


def test_a_translation_carries_the_same_model_answers_and_trainer_notes(tmp_path):
    without = AZ.replace("/// answer\nƏvvəlcə qaynar xəttə zəng edin.\n///\n", "")
    without = without.replace("/// trainer\nQruplara on dəqiqə verin.\n///\n", "")
    _, problems = load(tmp_path, {"modules/m.md": module(body=CASE),
                                  "modules/m.az.md": without})
    found = messages(about(problems, "m.az.md"))
    assert "curriculum/modules/m.az.md:5: this case study has no model answer, but the " \
           "English one has (m.md:15): translate its '/// answer' block." in found
    assert "curriculum/modules/m.az.md: this translation has 0 trainer note(s), the English " \
           "file m.md has 1: translate every '/// trainer' block, in the same order." in found


def test_a_translation_missing_a_case_is_reported(tmp_path):
    az = "---\ntitle: Modul\nobjectives: [Bir şey]\n---\nMətn.\n/// trainer\nQeyd.\n///\n"
    _, problems = load(tmp_path, {"modules/m.md": module(body=CASE), "modules/m.az.md": az})
    [problem] = about(problems, "m.az.md")
    assert "this translation has 0 case studies, the English file m.md has 1" in problem.message
