/*
 * A course's pre-test or final test. Each attempt shows the questions of each module and
 * the options of each question in a new random order; answers are checked together at the
 * end against the page's salted checks (the page does not say which options are right:
 * hooks/elearning/domain/answer_keys.py). The result, kept on the device and downloadable,
 * records the options by their written number (format: docs/test-results.md, version 2).
 * Pre-test: scores per module and overall, modules to focus on, no right answers.
 * Final test: each question marked, right answers with feedback, before/after per module.
 */
(function () {
  "use strict"
  var CTE = window.CTE

  /* cyrb53 (public domain): the same hash as answer_keys.cyrb53 in the build. */
  function cyrb53(text) {
    var h1 = 0xdeadbeef
    var h2 = 0x41c6ce57
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return 4294967296 * (2097151 & h2) + (h1 >>> 0)
  }

  function decode(encoded, key) {
    var raw = window.atob(encoded)
    var bytes = new Uint8Array(raw.length)
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ key.charCodeAt(i % key.length)
    return new TextDecoder("utf-8").decode(bytes)
  }

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

  function score(correct, total) {
    return { correct: correct, total: total, percent: total ? Math.round(100 * correct / total) : 0 }
  }

  function evaluate(form, course, kind, started) {
    var questions = []
    var modules = []
    form.querySelectorAll(".course-test__module").forEach(function (section) {
      var right = 0
      var fieldsets = section.querySelectorAll(".course-test__question")
      fieldsets.forEach(function (fieldset) {
        var chosen = toArray(fieldset.querySelectorAll("input:checked"))
          .map(function (input) { return Number(input.value) })
          .sort(function (a, b) { return a - b })
        var check = cyrb53(fieldset.dataset.salt + ":" + fieldset.dataset.quiz + ":" + chosen.join(","))
        var correct = check.toString(16) === fieldset.dataset.check
        if (correct) right += 1
        questions.push({ id: fieldset.dataset.quiz, module: section.dataset.module,
                         chosen: chosen, correct: correct,
                         options: fieldset.querySelectorAll(".quiz__choice").length })
      })
      var result = score(right, fieldsets.length)
      result.module = section.dataset.module
      modules.push(result)
    })
    var total = score(questions.filter(function (q) { return q.correct }).length, questions.length)
    var submitted = new Date().toISOString()
    return {
      format: "ct-elearning-test-result", version: 2, kind: kind,
      learner: CTE.learnerCode, course: course.course, language: course.language,
      content_version: course.contentVersion || "", started: started, date: submitted,
      questions: questions, modules: modules, score: total
    }
  }

  function title(course, slug) {
    var module = course.modules.filter(function (m) { return m.slug === slug })[0]
    return module ? module.title : slug
  }

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }

  function bar(percent, kind) {
    var cell = element("td", "test-chart__cell")
    var track = element("span", "test-chart__track")
    var fill = element("span", "test-chart__bar test-chart__bar--" + kind)
    fill.style.width = percent + "%"
    track.appendChild(fill)
    cell.appendChild(track)
    cell.appendChild(element("span", "test-chart__value", percent + "%"))
    return cell
  }

  /* Pre-test and final test side by side per module: a table drawn as a bar chart. */
  function comparison(course, pre, final) {
    var table = element("table", "test-chart")
    table.appendChild(element("caption", null, CTE.text("test_compare")))
    var head = table.createTHead().insertRow()
    ;["module", "pre", "final"].forEach(function (key) {
      var th = element("th", null, CTE.text(key))
      th.scope = "col"
      head.appendChild(th)
    })
    var body = table.createTBody()
    final.modules.forEach(function (result) {
      var before = pre.modules.filter(function (m) { return m.module === result.module })[0]
      var row = body.insertRow()
      var th = element("th", null, title(course, result.module))
      th.scope = "row"
      row.appendChild(th)
      row.appendChild(before ? bar(before.percent, "pre") : element("td", null, "–"))
      row.appendChild(bar(result.percent, "final"))
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
      holder.innerHTML = decode(keys[question.id], fieldset.dataset.salt)  // the build's own HTML
      fieldset.querySelectorAll(".quiz__choice").forEach(function (choice) {
        var number = choice.dataset.option
        var feedback = holder.querySelector('.quiz__feedback[data-option="' + number + '"]')
        var right = feedback && feedback.dataset.right === "true"
        var chosen = choice.querySelector("input").checked
        choice.classList.toggle("quiz__choice--right", Boolean(right))
        choice.classList.toggle("quiz__choice--wrong", chosen && !right)
        var label = choice.querySelector("label")
        if (right) label.appendChild(element("span", "course-test__tag", " " + CTE.text("test_right_answer")))
        if (chosen) label.appendChild(element("span", "course-test__tag course-test__tag--chosen", " " + CTE.text("test_your_answer")))
        if (feedback && (right || chosen) && feedback.textContent.trim()) choice.appendChild(feedback)
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
        { title: title(course, m.module), correct: m.correct, total: m.total, percent: m.percent })))
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
          var link = element("a", null, title(course, m.module))
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
        return !f.querySelector("input:checked")
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
