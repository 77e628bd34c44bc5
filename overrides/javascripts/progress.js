/*
 * Learner progress, kept in this browser only (localStorage), for every course at once.
 * Plain script (no modules: ES modules do not load from file://), exposes window.CTE;
 * needs questions.js loaded before it.
 *
 * Stored under one key, versioned (docs/test-results.md, "Progress file"):
 *   { format: "ct-elearning-progress", version: 2,
 *     learner:   "K7M-4QX" (this device's pseudonymous learner code),
 *     answered:  { <item id>: <ISO date first done> }  (questions answered correctly, and
 *                 any other item a module counts, such as an exercise),
 *     completed: { <course>: { <module>: <ISO date marked complete> } },
 *     tests:     { <course>: { pre: <result>, final: <last result>, best: <best final> } },
 *     name: <the learner's name for the certificate, if given> }
 * Version 1 (no learner code, no best final) is migrated when read. Item ids are stable
 * across rebuilds, so progress survives a new version of the site.
 *
 * For other scripts (small API; the storage format stays private to this file):
 *   CTE.markDone(id)            record an item as done (counts for every module listing
 *                               the id in its course data "quizzes" or "decisions");
 *                               true if saved (also named completeItem, answeredCorrectly)
 *   CTE.isDone(id)              whether it is done
 *   CTE.moduleState(course, m)  { complete, marked, answered, total, started }
 *   CTE.snapshot()              a copy of everything kept (e.g. for a SCORM bridge)
 *   CTE.reread()                reads the stored progress again (another page changed it)
 *   CTE.learnerCode, CTE.setLearnerCode(text) -> true | false (not a valid code),
 *   CTE.newLearnerCode()        a new random code (not kept)
 *   CTE.saving, CTE.problem     whether this device saves; why not ("blocked", "full",
 *                               "unreadable", "newer")
 * Events: "cte:progress" on document after anything changed.
 * If storage is blocked, full, unreadable or written by a newer site, everything works for
 * this visit, a notice says that nothing is saved, and nothing claims to have saved.
 */
(function () {
  "use strict"
  var Q = window.CTEQuestions  // questions.js: the rules shared with the other scripts
  var KEY = "ct-elearning-progress"
  var FORMAT = "ct-elearning-progress"
  var VERSION = 2
  var MAX_FILE = Q.MAX_FILE
  // No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or from a whiteboard stays unambiguous.
  var CODE_CHARS = "ACDEFGHJKMNPQRTUVWXY34679"
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
  var saving = true
  var problem = null

  function newCode() {
    var values = new Uint32Array(6)
    window.crypto.getRandomValues(values)
    var code = ""
    for (var i = 0; i < 6; i++) code += CODE_CHARS[values[i] % CODE_CHARS.length]
    return code.slice(0, 3) + "-" + code.slice(3)
  }

  function normaliseCode(text) {
    var plain = String(text || "").toUpperCase().replace(/[\s-]/g, "")
    if (plain.length !== 6) return null
    for (var i = 0; i < 6; i++) if (CODE_CHARS.indexOf(plain[i]) === -1) return null
    return plain.slice(0, 3) + "-" + plain.slice(3)
  }

  function empty() {
    return { format: FORMAT, version: VERSION, learner: newCode(), answered: {}, completed: {},
             tests: {} }
  }

  /* ---- validation, field by field (stored records and imported files alike) ---- */

  // A test result is checked by the rule the trainer's page uses too (questions.js).
  var isObject = Q.isObject
  var isDate = Q.isDate
  function isShortText(value, length) {
    return typeof value === "string" && value.length <= (length || 200)
  }

  /* The problems of a progress record, as 'field: what is wrong' (empty: valid). Courses
     must be this site's (when the page knows them). */
  function check(data, courses) {
    var errors = []
    if (!isObject(data) || data.format !== FORMAT) return [text("import_not_progress")]
    if (data.version !== 1 && data.version !== VERSION) {
      return [typeof data.version === "number" && data.version > VERSION
        ? text("import_newer") : "version"]
    }
    if (data.learner !== undefined && normaliseCode(data.learner) === null) errors.push("learner")
    if (data.name !== undefined && !isShortText(data.name)) errors.push("name")
    if (!isObject(data.answered) || Object.keys(data.answered).length > 10000) errors.push("answered")
    else Object.keys(data.answered).forEach(function (id) {
      if (!ID.test(id) || id.length > 100 || !isDate(data.answered[id])) errors.push("answered." + id)
    })
    ;["completed", "tests"].forEach(function (field) {
      if (!isObject(data[field]) || Object.keys(data[field]).length > 100) return errors.push(field)
      Object.keys(data[field]).forEach(function (course) {
        var where = field + "." + course
        if (courses && courses.indexOf(course) === -1) return errors.push(where + ": " + text("import_unknown_course"))
        var entry = data[field][course]
        if (!isObject(entry) || Object.keys(entry).length > 500) return errors.push(where)
        Object.keys(entry).forEach(function (key) {
          if (field === "completed") {
            if (!ID.test(key) || !isDate(entry[key])) errors.push(where + "." + key)
          } else if (["pre", "final", "best"].indexOf(key) === -1) errors.push(where + "." + key)
          else errors.push.apply(errors, Q.resultProblems(entry[key], where + "." + key))
        })
      })
    })
    return errors
  }

  /* Version 1 -> 2: a learner code, and the best final result (v1 kept only the last). */
  function migrate(data) {
    if (data.version === VERSION) return data
    data.version = VERSION
    data.learner = newCode()
    Object.keys(data.tests).forEach(function (course) {
      var tests = data.tests[course]
      if (tests.final) tests.best = tests.final
    })
    return data
  }

  /* ---- storage ---- */

  function read() {
    var stored
    try {
      stored = window.localStorage.getItem(KEY)
    } catch (error) {
      return fail("blocked")
    }
    if (stored === null) {
      // Kept at once: the learner code must be the same on every page of the visit.
      progress = empty()
      save()
      return progress
    }
    var data
    try { data = JSON.parse(stored) } catch (error) { return fail("unreadable") }
    if (isObject(data) && data.format === FORMAT && typeof data.version === "number" &&
        data.version > VERSION) return fail("newer")
    if (check(data, null).length) return fail("unreadable")
    var migrated = data.version !== VERSION
    data = migrate(data)
    progress = data
    if (migrated) save()
    return data
  }

  function fail(reason) {
    stopSaving(reason)
    return empty()
  }

  var progress = null
  progress = read()

  /* Writes everything; false (and a notice) when the device did not keep it. */
  function save() {
    if (!saving) return false
    try {
      window.localStorage.setItem(KEY, JSON.stringify(progress))
      return true
    } catch (error) {
      stopSaving("full")
      return false
    }
  }

  function stopSaving(reason) {
    saving = false
    problem = reason
    var show = function () {
      document.querySelectorAll(".storage-notice").forEach(function (notice) {
        notice.textContent = text(reason === "newer" ? "storage_newer"
          : reason === "unreadable" ? "storage_unreadable" : "storage_off")
        notice.hidden = false
      })
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show)
    else show()
  }

  var strings = null
  function text(key, values) {
    // `!strings`: a storage notice may be shown while this file is still running (deferred
    // scripts run after the page is parsed), before the line above has set it.
    if (!strings) {
      var element = document.getElementById("elearning-interface")
      try { strings = element ? JSON.parse(element.textContent) : {} } catch (e) { strings = {} }
    }
    return Q.fill(strings[key] || key, values)
  }

  function course() {
    var element = document.querySelector("script.course-data")
    if (!element) return null
    try { return JSON.parse(element.textContent) } catch (e) { return null }
  }

  function now() { return new Date().toISOString() }

  /* A module is complete in a course when each of its items (questions shown in that
     course, exercises) has been done once, or when the learner marked it complete there. */
  function moduleState(courseData, module) {
    var marked = (progress.completed[courseData.course] || {})[module.slug]
    var items = module.quizzes.concat(module.decisions || [])  // exercises count as questions
    var answered = items.filter(function (id) { return progress.answered[id] })
    var done = marked || (items.length > 0 && answered.length === items.length)
    return {
      complete: Boolean(done), marked: Boolean(marked),
      answered: answered.length, total: items.length,
      started: Boolean(done) || answered.length > 0
    }
  }

  function download(filename, data) {
    Q.download(filename, JSON.stringify(data, null, 2), "application/json")
  }

  function markDone(id) {
    if (progress.answered[id]) return true
    progress.answered[id] = now()
    return save()
  }

  function earlier(a, b) { return !a ? b : !b ? a : (Date.parse(a) <= Date.parse(b) ? a : b) }
  function later(a, b) { return !a ? b : !b ? a : (Date.parse(a.date) >= Date.parse(b.date) ? a : b) }
  function better(a, b) {
    if (!a || !b) return a || b
    if (a.score.percent !== b.score.percent) return a.score.percent > b.score.percent ? a : b
    return later(a, b)
  }

  /* Merge: per item and module the earlier date (done is done); per test the later
     result, and the better final for the certificate. */
  function merged(mine, theirs) {
    var result = JSON.parse(JSON.stringify(mine))
    Object.keys(theirs.answered).forEach(function (id) {
      result.answered[id] = earlier(result.answered[id], theirs.answered[id])
    })
    Object.keys(theirs.completed).forEach(function (courseId) {
      var into = result.completed[courseId] = result.completed[courseId] || {}
      Object.keys(theirs.completed[courseId]).forEach(function (slug) {
        into[slug] = earlier(into[slug], theirs.completed[courseId][slug])
      })
    })
    Object.keys(theirs.tests).forEach(function (courseId) {
      var into = result.tests[courseId] = result.tests[courseId] || {}
      var other = theirs.tests[courseId]
      into.pre = later(into.pre, other.pre)
      into.final = later(into.final, other.final)
      into.best = better(better(into.best, other.best), better(into.final, other.final))
      Object.keys(into).forEach(function (k) { if (!into[k]) delete into[k] })
    })
    if (!result.name && theirs.name) result.name = theirs.name
    // The file's learner code where this device has no test result of its own yet.
    var hasTests = Object.keys(mine.tests).some(function (c) { return Object.keys(mine.tests[c]).length })
    if (!hasTests && theirs.learner) result.learner = theirs.learner
    return result
  }

  function counts(data) {
    var modules = 0
    var tests = 0
    Object.keys(data.completed).forEach(function (c) { modules += Object.keys(data.completed[c]).length })
    Object.keys(data.tests).forEach(function (c) { tests += ["pre", "final"].filter(function (k) { return data.tests[c][k] }).length })
    return { questions: Object.keys(data.answered).length, modules: modules, tests: tests }
  }

  /* Checks a progress file's text; { data } or { errors } (nothing is written here). */
  function readFile(content, size) {
    if (size > MAX_FILE) return { errors: [text("import_too_large", { size: Math.round(size / 1024) })] }
    var data
    try { data = JSON.parse(content) } catch (e) { return { errors: [text("import_not_json")] } }
    var known = (course() || {}).courses || null
    var errors = check(data, known)
    if (errors.length) return { errors: errors }
    return { data: migrate(JSON.parse(JSON.stringify(data))) }
  }

  /* Applies a checked file: "merge" or "replace". False when the device did not keep it
     (then nothing changed). */
  function apply(data, mode) {
    var before = progress
    progress = mode === "replace" ? data : merged(progress, data)
    if (!progress.learner) progress.learner = before.learner
    if (!save()) { progress = before; return false }
    document.dispatchEvent(new CustomEvent("cte:progress"))
    return true
  }

  window.CTE = {
    text: text,
    course: course,
    moduleState: moduleState,
    download: download,
    normaliseCode: normaliseCode,
    newLearnerCode: newCode,  // a new random code (e.g. for a SCORM package's fresh start)
    codeCharacters: CODE_CHARS,
    maxFileSize: MAX_FILE,
    get saving() { return saving },
    get problem() { return problem },
    markDone: markDone,
    isDone: function (id) { return Boolean(progress.answered[id]) },
    answeredCorrectly: markDone,  // earlier names of markDone
    completeItem: markDone,  // a decision exercise brought to a good end
    markComplete: function (courseId, slug) {
      progress.completed[courseId] = progress.completed[courseId] || {}
      progress.completed[courseId][slug] = now()
      return save()
    },
    /* kind: "pre", "final" (the last one) or "best" (the best final, for the certificate) */
    testResult: function (courseId, kind) {
      return (progress.tests[courseId] || {})[kind] || null
    },
    saveTestResult: function (courseId, kind, result) {
      var tests = progress.tests[courseId] = progress.tests[courseId] || {}
      tests[kind] = result
      if (kind === "final") tests.best = better(tests.best, result)
      return save()
    },
    get learnerCode() { return progress.learner },
    setLearnerCode: function (value) {
      var code = normaliseCode(value)
      if (!code) return false
      progress.learner = code
      save()
      return true
    },
    get name() { return progress.name || "" },
    set name(value) { progress.name = value; save() },
    snapshot: function () { return JSON.parse(JSON.stringify(progress)) },
    /* Reads the stored progress again: for a page that outlives the pages writing it
       (the SCORM launch page, javascripts/scorm.js, beside the course's frame). */
    reread: function () { progress = read() },
    exportProgress: function () { download("ct-elearning-progress.json", progress) },
    readFile: readFile,
    apply: apply,
    counts: counts,
    /* Removes everything this site keeps on this device; true when it is gone. */
    removeAll: function () {
      try { window.localStorage.removeItem(KEY) } catch (e) { return false }
      var unreadable = problem === "unreadable" || problem === "newer"
      if (unreadable) { saving = true; problem = null }
      progress = empty()
      document.dispatchEvent(new CustomEvent("cte:progress"))
      return true
    }
  }

})()
