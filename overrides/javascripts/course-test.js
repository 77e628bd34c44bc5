/*
 * A course's pre-test or final test. Each attempt shows the questions of each module and
 * the options of each question in a new random order; answers are checked together at the
 * end against the page's salted checks (the page does not say which options are right:
 * hooks/elearning/domain/answer_keys.py; the rule: questions.js). The result, kept on the
 * device and downloadable, records the options by their written number (format:
 * docs/test-results.md, version 2).
 * Pre-test: scores per module and overall, modules to focus on, no right answers.
 * Final test: each question marked, right answers with feedback, before/after per module.
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var Q = window.CTEQuestions  // questions.js: whether an answer is right, marking, scores
  var element = Q.element

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1))
      var swap = items[i]; items[i] = items[j]; items[j] = swap
    }
    return items
  }

  function toArray(list) { return Array.prototype.slice.call(list) }

  /* A new order for this attempt: questions within each module, options within each
     question (the hint and legend stay first). */
  function reorder(form) {
    form.querySelectorAll(".course-test__module").forEach(function (section) {
      var questions = toArray(section.querySelectorAll(".course-test__question"))
      var after = questions[questions.length - 1].nextSibling
      shuffle(questions.slice()).forEach(function (q) { section.insertBefore(q, after) })
    })
    form.querySelectorAll(".course-test__question").forEach(function (fieldset) {
      var choices = toArray(fieldset.querySelectorAll(".quiz__choice"))
      var after = choices[choices.length - 1].nextSibling
      shuffle(choices.slice()).forEach(function (c) { fieldset.insertBefore(c, after) })
    })
  }

  function evaluate(form, course, kind, started) {
    var questions = []
    var modules = []
    form.querySelectorAll(".course-test__module").forEach(function (section) {
      var right = 0
      var fieldsets = section.querySelectorAll(".course-test__question")
      fieldsets.forEach(function (fieldset) {
        var chosen = Q.chosen(fieldset)
        var correct = Q.isRight(fieldset)
        if (correct) right += 1
        questions.push({ id: fieldset.dataset.quiz, module: section.dataset.module,
                         chosen: chosen, correct: correct,
                         options: fieldset.querySelectorAll(".quiz__choice").length })
      })
      var result = Q.score(right, fieldsets.length)
      result.module = section.dataset.module
      modules.push(result)
    })
    var total = Q.score(questions.filter(function (q) { return q.correct }).length, questions.length)
    var submitted = new Date().toISOString()
    return {
      format: Q.RESULT, version: Q.RESULT_VERSION, kind: kind,
      learner: CTE.learnerCode, course: course.course, language: course.language,
      content_version: course.contentVersion || "", started: started, date: submitted,
      questions: questions, modules: modules, score: total
    }
  }

  /* Pre-test and final test side by side per module: a table drawn as a bar chart. */
  function comparison(course, pre, final) {
    var headings = [CTE.text("module"), CTE.text("pre"), CTE.text("final")]
    var table = Q.table(CTE.text("test_compare"), headings, "test-chart")
    final.modules.forEach(function (result) {
      var before = Q.moduleResult(pre, result.module)
      var row = table.tBodies[0].insertRow()
      Q.rowHeader(row, Q.moduleTitle(course, result.module))
      if (before) Q.bar(row.insertCell(), before.percent, "pre", before.percent + "%")
      else row.appendChild(element("td", null, "–"))
      Q.bar(row.insertCell(), result.percent, "final", result.percent + "%")
    })
    return table
  }

  /* Final test: each question marked, the right options and the feedback shown. */
  function reveal(form, result) {
    var data = form.querySelector("script.course-test__key")
    var keys = data ? JSON.parse(data.textContent) : {}
    result.questions.forEach(function (question) {
      var fieldset = form.querySelector('.course-test__question[data-quiz="' + question.id + '"]')
      var mark = element("p", "course-test__mark course-test__mark--" + (question.correct ? "right" : "wrong"),
        CTE.text(question.correct ? "test_mark_right" : "test_mark_wrong"))
      fieldset.insertBefore(mark, fieldset.querySelector(".quiz__hint"))
      fieldset.classList.add(question.correct ? "course-test__question--right" : "course-test__question--wrong")
      if (!keys[question.id]) return
      var holder = element("div")
      holder.innerHTML = Q.decode(keys[question.id], fieldset.dataset.salt)  // the build's own HTML
      fieldset.querySelectorAll(".quiz__choice").forEach(function (choice) {
        var feedback = holder.querySelector('.quiz__feedback[data-option="' + choice.dataset.option + '"]')
        if (feedback && feedback.textContent.trim()) choice.appendChild(feedback)
        Q.markChoice(choice, Boolean(feedback) && feedback.dataset.right === "true",
                     choice.querySelector("input").checked, true)
      })
      var explanation = holder.querySelector(".quiz__explanation")
      if (explanation && explanation.textContent.trim()) fieldset.appendChild(explanation)
    })
  }

  function showResults(results, course, kind, result, saved) {
    results.textContent = ""
    results.appendChild(element("h2", null, CTE.text("test_results")))
    results.appendChild(element("p", "course-test__score", CTE.text("test_score", result.score)))
    if (!saved) results.appendChild(element("p", "course-test__not-saved admonition warning", CTE.text("test_not_saved")))
    var list = element("ul", "course-test__modules")
    result.modules.forEach(function (m) {
      list.appendChild(element("li", null, CTE.text("test_module_score",
        { title: Q.moduleTitle(course, m.module), correct: m.correct, total: m.total, percent: m.percent })))
    })
    if (kind === "pre") {
      results.appendChild(list)
      var weak = result.modules.filter(function (m) { return m.percent < 100 })
        .sort(function (a, b) { return a.percent - b.percent })
      if (weak.length) {
        results.appendChild(element("p", null, CTE.text("test_focus")))
        var focus = element("ol", "course-test__focus")
        weak.forEach(function (m) {
          var item = element("li")
          var link = element("a", null, Q.moduleTitle(course, m.module))
          link.href = m.module + ".html"
          item.appendChild(link)
          item.appendChild(document.createTextNode(" (" + m.percent + "%)"))
          focus.appendChild(item)
        })
        results.appendChild(focus)
      } else {
        results.appendChild(element("p", null, CTE.text("test_all_right")))
      }
      results.appendChild(element("p", "course-test__hidden-answers", CTE.text("test_answers_hidden")))
    } else {
      var pre = CTE.testResult(course.course, "pre")
      if (pre) {
        var gain = result.score.percent - pre.score.percent
        results.appendChild(element("p", "course-test__gain", CTE.text("test_gain",
          { gain: (gain > 0 ? "+" : "") + gain, pre: pre.score.percent, final: result.score.percent })))
        results.appendChild(comparison(course, pre, result))
      } else {
        results.appendChild(element("p", null, CTE.text("test_no_pre")))
        results.appendChild(list)
      }
      results.appendChild(element("p", null, CTE.text("test_answers_below")))
    }
    results.appendChild(element("p", "course-test__learner", CTE.text("test_learner", { code: result.learner })))

    var nameLabel = element("label", "course-test__name-label", CTE.text("test_name"))
    var name = element("input", "course-test__name")
    name.type = "text"
    name.id = "course-test-name"
    name.autocomplete = "name"
    nameLabel.htmlFor = name.id
    results.appendChild(nameLabel)
    results.appendChild(name)
    var save = element("button", "md-button md-button--primary course-test__download", CTE.text("test_download"))
    save.type = "button"
    save.addEventListener("click", function () {
      var file = JSON.parse(JSON.stringify(result))
      if (name.value.trim()) file.name = name.value.trim()  // personal data only if given
      CTE.download("ct-elearning-" + result.course + "-" + kind + "-test-" + result.learner + ".json", file)
    })
    var again = element("button", "md-button course-test__again", CTE.text("test_again"))
    again.type = "button"
    again.addEventListener("click", function () { window.location.reload() })
    var actions = element("p")
    actions.appendChild(save)
    actions.appendChild(document.createTextNode(" "))
    actions.appendChild(again)
    results.appendChild(actions)
    results.hidden = false
    results.focus()
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.course-test")
    var course = CTE.course()
    if (!form || !course) return
    var kind = form.dataset.kind
    var started = new Date().toISOString()
    reorder(form)
    var results = document.querySelector(".course-test__results")
    var status = element("p", "course-test__status")
    status.setAttribute("role", "status")
    form.appendChild(status)
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      var left = toArray(form.querySelectorAll(".course-test__question")).filter(function (f) {
        return !Q.chosen(f).length
      })
      if (left.length) {
        status.textContent = CTE.text("test_answer_all", { left: left.length })
        left[0].querySelector("input").focus()
        return
      }
      status.textContent = ""
      var result = evaluate(form, course, kind, started)
      form.querySelectorAll(".quiz__choice input").forEach(function (input) { input.disabled = true })
      form.querySelector(".course-test__submit").hidden = true
      if (kind === "final") reveal(form, result)
      var saved = CTE.saveTestResult(course.course, kind, result)
      showResults(results, course, kind, result, saved)
    })
  })
})()
