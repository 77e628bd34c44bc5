/*
 * Self-check questions: check an answer, see right or wrong, the feedback of each chosen
 * option and the explanation, try again. Correct answers count towards module progress.
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var Q = window.CTEQuestions  // questions.js: whether an answer is right, marking options

  function setUp(quiz) {
    var form = quiz.querySelector(".quiz__form")
    var fieldset = quiz.querySelector("fieldset")
    var result = quiz.querySelector(".quiz__result")
    var answer = quiz.querySelector(".quiz__answer")
    var retry = quiz.querySelector(".quiz__retry")
    var check = quiz.querySelector(".quiz__check")
    var multiple = fieldset.dataset.multiple === "true"
    answer.hidden = true  // with JavaScript the answer appears once the learner has answered

    form.addEventListener("submit", function (event) {
      event.preventDefault()
      var picked = Q.chosen(fieldset)
      if (!picked.length) {
        result.textContent = CTE.text("choose_first")
        result.className = "quiz__result"
        return
      }
      var right = Q.isRight(fieldset)
      fieldset.querySelectorAll(".quiz__choice").forEach(function (choice) {
        var input = choice.querySelector("input")
        Q.markChoice(choice, choice.dataset.correct === "true", input.checked, false)
        input.disabled = true
      })
      result.textContent = CTE.text(right ? "right" : (multiple ? "wrong_multiple" : "wrong"))
      result.className = "quiz__result " + (right ? "quiz__result--right" : "quiz__result--wrong")
      if (right) {
        answer.hidden = false
        answer.open = true
        CTE.answeredCorrectly(fieldset.dataset.quiz)
        document.dispatchEvent(new CustomEvent("cte:progress"))
      }
      check.hidden = true
      retry.hidden = false
      retry.focus()
    })

    retry.addEventListener("click", function () {
      Q.unmark(fieldset)
      result.textContent = ""
      result.className = "quiz__result"
      answer.hidden = true
      answer.open = false
      retry.hidden = true
      check.hidden = false
      fieldset.querySelector("input").focus()
    })
  }

  /* The module's progress box, on a module shown in a course. */
  function showModuleProgress() {
    var box = document.querySelector(".module-progress")
    var course = CTE.course()
    if (!box || !course) return
    var module = Q.module(course, box.dataset.module)
    if (!module) return
    var state = CTE.moduleState(course, module)
    var message = box.querySelector(".module-progress__state")
    var mark = box.querySelector(".module-progress__mark")
    box.hidden = false
    if (state.marked) message.textContent = CTE.text("module_marked")
    else if (state.complete) message.textContent = CTE.text("module_done_questions")
    else message.textContent = CTE.text("module_remaining",
      { left: state.total - state.answered, total: state.total })
    mark.hidden = state.complete
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".quiz").forEach(setUp)
    var mark = document.querySelector(".module-progress__mark")
    if (mark) mark.addEventListener("click", function () {
      var course = CTE.course()
      CTE.markComplete(course.course, document.querySelector(".module-progress").dataset.module)
      showModuleProgress()
    })
    showModuleProgress()
  })
  document.addEventListener("cte:progress", showModuleProgress)
})()
