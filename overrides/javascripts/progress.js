/*
 * Learner progress, kept in this browser only (localStorage), for every course at once.
 * Plain script (no modules: ES modules do not load from file://), exposes window.CTE.
 *
 * Stored under one key, versioned so that later sites can read it:
 *   { format: "ct-elearning-progress", version: 1,
 *     answered:  { <question id>: <ISO date first answered correctly> },
 *     completed: { <course>: { <module>: <ISO date marked complete> } },
 *     tests:     { <course>: { pre: <result>, final: <result> } },
 *     name: <the learner's name for the certificate, if given> }
 * Question ids are stable across rebuilds, so progress survives a new version of the site.
 * If storage is blocked, full or holds something unreadable, everything still works for
 * this visit and a notice says that progress is not being saved.
 */
(function () {
  "use strict"
  var KEY = "ct-elearning-progress"
  var FORMAT = "ct-elearning-progress"
  var saving = true

  function empty() {
    return { format: FORMAT, version: 1, answered: {}, completed: {}, tests: {} }
  }

  function isProgress(data) {
    return data && data.format === FORMAT && data.version === 1 &&
      typeof data.answered === "object" && typeof data.completed === "object" &&
      typeof data.tests === "object"
  }

  function read() {
    try {
      var text = window.localStorage.getItem(KEY)
      if (text === null) return empty()
      var data = JSON.parse(text)
      if (isProgress(data)) return data
    } catch (error) { /* blocked or unreadable: fall through */ }
    stopSaving()
    return empty()
  }

  var progress = read()

  function save() {
    if (!saving) return
    try {
      window.localStorage.setItem(KEY, JSON.stringify(progress))
    } catch (error) {
      stopSaving()
    }
  }

  function stopSaving() {
    saving = false
    var show = function () {
      var notice = document.querySelector(".storage-notice")
      if (notice) {
        notice.textContent = text("storage_off")
        notice.hidden = false
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show)
    else show()
  }

  var strings = null
  function text(key, values) {
    if (strings === null) {
      var element = document.getElementById("elearning-interface")
      try { strings = element ? JSON.parse(element.textContent) : {} } catch (e) { strings = {} }
    }
    var template = strings[key] || key
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return values && name in values ? values[name] : match
    })
  }

  function course() {
    var element = document.querySelector("script.course-data")
    if (!element) return null
    try { return JSON.parse(element.textContent) } catch (e) { return null }
  }

  function now() { return new Date().toISOString() }

  /* A module is complete in a course when each of its questions shown in that course
     has been answered correctly once, or when the learner marked it complete there. */
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
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })
    var link = document.createElement("a")
    link.href = URL.createObjectURL(blob)
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(function () { URL.revokeObjectURL(link.href) }, 1000)
  }

  window.CTE = {
    text: text,
    course: course,
    moduleState: moduleState,
    download: download,
    get saving() { return saving },
    answeredCorrectly: function (id) {
      if (!progress.answered[id]) { progress.answered[id] = now(); save() }
    },
    /* A decision exercise brought to a good end: kept like a question answered. */
    completeItem: function (id) {
      if (!progress.answered[id]) { progress.answered[id] = now(); save() }
    },
    markComplete: function (courseId, slug) {
      progress.completed[courseId] = progress.completed[courseId] || {}
      progress.completed[courseId][slug] = now()
      save()
    },
    testResult: function (courseId, kind) {
      return (progress.tests[courseId] || {})[kind] || null
    },
    saveTestResult: function (courseId, kind, result) {
      progress.tests[courseId] = progress.tests[courseId] || {}
      progress.tests[courseId][kind] = result
      save()
    },
    get name() { return progress.name || "" },
    set name(value) { progress.name = value; save() },
    exportProgress: function () {
      download("ct-elearning-progress.json", progress)
    },
    importProgress: function (data) {
      if (!isProgress(data)) return false
      progress = data
      save()
      return true
    }
  }

  /* Download and load of all progress, wherever the page offers it. */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".progress-transfer").forEach(function (box) {
      var status = box.querySelector(".progress-transfer__status")
      box.querySelector(".progress-transfer__export").addEventListener("click", function () {
        window.CTE.exportProgress()
      })
      box.querySelector(".progress-transfer__file").addEventListener("change", function (event) {
        var file = event.target.files[0]
        if (!file) return
        file.text().then(function (content) {
          var loaded = false
          try { loaded = window.CTE.importProgress(JSON.parse(content)) } catch (e) { loaded = false }
          status.textContent = text(loaded ? "import_done" : "import_failed")
          if (loaded) document.dispatchEvent(new CustomEvent("cte:progress"))
        })
      })
    })
  })
})()
