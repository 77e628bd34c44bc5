/*
 * A course's pre-test or final test: every answer is checked together at the end; the
 * result is a score per module and overall, kept on the device and downloadable as JSON
 * (format: docs/test-results.md, "ct-elearning-test-result" version 1).
 */
(function () {
  "use strict"
  var CTE = window.CTE

  function choices(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(".quiz__choice"))
  }

  function score(correct, total) {
    return { correct: correct, total: total, percent: total ? Math.round(100 * correct / total) : 0 }
  }

  function evaluate(form, course, kind) {
    var questions = []
    var modules = []
    form.querySelectorAll(".course-test__module").forEach(function (section) {
      var right = 0
      var fieldsets = section.querySelectorAll("fieldset")
      fieldsets.forEach(function (fieldset) {
        var chosen = []
        var correct = choices(fieldset).every(function (choice, index) {
          var input = choice.querySelector("input")
          if (input.checked) chosen.push(index + 1)
          return input.checked === (choice.dataset.correct === "true")
        })
        if (correct) right += 1
        questions.push({ id: fieldset.dataset.quiz, module: section.dataset.module,
                         chosen: chosen, correct: correct })
      })
      var result = score(right, fieldsets.length)
      result.module = section.dataset.module
      modules.push(result)
    })
    var total = score(questions.filter(function (q) { return q.correct }).length, questions.length)
    return {
      format: "ct-elearning-test-result", version: 1, kind: kind,
      course: course.course, language: course.language, date: new Date().toISOString(),
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
      row.appendChild(bar(before ? before.percent : 0, "pre"))
      row.appendChild(bar(result.percent, "final"))
    })
    return table
  }

  function showResults(results, course, kind, result) {
    results.textContent = ""
    results.appendChild(element("h2", null, CTE.text("test_results")))
    results.appendChild(element("p", "course-test__score", CTE.text("test_score", result.score)))
    var list = element("ul", "course-test__modules")
    result.modules.forEach(function (m) {
      list.appendChild(element("li", null, title(course, m.module) + ": " + m.correct + "/" + m.total))
    })
    if (kind === "pre") {
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
    } else {
      var pre = CTE.testResult(course.course, "pre")
      results.appendChild(pre ? comparison(course, pre, result) : element("p", null, CTE.text("test_no_pre")))
    }
    results.appendChild(list)

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
      CTE.download("ct-elearning-" + result.course + "-" + kind + "-test.json", file)
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
    var results = document.querySelector(".course-test__results")
    var status = element("p", "course-test__status")
    status.setAttribute("role", "status")
    form.appendChild(status)
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      var left = Array.prototype.filter.call(form.querySelectorAll("fieldset"), function (f) {
        return !f.querySelector("input:checked")
      })
      if (left.length) {
        status.textContent = CTE.text("test_answer_all", { left: left.length })
        left[0].querySelector("input").focus()
        return
      }
      status.textContent = ""
      var result = evaluate(form, course, kind)
      form.querySelectorAll(".quiz__choice").forEach(function (choice) {
        var input = choice.querySelector("input")
        input.disabled = true
        choice.classList.toggle("quiz__choice--right", choice.dataset.correct === "true")
        choice.classList.toggle("quiz__choice--wrong", input.checked && choice.dataset.correct !== "true")
      })
      form.querySelector(".course-test__submit").hidden = true
      CTE.saveTestResult(course.course, kind, result)
      showResults(results, course, kind, result)
    })
  })
})()
