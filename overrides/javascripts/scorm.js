/*
 * The launch page of a SCORM 1.2 package (launch.html at the package's root, written by
 * hooks/elearning/site/scorm.py): one platform session for a whole visit of one course.
 *
 * - Finds the platform's API object the standard way (this window's parents, up to 7 levels,
 *   then the window that opened it and its parents). None found: the package is opened
 *   outside a platform, and the browser goes to the course's first page, as on the site.
 * - LMSInitialize once, then restores the course's progress from cmi.suspend_data into this
 *   browser's progress store BEFORE the first course page loads; with no suspend data the
 *   course starts clean (on a shared computer, one learner's progress on this device must
 *   not become another learner's on the platform). Other courses' progress is left alone.
 * - Shows the course in a frame, starting where the learner was (cmi.core.lesson_location,
 *   a page inside the package). The pages keep progress as on the site (progress.js); this
 *   page follows them (storage events, frame loads) and reports meaningful changes only:
 *     cmi.core.lesson_status  incomplete while studying; completed once every module is
 *                             complete; passed / failed once the final test is taken (best
 *                             score against the course's pass mark)
 *     cmi.core.score.raw      the best final-test score, 0-100 (min 0, max 100)
 *     cmi.core.lesson_location  the page the learner is on
 *     cmi.suspend_data        the course's progress, compact (SUSPEND below), <= 4096 chars
 * - When the learner leaves: cmi.core.session_time, cmi.core.exit "suspend" (always: the
 *   course stays a reference to come back to, and its certificate; the platform records the
 *   status all the same), LMSCommit, LMSFinish once.
 *
 * suspend_data, version 1 (ids as the course data names them):
 *   { v: 1, c: <course>, l: <learner code>, a: [<items done>], m: [<modules marked complete>],
 *     t: { p|f|b: [percent, correct, total, date, [<percent per course module, or null>]] } }
 *   (t: p pre-test, f last final test, b best final test)
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var Q = window.CTEQuestions  // questions.js: the pass mark, results, dates
  var MAX_SUSPEND = 4096  // SCORM 1.2's limit for cmi.suspend_data
  var SAFE_PAGE = /^[A-Za-z0-9_][A-Za-z0-9._\/-]*\.html(#[A-Za-z0-9_-]*)?$/
  var TESTS = { p: "pre", f: "final", b: "best" }
  var settings = JSON.parse(document.getElementById("scorm-package").textContent)
  var course = CTE.course()
  var frame = document.querySelector(".scorm-launch__frame")
  var root = new URL(".", window.location.href).href  // the package's root folder
  var items = []
  course.modules.forEach(function (module) {
    items = items.concat(module.quizzes, module.decisions || [])
  })

  function lookIn(start) {
    var win = start
    for (var depth = 0; win && depth <= 7; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API
      } catch (error) { /* a frame of another site: no API there, look further up */ }
      if (win.parent === win) break
      win = win.parent
    }
    return null
  }

  var api = lookIn(window) || (window.opener ? lookIn(window.opener) : null)
  if (!api) {
    window.location.replace(settings.start)
    return
  }

  var active = String(api.LMSInitialize("")) === "true"
  var finished = false
  var started = Date.now()
  var sent = {}

  function warn() {
    var notice = document.querySelector(".scorm-launch__notice")
    notice.textContent = CTE.text("not_saved")
    notice.hidden = false
  }

  function get(name) {
    return active ? String(api.LMSGetValue(name) || "") : ""
  }

  /* Sends a value when it changed; true if the platform holds something new. */
  function set(name, value) {
    value = String(value)
    if (!active || sent[name] === value) return false
    if (String(api.LMSSetValue(name, value)) !== "true") {
      warn()
      return false
    }
    sent[name] = value
    return true
  }

  function commit() {
    if (active && String(api.LMSCommit("")) !== "true") warn()
  }

  /* ---- suspend_data: the course's progress, both ways ---- */

  var isDate = Q.isDate
  function isPercent(value) { return typeof value === "number" && value >= 0 && value <= 100 }
  function isCount(value) { return Number.isInteger(value) && value >= 0 && value < 10000 }

  function packTest(result, withModules) {
    var entry = [result.score.percent, result.score.correct, result.score.total, result.date]
    if (withModules) {
      entry.push(course.modules.map(function (module) {
        var found = Q.moduleResult(result, module.slug)
        return found ? found.percent : null
      }))
    }
    return entry
  }

  function encode(withModules) {
    var progress = CTE.snapshot()
    var marked = progress.completed[course.course] || {}
    var tests = progress.tests[course.course] || {}
    var data = {
      v: 1, c: course.course, l: progress.learner,
      a: items.filter(function (id) { return progress.answered[id] }),
      m: course.modules.filter(function (m) { return marked[m.slug] }).map(function (m) { return m.slug }),
      t: {}
    }
    Object.keys(TESTS).forEach(function (key) {
      if (tests[TESTS[key]]) data.t[key] = packTest(tests[TESTS[key]], withModules)
    })
    return JSON.stringify(data)
  }

  function suspendData() {
    var text = encode(true)
    // Per-module scores are only for the pre/final comparison: the first thing to give up.
    return text.length <= MAX_SUSPEND ? text : encode(false)
  }

  function unpackTest(kind, entry, learner) {
    if (!Array.isArray(entry) || !isPercent(entry[0]) || !isCount(entry[1]) ||
        !isCount(entry[2]) || !isDate(entry[3])) return null
    var modules = []
    if (Array.isArray(entry[4])) {
      course.modules.forEach(function (module, index) {
        if (isPercent(entry[4][index])) modules.push({ module: module.slug, percent: entry[4][index] })
      })
    }
    // What the platform keeps of a result: the scores (the answers stay in the browser).
    return {
      format: Q.RESULT, version: Q.RESULT_VERSION, kind: kind === "pre" ? "pre" : "final",
      learner: learner, course: course.course, language: course.language,
      content_version: course.contentVersion || "", started: entry[3], date: entry[3],
      questions: [], modules: modules,
      score: { percent: entry[0], correct: entry[1], total: entry[2] }
    }
  }

  function parse(text) {
    var data
    try { data = JSON.parse(text) } catch (error) { return null }
    if (!data || data.v !== 1 || data.c !== course.course) return null
    return data
  }

  /* This browser's progress of the course becomes the platform's (or a clean start). */
  function restore(saved) {
    var progress = CTE.snapshot()
    var now = new Date().toISOString()
    items.forEach(function (id) { delete progress.answered[id] })
    delete progress.completed[course.course]
    delete progress.tests[course.course]
    progress.learner = (saved && CTE.normaliseCode(saved.l)) || CTE.newLearnerCode()
    if (saved) {
      (Array.isArray(saved.a) ? saved.a : []).forEach(function (id) {
        if (items.indexOf(id) !== -1) progress.answered[id] = now
      })
      var slugs = course.modules.map(function (m) { return m.slug })
      ;(Array.isArray(saved.m) ? saved.m : []).forEach(function (slug) {
        if (slugs.indexOf(slug) === -1) return
        progress.completed[course.course] = progress.completed[course.course] || {}
        progress.completed[course.course][slug] = now
      })
      var tests = {}
      Object.keys(TESTS).forEach(function (key) {
        var result = saved.t && unpackTest(TESTS[key], saved.t[key], progress.learner)
        if (result) tests[TESTS[key]] = result
      })
      if (Object.keys(tests).length) progress.tests[course.course] = tests
    }
    CTE.apply(progress, "replace")
  }

  /* ---- what the platform records ---- */

  function status() {
    var best = Q.countedFinal(course.course)
    if (best) return { status: Q.passed(best, course.passMark) ? "passed" : "failed", score: best.score.percent }
    var all = course.modules.every(function (m) { return CTE.moduleState(course, m).complete })
    return { status: all ? "completed" : "incomplete", score: null }
  }

  function currentPage() {
    try {
      var href = frame.contentWindow.location.href
      if (href.indexOf(root) !== 0) return null
      var page = href.slice(root.length)
      return SAFE_PAGE.test(page) && page.indexOf("..") === -1 ? page : null
    } catch (error) {
      return null  // a page of another site in the frame: the last location stands
    }
  }

  function sync() {
    if (!active || finished) return
    CTE.reread()
    var state = status()
    var changed = set("cmi.core.lesson_status", state.status)
    if (state.score !== null) changed = set("cmi.core.score.raw", state.score) || changed
    var page = currentPage()
    if (page) changed = set("cmi.core.lesson_location", page) || changed
    changed = set("cmi.suspend_data", suspendData()) || changed
    if (changed) commit()
  }

  function timespan(milliseconds) {  // CMITimespan: HHHH:MM:SS.SS
    var hundredths = Math.round(milliseconds / 10)
    var pad = function (n, width) { return String(n).padStart(width, "0") }
    var seconds = Math.floor(hundredths / 100)
    return pad(Math.min(Math.floor(seconds / 3600), 9999), 4) + ":" +
      pad(Math.floor(seconds / 60) % 60, 2) + ":" + pad(seconds % 60, 2) + "." + pad(hundredths % 100, 2)
  }

  function finish() {
    if (!active || finished) return
    sync()
    finished = true
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started))
    api.LMSSetValue("cmi.core.exit", "suspend")
    api.LMSCommit("")
    api.LMSFinish("")
  }

  /* ---- the course in the frame ---- */

  function marked() {  // a packaged page: no language switcher (one language per package)
    try {
      var page = frame.contentDocument
      if (!page || page.documentElement.classList.contains("in-scorm-package")) return
      page.documentElement.classList.add("in-scorm-package")
      // At once, not only when the stylesheet below has loaded (no flash of a switcher
      // whose links lead nowhere); a CSSOM change, which the Content-Security-Policy allows.
      var select = page.querySelector(".md-header__option .md-select")
      if (select) select.closest(".md-header__option").style.display = "none"
      // What the site says of where progress is kept is not true inside a platform,
      // which records the course's status and score: the page says so instead.
      var notes = page.querySelectorAll(".on-site-only, .in-package-only")
      for (var i = 0; i < notes.length; i++) {
        notes[i].hidden = notes[i].classList.contains("on-site-only")
      }
      var link = page.createElement("link")
      link.rel = "stylesheet"
      link.href = root + "stylesheets/scorm.css"
      page.head.appendChild(link)
    } catch (error) { /* another site's page */ }
  }

  var pending = null
  function soon() {  // storage changes come in bursts (an answer, then a module's state)
    window.clearTimeout(pending)
    pending = window.setTimeout(sync, 400)
  }

  var start = settings.start
  if (!active) {
    warn()
  } else {
    var saved = parse(get("cmi.suspend_data"))
    restore(saved)
    var resume = get("cmi.core.lesson_location")
    if (saved && SAFE_PAGE.test(resume) && resume.indexOf("..") === -1 &&
        resume.indexOf(settings.folder) === 0) start = resume
    set("cmi.core.score.min", 0)
    set("cmi.core.score.max", 100)
    sync()
  }

  frame.addEventListener("load", function () {
    marked()
    sync()
  })
  window.addEventListener("storage", soon)
  // pagehide, not beforeunload: it fires only when the page really goes (closing the
  // window, the platform's own navigation), never for a departure that is then cancelled.
  window.addEventListener("pagehide", finish)
  frame.src = start
  frame.hidden = false
  document.querySelector(".scorm-launch__loading").hidden = true
})()
