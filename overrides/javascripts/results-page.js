/*
 * The trainer's results page: opens any number of result files (picker or drop), checks
 * each one, and shows the group's statistics (results-stats.js) as tables drawn as bar
 * charts, with CSV exports and an A4 print. Nothing leaves the browser.
 */
(function () {
  "use strict"
  var R = window.CTEResults
  var Q = window.CTEQuestions  // questions.js: elements, modules, strings, downloads
  var element = Q.element
  var CHUNK = 40  // files read between two paints: 500 files never freeze the page

  document.addEventListener("DOMContentLoaded", function () {
    var dataBlock = document.querySelector("script.results-data")
    if (!dataBlock) return
    var site = JSON.parse(dataBlock.textContent)
    var strings = site.strings
    var input = document.querySelector(".results-load__files")
    var status = document.querySelector(".results-load__status")
    var tools = document.querySelector(".results-tools")
    var courseSelect = document.querySelector(".results-tools__course")
    var languageSelect = document.querySelector(".results-tools__language")
    var reportBox = document.querySelector(".results-report")
    var rejectedBox = document.querySelector(".results-rejected")
    var collector = new R.Collector(site.courses)
    var report = []
    var texts = {}
    var bank = {}
    Object.keys(site.courses).forEach(function (id) {
      site.courses[id].modules.forEach(function (m) {
        m.questions.forEach(function (q) { texts[q.id] = q.text; bank[q.id] = q })
      })
    })

    function t(key, values) { return Q.fill(strings[key] || key, values) }
    function percent(value) { return value === null ? "–" : R.format(value) }
    function moduleTitle(courseId, slug) { return Q.moduleTitle(site.courses[courseId], slug) }

    /* Reads the files in chunks, yielding to the browser between them. */
    function load(files) {
      files = Array.prototype.slice.call(files)
      var done = 0
      function next() {
        var chunk = files.slice(done, done + CHUNK)
        if (!chunk.length) return finish()
        return Promise.all(chunk.map(function (file) {
          if (file.size > Q.MAX_FILE) return Promise.resolve([file, "", file.size])
          return file.text().then(function (text) { return [file, text, file.size] },
                                  function () { return [file, "", 0] })
        })).then(function (read) {
          read.forEach(function (item) { collector.add(item[0].name, item[1], item[2]) })
          done += chunk.length
          status.textContent = t("reading", { done: done, total: files.length })
          return new Promise(function (resolve) { setTimeout(resolve, 0) }).then(next)
        })
      }
      status.textContent = t("reading", { done: 0, total: files.length })
      return next()
    }

    function finish() {
      status.textContent = t("loaded", { used: collector.results.length, duplicates: collector.duplicates,
                                         rejected: collector.rejected.length })
      var list = rejectedBox.querySelector("ul")
      list.textContent = ""
      collector.rejected.forEach(function (r) {
        list.appendChild(element("li", null, r.name + ": " + t("reason_" + r.reason)))
      })
      rejectedBox.hidden = !collector.rejected.length
      var courses = Object.keys(site.courses).filter(function (id) {
        return collector.results.some(function (e) { return e.data.course === id })
      })
      var chosen = courseSelect.value
      courseSelect.textContent = ""
      courses.forEach(function (id) {
        var option = element("option", null, site.courses[id].title)
        option.value = id
        courseSelect.appendChild(option)
      })
      if (courses.indexOf(chosen) !== -1) courseSelect.value = chosen
      tools.hidden = !courses.length
      show()
      document.dispatchEvent(new CustomEvent("cte:results"))
    }

    function selected() {
      var only = {}
      if (courseSelect.value) only[courseSelect.value] = site.courses[courseSelect.value]
      return only
    }

    function show() {
      reportBox.textContent = ""
      if (!courseSelect.value) return
      report = R.aggregate(collector.results, selected(), languageSelect.value)
      if (!report.length) {
        reportBox.appendChild(element("p", null, t("nothing")))
        return
      }
      report.forEach(function (course) { reportBox.appendChild(courseReport(course)) })
    }

    function table(caption, headings, className) { return Q.table(caption, headings, "results-table " + className) }
    var rowHeader = Q.rowHeader

    /* A number with its bar, `value` out of `max`. */
    function barCell(row, value, max, kind, label) {
      return Q.bar(row.insertCell(), value === null || !max ? 0 : Math.max(0, 100 * value / max), kind, label)
    }

    function courseReport(course) {
      var section = element("section", "results-course")
      section.dataset.course = course.id
      section.appendChild(element("h2", null, site.courses[course.id].title))

      var summary = table(t("summary"), [t("figure"), t("value")], "results-summary")
      ;[["learners", course.nLearners], ["with_pre", course.nPre], ["with_final", course.nFinal],
        ["paired", course.nPaired], ["mean_pre", percent(course.meanPre) + " %"],
        ["mean_final", percent(course.meanFinal) + " %"], ["mean_gain", percent(course.meanGain)],
        ["normalised_gain", course.normalisedGain === null ? "–" : R.format(course.normalisedGain * 100) + " %"],
        ["improved", percent(course.improved) + " %"]].forEach(function (item) {
        var row = summary.tBodies[0].insertRow()
        row.dataset.figure = item[0]
        rowHeader(row, t(item[0]))
        row.insertCell().textContent = item[1]
      })
      section.appendChild(summary)

      var most = Math.max.apply(null, course.distribution.pre.concat(course.distribution.final, [1]))
      var spread = table(t("distribution"), [t("band"), t("pre"), t("final")], "results-distribution")
      for (var i = 0; i < R.BINS; i++) {
        var row = spread.tBodies[0].insertRow()
        var low = i * 100 / R.BINS
        rowHeader(row, low + "–" + (i === R.BINS - 1 ? 100 : low + 100 / R.BINS - 1) + " %")
        barCell(row, course.distribution.pre[i], most, "pre", String(course.distribution.pre[i]))
        barCell(row, course.distribution.final[i], most, "final", String(course.distribution.final[i]))
      }
      section.appendChild(spread)

      var modules = table(t("modules"), [t("module"), t("pre"), t("final")], "results-modules")
      course.modules.forEach(function (m) {
        var row = modules.tBodies[0].insertRow()
        row.dataset.module = m.module
        rowHeader(row, moduleTitle(course.id, m.module))
        barCell(row, m.pre, 100, "pre", percent(m.pre) + " (n " + m.nPre + ")")
        barCell(row, m.final, 100, "final", percent(m.final) + " (n " + m.nFinal + ")")
      })
      section.appendChild(modules)

      var questions = table(t("questions"), [t("question"), t("module"), t("right_before"), t("right_after"),
                                             t("check")], "results-questions")
      course.questions.forEach(function (q) {
        var row = questions.tBodies[0].insertRow()
        row.dataset.question = q.id
        var head = rowHeader(row, texts[q.id] || q.id)
        if (!texts[q.id]) head.appendChild(element("span", "results-unknown", " " + t("unknown_question")))
        head.appendChild(optionCounts(q))
        row.insertCell().textContent = moduleTitle(course.id, q.module)
        row.insertCell().textContent = percent(q.pre) + " (n " + q.nPre + ")"
        row.insertCell().textContent = percent(q.final) + " (n " + q.nFinal + ")"
        var flags = row.insertCell()
        q.flags.forEach(function (flag) {
          flags.appendChild(element("p", "results-flag results-flag--" + flag, t("flag_" + flag)))
        })
      })
      // On a phone the question table scrolls sideways (a focusable, named region).
      var scroll = element("div", "results-scroll")
      scroll.tabIndex = 0
      scroll.setAttribute("role", "region")
      scroll.setAttribute("aria-label", t("questions"))
      scroll.appendChild(questions)
      section.appendChild(scroll)
      return section
    }

    /* Which options attract people: counts before / after; the right ones as the results
       show them (the options chosen by those who answered right). */
    function optionCounts(q) {
      var details = element("details", "results-options")
      details.appendChild(element("summary", null, t("options")))
      var list = element("ol", "results-options__list")
      var known = bank[q.id]
      for (var n = 1; n <= Math.max(q.options, known ? known.options.length : 0); n++) {
        var item = element("li")
        item.dataset.option = n
        var label = known && known.options[n - 1] ? known.options[n - 1] : "#" + n
        item.textContent = label + ": " + (q.preCounts[n] || 0) + " / " + (q.finalCounts[n] || 0)
        list.appendChild(item)
      }
      details.appendChild(list)
      return details
    }

    function save(name, text) { Q.download(name, text, "text/csv;charset=utf-8") }

    input.addEventListener("change", function () {
      if (input.files.length) load(input.files).then(function () { input.value = "" })
    })
    // A whole batch dropped anywhere on the page.
    document.addEventListener("dragover", function (event) { event.preventDefault() })
    document.addEventListener("drop", function (event) {
      event.preventDefault()
      if (event.dataTransfer && event.dataTransfer.files.length) load(event.dataTransfer.files)
    })
    courseSelect.addEventListener("change", show)
    languageSelect.addEventListener("change", show)
    document.querySelector(".results-tools__items").addEventListener("click", function () {
      save("items.csv", R.itemsCsv(report, languageSelect.value, texts))
    })
    document.querySelector(".results-tools__learners").addEventListener("click", function () {
      save("learners.csv", R.learnersCsv(report))
    })
    document.querySelector(".results-tools__print").addEventListener("click", function () {
      reportBox.querySelectorAll("details").forEach(function (d) { d.open = true })
      window.print()
    })
    window.CTEResultsPage = { load: load }  // for tests and the benchmark: File objects in
  })
})()
