/*
 * The statistics of the trainer's results page, without any page: plain functions over
 * result files (docs/test-results.md, versions 1 and 2), usable in any browser and in the
 * tests (with questions.js before it). window.CTEResults = { Collector, aggregate, itemsCsv, learnersCsv, format }.
 *
 * Rules (documented in docs/test-results.md, "The trainer's results page"):
 * - a file is used once however many copies are opened (same content = duplicate);
 * - a learner is a learner code within a course; a version 1 file (no code) is a learner
 *   of its own, never paired;
 * - per learner, the earliest pre-test and the latest final test count; they pair when the
 *   pre-test was taken before the final test;
 * - normalised gain = (mean final - mean pre) / (100 - mean pre), over paired learners.
 */
(function () {
  "use strict"
  var Q = window.CTEQuestions  // questions.js: what a result must hold, shares in percent
  var BINS = 10

  /* Why a file cannot be used, or null. */
  function problemOf(data, courses) {
    if (!Q.isObject(data) || data.format !== Q.RESULT) return "not_result"
    if (typeof data.version !== "number" || data.version > Q.RESULT_VERSION) return "future_version"
    if (data.version < 1) return "not_result"
    if (typeof data.course !== "string" || !(data.course in courses)) return "unknown_course"
    return Q.resultProblems(data).length ? "incomplete" : null
  }

  /* Files one by one: add(name, text, size) -> "used", "duplicate" or a reason. */
  function Collector(courses) {
    this.courses = courses
    this.results = []
    this.rejected = []
    this.duplicates = 0
    this.seen = {}
  }
  Collector.prototype.add = function (name, text, size) {
    var reason = null
    var data = null
    if ((size || text.length) > Q.MAX_FILE) reason = "too_large"
    else {
      try { data = JSON.parse(text) } catch (e) { reason = "not_json" }
      if (!reason) reason = problemOf(data, this.courses)
    }
    if (reason) {
      this.rejected.push({ name: name, reason: reason })
      return reason
    }
    var key = JSON.stringify(data)
    if (this.seen[key]) { this.duplicates += 1; return "duplicate" }
    this.seen[key] = true
    this.results.push({ name: name, data: data })
    return "used"
  }

  function mean(values) {
    if (!values.length) return null
    return values.reduce(function (a, b) { return a + b }, 0) / values.length
  }
  var share = Q.percent
  function time(result) { return Date.parse(result.date) }

  function learnersOf(results) {
    var learners = {}
    var order = []
    results.forEach(function (entry) {
      var data = entry.data
      var id = data.version >= 2 ? data.learner : entry.name
      var key = data.course + "\n" + (data.version >= 2 ? "code:" : "file:") + id
      if (!learners[key]) {
        learners[key] = { learner: id, coded: data.version >= 2, course: data.course, pres: [], finals: [] }
        order.push(key)
      }
      learners[key][data.kind === "pre" ? "pres" : "finals"].push(data)
    })
    return order.map(function (key) {
      var l = learners[key]
      l.pre = l.pres.sort(function (a, b) { return time(a) - time(b) })[0] || null
      l.final = l.finals.sort(function (a, b) { return time(b) - time(a) })[0] || null
      l.paired = Boolean(l.coded && l.pre && l.final && time(l.pre) <= time(l.final))
      l.gain = l.paired ? l.final.score.percent - l.pre.score.percent : null
      l.language = (l.final || l.pre).language
      return l
    })
  }

  function bins(values) {
    var counts = []
    for (var i = 0; i < BINS; i++) counts.push(0)
    values.forEach(function (v) { counts[Math.min(BINS - 1, Math.floor(v / (100 / BINS)))] += 1 })
    return counts
  }

  /* Per module and per question, over the counted result of each learner of one kind. */
  function tally(results, into, kind) {
    results.forEach(function (result) {
      result.modules.forEach(function (m) {
        var entry = into.modules(m.module)
        entry[kind].push(m.percent)
      })
      result.questions.forEach(function (q) {
        var entry = into.question(q.id, q.module)
        var side = entry[kind]
        side.n += 1
        if (q.correct) side.correct += 1
        var options = Math.max(q.options || 0, entry.options, Math.max.apply(null, q.chosen.concat([0])))
        entry.options = options
        q.chosen.forEach(function (n) { side.counts[n] = (side.counts[n] || 0) + 1 })
      })
    })
  }

  /* The statistics of every course in `courses` order ({id: {modules: [{slug, questions:
     [{id}]}]}} gives the order), optionally for one language. */
  function aggregate(results, courses, language) {
    var used = results.filter(function (e) { return !language || e.data.language === language })
    var report = []
    Object.keys(courses).forEach(function (courseId) {
      var learners = learnersOf(used.filter(function (e) { return e.data.course === courseId }))
      if (!learners.length) return
      var bank = courses[courseId]
      var moduleOrder = (bank.modules || []).map(function (m) { return m.slug })
      var questionOrder = []
      ;(bank.modules || []).forEach(function (m) { (m.questions || []).forEach(function (q) { questionOrder.push(q.id) }) })
      var modules = {}
      var questions = {}
      var into = {
        modules: function (slug) {
          return modules[slug] = modules[slug] || { module: slug, pre: [], final: [] }
        },
        question: function (id, slug) {
          return questions[id] = questions[id] || { id: id, module: slug, options: 0,
            pre: { n: 0, correct: 0, counts: {} }, final: { n: 0, correct: 0, counts: {} } }
        }
      }
      var pres = learners.filter(function (l) { return l.pre }).map(function (l) { return l.pre })
      var finals = learners.filter(function (l) { return l.final }).map(function (l) { return l.final })
      tally(pres, into, "pre")
      tally(finals, into, "final")
      var paired = learners.filter(function (l) { return l.paired })
      var pairedPre = mean(paired.map(function (l) { return l.pre.score.percent }))
      var pairedFinal = mean(paired.map(function (l) { return l.final.score.percent }))
      function rank(order, key) {
        return function (a, b) {
          var i = order.indexOf(a[key]); var j = order.indexOf(b[key])
          return (i === -1 ? 1e9 : i) - (j === -1 ? 1e9 : j) || (a[key] < b[key] ? -1 : 1)
        }
      }
      report.push({
        id: courseId,
        learners: learners,
        nLearners: learners.length,
        nPre: pres.length,
        nFinal: finals.length,
        nPaired: paired.length,
        meanPre: mean(pres.map(function (r) { return r.score.percent })),
        meanFinal: mean(finals.map(function (r) { return r.score.percent })),
        meanGain: mean(paired.map(function (l) { return l.gain })),
        normalisedGain: paired.length && pairedPre < 100 ? (pairedFinal - pairedPre) / (100 - pairedPre) : null,
        improved: share(paired.filter(function (l) { return l.gain > 0 }).length, paired.length),
        distribution: { pre: bins(pres.map(function (r) { return r.score.percent })),
                        final: bins(finals.map(function (r) { return r.score.percent })) },
        modules: Object.keys(modules).map(function (slug) {
          var m = modules[slug]
          return { module: slug, nPre: m.pre.length, pre: mean(m.pre), nFinal: m.final.length, final: mean(m.final) }
        }).sort(rank(moduleOrder, "module")),
        questions: Object.keys(questions).map(function (id) {
          var q = questions[id]
          var pre = share(q.pre.correct, q.pre.n)
          var final = share(q.final.correct, q.final.n)
          var flags = []
          if (pre !== null && pre >= 90) flags.push("nearly_all_right_before")
          if (final !== null && final < 50) flags.push("mostly_wrong_after")
          if (pre !== null && final !== null && final < pre) flags.push("worse_after")
          return { id: id, module: q.module, options: q.options, nPre: q.pre.n, pre: pre,
                   nFinal: q.final.n, final: final, preCounts: q.pre.counts,
                   finalCounts: q.final.counts, flags: flags }
        }).sort(rank(questionOrder, "id"))
      })
    })
    return report
  }

  /* A number with a dot and one decimal; empty when there is none. */
  function format(value) {
    return value === null || value === undefined || isNaN(value) ? "" : (Math.round(value * 10) / 10).toFixed(1)
  }

  function csv(rows) {
    // UTF-8 with a byte-order mark: Excel then shows Azerbaijani and Russian letters.
    return "\ufeff" + rows.map(function (row) {
      return row.map(function (cell) {
        var text = String(cell === null || cell === undefined ? "" : cell)
        return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text
      }).join(",")
    }).join("\r\n") + "\r\n"
  }

  function itemsCsv(report, language, texts) {
    var rows = [["course", "language", "module", "question", "n_pre", "pre_correct_percent", "n_final",
                 "final_correct_percent", "flags", "question_text"]]
    report.forEach(function (course) {
      course.questions.forEach(function (q) {
        rows.push([course.id, language || "all", q.module, q.id, q.nPre, format(q.pre), q.nFinal,
                   format(q.final), q.flags.join(";"), (texts && texts[q.id]) || ""])
      })
    })
    return csv(rows)
  }

  function learnersCsv(report) {
    var rows = [["learner", "course", "language", "pre_percent", "final_percent", "gain", "paired",
                 "pre_date", "final_date"]]
    report.forEach(function (course) {
      course.learners.forEach(function (l) {
        rows.push([l.learner, course.id, l.language, l.pre ? format(l.pre.score.percent) : "",
                   l.final ? format(l.final.score.percent) : "", format(l.gain), l.paired ? "yes" : "no",
                   l.pre ? l.pre.date : "", l.final ? l.final.date : ""])
      })
    })
    return csv(rows)
  }

  window.CTEResults = { Collector: Collector, aggregate: aggregate, itemsCsv: itemsCsv,
                        learnersCsv: learnersCsv, format: format, BINS: BINS }
})()
