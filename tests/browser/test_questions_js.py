"""questions.js, the rules the browser scripts share, run in a real page (over http and from
file://): one verdict on an answer for a self-check and for a course test, marks in words as
well as colours, scores and the pass mark, and one rule for what a test result must hold on
the learner's device and on the trainer's page."""
import xml.etree.ElementTree as etree

import pytest

from elearning.domain.quizzes import Choice, Quiz
from elearning.markdown.course_test import render_test_question
from elearning.markdown.quiz import render_question
from tests.results_batch import QUESTIONS, START, result

PAGE = "trainers/results.html"  # loads every shared script, and the trainer's statistics


def question(quiz_id, options, right):
    return Quiz(quiz_id, f"Question {quiz_id}?", tuple(
        Choice(f"Option {n}", n in right, f"Feedback {n}.") for n in range(1, options + 1)))


def fieldsets(quiz):
    """The fieldset of the question as a self-check and as a pre-test shows it (the build's
    own rendering): the first marks its right options, the second carries only a check."""
    holder = etree.Element("div")
    render_question(holder, quiz, "en")
    render_test_question(holder, quiz, "en", reveal=False)
    return "".join(etree.tostring(child, encoding="unicode") for child in holder)


VERDICTS = """([html, options]) => {
  const box = document.createElement("div")
  box.innerHTML = html
  document.body.append(box)
  const [check, test] = box.querySelectorAll("fieldset")
  const out = []
  for (let bits = 1; bits < 2 ** options; bits++) {
    for (const fieldset of [check, test])
      fieldset.querySelectorAll("input").forEach(i => { i.checked = Boolean(bits & (1 << (i.value - 1))) })
    out.push([CTEQuestions.chosen(check), CTEQuestions.isRight(check), CTEQuestions.isRight(test),
              CTEQuestions.chosen(test).join(",") === CTEQuestions.chosen(check).join(",")])
  }
  box.remove()
  return out
}"""


@pytest.mark.parametrize("options,right", [
    (4, [3]),          # one answer
    (4, [1, 3]),       # several: a subset or a superset of the right ones is wrong
    (11, [2, 10]),     # "2,10" in number order, as the build's check is made ("10,2" as text)
])
def test_a_self_check_and_a_course_test_judge_every_answer_alike(open_page, tests_root, options, right):
    page, traffic = open_page(tests_root, PAGE)
    quiz = question("q-rule", options, right)
    verdicts = page.evaluate(VERDICTS, [fieldsets(quiz), options])
    assert len(verdicts) == 2 ** options - 1
    for chosen, self_check, course_test, same_reading in verdicts:
        assert chosen == sorted(chosen) and same_reading
        assert self_check is course_test is (chosen == right), chosen
    assert traffic.console == []


MARKS = """([html, picked, reveal]) => {
  const box = document.createElement("div")
  box.innerHTML = html
  document.body.append(box)
  const fieldset = box.querySelector("fieldset")
  const choices = [...fieldset.querySelectorAll(".quiz__choice")]
  choices.forEach(c => { c.querySelector("input").checked = picked.includes(Number(c.querySelector("input").value)) })
  choices.forEach(c => CTEQuestions.markChoice(c, c.dataset.correct === "true", c.querySelector("input").checked, reveal))
  const seen = choices.map(c => [c.className, c.querySelector("label").innerText,
                                 !c.querySelector(".quiz__feedback").hidden])
  CTEQuestions.unmark(fieldset)
  const after = choices.map(c => [c.className, c.querySelector("label").innerText,
                                  c.querySelector(".quiz__feedback").hidden, c.querySelector("input").checked])
  box.remove()
  return [seen, after]
}"""


@pytest.mark.parametrize("reveal", [False, True])
def test_options_are_marked_in_words_as_well_as_colours(open_page, tests_root, reveal):
    page, _ = open_page(tests_root, PAGE)
    html = fieldsets(question("q-marks", 4, [1, 3])).split("</fieldset>")[0] + "</fieldset>"
    seen, after = page.evaluate(MARKS, [html, [1, 2], reveal])
    right, wrong, missed, untouched = seen
    assert right == ["quiz__choice quiz__choice--right", "Option 1 (right answer) (your answer)", True]
    assert wrong == ["quiz__choice quiz__choice--wrong", "Option 2 (your answer)", True]
    # A right option not chosen is shown only where the answers are revealed (final test).
    assert missed == (["quiz__choice quiz__choice--right", "Option 3 (right answer)", True] if reveal
                      else ["quiz__choice", "Option 3", False])
    assert untouched == ["quiz__choice", "Option 4", False]
    assert all(a == ["quiz__choice", f"Option {n}", True, False] for n, a in enumerate(after, 1))


def test_scores_the_pass_mark_and_modules(open_page, tests_root):
    page, _ = open_page(tests_root, PAGE)
    out = page.evaluate("""() => {
      const Q = CTEQuestions
      const course = {modules: [{slug: "alpha", title: "Alpha"}, {slug: "beta", title: "Beta"}]}
      return {score: Q.score(2, 3), none: Q.score(0, 0), share: Q.percent(1, 8), empty: Q.percent(0, 0),
              at: Q.passed({score: {percent: 70}}, 70), below: Q.passed({score: {percent: 69}}, 70),
              missing: Q.passed(null, 70), module: Q.module(course, "beta"), unknown: Q.module(course, "x"),
              title: Q.moduleTitle(course, "alpha"), fallback: Q.moduleTitle(course, "gone"),
              inResult: Q.moduleResult({modules: [{module: "beta", percent: 50}]}, "beta"),
              notInResult: Q.moduleResult({modules: []}, "beta")}
    }""")
    assert out["score"] == {"correct": 2, "total": 3, "percent": 67}
    assert out["none"] == {"correct": 0, "total": 0, "percent": 0}
    assert (out["share"], out["empty"]) == (12.5, None)
    assert (out["at"], out["below"], out["missing"]) == (True, False, False)
    assert out["module"] == {"slug": "beta", "title": "Beta"} and out["unknown"] is None
    assert (out["title"], out["fallback"]) == ("Alpha", "gone")
    assert out["inResult"] == {"module": "beta", "percent": 50} and out["notInResult"] is None


def test_the_best_final_counts_and_a_lower_retake_keeps_it(open_page, tests_root):
    page, _ = open_page(tests_root, PAGE)
    out = page.evaluate("""(result) => {
      const at = (percent, date) => Object.assign({}, result, {date: date,
        score: {correct: 0, total: 5, percent: percent}})
      CTE.saveTestResult("employers", "final", at(80, "2026-11-20T09:00:00.000Z"))
      CTE.saveTestResult("employers", "final", at(60, "2026-11-21T09:00:00.000Z"))
      const counted = CTEQuestions.countedFinal("employers")
      return [counted.score.percent, CTEQuestions.passed(counted, 70),
              CTE.testResult("employers", "final").score.percent, CTEQuestions.countedFinal("municipalities")]
    }""", valid_result())
    assert out == [80, True, 60, None]


def valid_result():
    return result("final", "employers", "K7M-4QX", "en", START,
                  {q: key for q, (_, _, key) in QUESTIONS.items()})


def broken(change):
    data = valid_result()
    change(data)
    return data


# Before the rule was one, each was used on one side and refused on the other.
RESULTS = {
    "valid": valid_result(),
    "score over 100": broken(lambda d: d["score"].update(percent=150)),
    "option number 100": broken(lambda d: d["questions"][0].update(chosen=[100])),
    "long question id": broken(lambda d: d["questions"][0].update(id="x" * 201)),
    "no learner code": broken(lambda d: d.pop("learner")),
    "date as a number": broken(lambda d: d.update(date=20261120)),
    "no total": broken(lambda d: d["score"].pop("total")),
}


def test_a_result_is_used_or_refused_alike_on_the_device_and_on_the_trainers_page(open_page, tests_root):
    page, traffic = open_page(tests_root, PAGE)
    verdicts = page.evaluate("""(results) => {
      const site = JSON.parse(document.querySelector("script.results-data").textContent)
      const out = {}
      for (const [name, result] of Object.entries(results)) {
        const trainer = new CTEResults.Collector(site.courses).add(name + ".json", JSON.stringify(result))
        const progress = {format: "ct-elearning-progress", version: 2, learner: "K7M-4QX", answered: {},
                          completed: {}, tests: {employers: {final: result}}}
        const text = JSON.stringify(progress)
        out[name] = [trainer, CTE.readFile(text, text.length).errors || [], CTEQuestions.resultProblems(result)]
      }
      return out
    }""", RESULTS)
    assert verdicts.pop("valid") == ["used", [], []]
    for name, (trainer, device, problems) in verdicts.items():
        assert trainer == "incomplete", name
        assert device and all(e.startswith("tests.employers.final.") for e in device), name
        assert len(problems) == 1, (name, problems)
    assert traffic.console == []


MODULE = "courses/employers/first-contact.html"


def test_a_self_check_marks_the_chosen_option_in_words_and_try_again_clears_it(open_page, site_root):
    page, traffic = open_page(site_root, MODULE)
    quiz = page.locator(".quiz").first
    wrong = quiz.locator('.quiz__choice[data-correct="false"]').first
    wrong.locator("input").check()
    quiz.locator(".quiz__check").click()
    assert [tag.strip() for tag in wrong.locator(".quiz__tag").all_inner_texts()] == ["(your answer)"]
    assert "quiz__choice--wrong" in wrong.get_attribute("class")
    assert quiz.locator(".quiz__choice--right").count() == 0  # a self-check reveals nothing
    quiz.locator(".quiz__retry").click()
    assert quiz.locator(".quiz__tag").count() == 0
    assert traffic.console == []


@pytest.mark.parametrize("language,chosen", [("az", "(sizin cavabınız)"), ("ru", "(ваш ответ)")])
def test_the_marks_are_in_the_readers_language(open_page, site_root, language, chosen):
    page, _ = open_page(site_root, f"{language}/{MODULE}")
    quiz = page.locator(".quiz").first
    right = quiz.locator('.quiz__choice[data-correct="true"]')
    for index in range(right.count()):
        right.nth(index).locator("input").check()
    quiz.locator(".quiz__check").click()
    assert right.first.locator(".quiz__tag--chosen").inner_text().strip() == chosen
