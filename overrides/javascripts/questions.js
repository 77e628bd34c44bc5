/*
 * The rules the other scripts share, written once (window.CTEQuestions; loaded first, see
 * mkdocs.yml): whether an answer is right, marking options, scores and the pass mark, what a
 * test result must hold, a course's module; and small helpers (elements, strings, files).
 * An answer is the written numbers of the chosen options, ascending ("1,3"); it is right
 * when it is exactly the right options, one or several. A self-check marks its right options
 * (data-correct); a course test carries only a salted check (data-salt, data-check:
 * hooks/elearning/domain/answer_keys.py), never the right options.
 */
(function () {
  "use strict"
  var RESULT = "ct-elearning-test-result"
  var MAX_FILE = 1024 * 1024  // a progress or result file is a few kilobytes; larger is not ours

  function text(key) { return window.CTE ? window.CTE.text(key) : key }

  /* An interface string with its {placeholders} filled from `values`. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return values && name in values ? values[name] : match
    })
  }

  function element(tag, className, content) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (content !== undefined && content !== null) node.textContent = content
    return node
  }

  /* Saves `content` as a file (a link to a blob: works from file:// too). */
  function download(filename, content, type) {
    var link = element("a")
    link.href = URL.createObjectURL(new Blob([content], { type: type }))
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(function () { URL.revokeObjectURL(link.href) }, 1000)
  }

  function numbers(inputs) {
    return Array.prototype.map.call(inputs, function (input) { return Number(input.value) })
      .sort(function (a, b) { return a - b })
  }

  /* The written numbers of the chosen options (the inputs' values), ascending. */
  function chosen(fieldset) { return numbers(fieldset.querySelectorAll("input:checked")) }

  /* cyrb53 (public domain): the same hash as answer_keys.cyrb53 in the build. */
  function cyrb53(value) {
    var h1 = 0xdeadbeef
    var h2 = 0x41c6ce57
    for (var i = 0; i < value.length; i++) {
      var ch = value.charCodeAt(i)
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return 4294967296 * (2097151 & h2) + (h1 >>> 0)
  }

  /* Whether the chosen options are the right answer of the question. */
  function isRight(fieldset) {
    var answer = chosen(fieldset).join(",")
    var data = fieldset.dataset
    if (data.check) return cyrb53(data.salt + ":" + data.quiz + ":" + answer).toString(16) === data.check
    return answer === numbers(fieldset.querySelectorAll('[data-correct="true"] input')).join(",")
  }

  /* A final test's encoded key (answer_keys.encode), once submitted. */
  function decode(encoded, key) {
    var raw = window.atob(encoded)
    var bytes = new Uint8Array(raw.length)
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ key.charCodeAt(i % key.length)
    return new TextDecoder("utf-8").decode(bytes)
  }

  /* One option, once answered: a chosen one is right (green) or wrong (red) and says "(your
     answer)"; a right one shown says "(right answer)": the words tell what the colours
     show. `reveal` (final test) shows every right option. Shown options show their feedback. */
  function markChoice(choice, right, picked, reveal) {
    var shown = right && (picked || reveal)
    choice.classList.toggle("quiz__choice--right", shown)
    choice.classList.toggle("quiz__choice--wrong", picked && !right)
    var label = choice.querySelector("label")
    if (shown) label.append(element("span", "quiz__tag", " " + text("test_right_answer")))
    if (picked) label.append(element("span", "quiz__tag quiz__tag--chosen", " " + text("test_your_answer")))
    var feedback = choice.querySelector(".quiz__feedback")
    if (feedback) feedback.hidden = !(picked || shown)
  }

  /* Every option unmarked, unchosen and open again (a self-check's "try again"). */
  function unmark(fieldset) {
    fieldset.querySelectorAll(".quiz__choice").forEach(function (choice) {
      var input = choice.querySelector("input")
      input.disabled = input.checked = false
      choice.classList.remove("quiz__choice--right", "quiz__choice--wrong")
      choice.querySelectorAll(".quiz__tag").forEach(function (tag) { tag.remove() })
      var feedback = choice.querySelector(".quiz__feedback")
      if (feedback) feedback.hidden = true
    })
  }

  /* A table with its caption and column headings (scope col), an empty body. */
  function table(caption, headings, className) {
    var node = element("table", className)
    node.appendChild(element("caption", null, caption))
    var row = node.createTHead().insertRow()
    headings.forEach(function (heading) { row.appendChild(element("th", null, heading)).scope = "col" })
    node.createTBody()
    return node
  }

  /* A row's heading cell (scope row). */
  function rowHeader(row, content) {
    var th = row.appendChild(element("th", null, content))
    th.scope = "row"
    return th
  }

  /* A number with its bar in a table cell: the table is the chart and its text. */
  function bar(cell, width, kind, label) {
    var fill = element("span", "bar__fill bar__fill--" + kind)
    fill.style.width = width + "%"  // CSSOM, which the Content-Security-Policy allows
    var track = element("span", "bar__track")
    track.append(fill)
    cell.classList.add("bar")
    cell.append(track, element("span", "bar__value", label))
    return cell
  }

  /* A share in percent, unrounded; null when there is nothing to share. */
  function percent(part, whole) { return whole ? 100 * part / whole : null }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value) }
  function isText(value) { return typeof value === "string" && value.length <= 200 }
  function isDate(value) { return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value)) }

  /* What is wrong in a test result (docs/test-results.md) as field names, [] if nothing:
     one rule for the learner's device and the trainer's page. */
  function resultProblems(result, where) {
    var errors = []
    var at = function (field) { errors.push((where ? where + "." : "") + field) }
    if (!isObject(result)) return [(where || "result") + ": " + text("field_not_object")]
    if (result.format !== RESULT) at("format")
    if (["pre", "final"].indexOf(result.kind) === -1) at("kind")
    if (!isDate(result.date)) at("date")
    var s = result.score
    if (!isObject(s) || typeof s.percent !== "number" || s.percent < 0 || s.percent > 100 ||
        typeof s.correct !== "number" || typeof s.total !== "number") at("score")
    if (result.version >= 2 && typeof result.learner !== "string") at("learner")
    if (!Array.isArray(result.questions) || result.questions.length > 1000) at("questions")
    else result.questions.forEach(function (q, i) {
      if (!isObject(q) || !isText(q.id) || !Array.isArray(q.chosen) || typeof q.correct !== "boolean" ||
          !q.chosen.every(function (n) { return Number.isInteger(n) && n > 0 && n < 100 }))
        at("questions[" + i + "]")
    })
    if (!Array.isArray(result.modules) || result.modules.length > 200) at("modules")
    else result.modules.forEach(function (m, i) {
      if (!isObject(m) || !isText(m.module) || typeof m.percent !== "number") at("modules[" + i + "]")
    })
    return errors
  }

  /* A course's module by its slug (course data: { modules: [{ slug, title }] }), or null. */
  function module(course, slug) {
    return ((course && course.modules) || []).filter(function (m) { return m.slug === slug })[0] || null
  }

  /* A test result's score in one module, or null. */
  function moduleResult(result, slug) {
    return ((result && result.modules) || []).filter(function (m) { return m.module === slug })[0] || null
  }

  window.CTEQuestions = {
    RESULT: RESULT, RESULT_VERSION: 2, MAX_FILE: MAX_FILE, fill: fill, element: element,
    download: download, chosen: chosen, cyrb53: cyrb53, isRight: isRight, decode: decode,
    markChoice: markChoice, unmark: unmark, table: table, rowHeader: rowHeader, bar: bar, percent: percent,
    isObject: isObject, isDate: isDate, resultProblems: resultProblems, module: module,
    moduleResult: moduleResult,
    moduleTitle: function (course, slug) { return (module(course, slug) || { title: slug }).title },
    /* Questions right of those asked, with the whole percent a learner sees. */
    score: function (correct, total) {
      return { correct: correct, total: total, percent: Math.round(percent(correct, total) || 0) }
    },
    /* The final test result that counts for a certificate or a platform: the best one (a
       lower retake never takes away what was earned). */
    countedFinal: function (courseId) {
      return window.CTE.testResult(courseId, "best") || window.CTE.testResult(courseId, "final")
    },
    passed: function (result, passMark) { return Boolean(result) && result.score.percent >= passMark },
    /* A date as the page's language writes it. */
    date: function (iso) { return new Date(iso).toLocaleDateString(document.documentElement.lang) }
  }
})()
