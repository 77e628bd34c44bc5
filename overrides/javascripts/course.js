/* The course page: progress bar, each module's state and a "continue" link. */
(function () {
  "use strict"
  var CTE = window.CTE

  function show() {
    var box = document.querySelector(".course-progress")
    var course = CTE.course()
    if (!box || !course) return
    var done = 0
    var next = null
    course.modules.forEach(function (module) {
      var state = CTE.moduleState(course, module)
      if (state.complete) done += 1
      else if (next === null) next = module
      var label = document.querySelector('.module-state[data-module="' + module.slug + '"]')
      if (label) {
        label.textContent = CTE.text(state.complete ? "module_complete"
          : state.started ? "module_in_progress" : "module_not_started")
        label.className = "module-state module-state--" +
          (state.complete ? "complete" : state.started ? "started" : "new")
      }
    })
    box.hidden = false
    box.querySelector(".course-progress__count").textContent =
      CTE.text("progress_count", { done: done, total: course.modules.length })
    var bar = box.querySelector(".course-progress__bar")
    bar.value = done
    bar.setAttribute("aria-label", CTE.text("progress_count", { done: done, total: course.modules.length }))
    var link = box.querySelector(".course-progress__continue")
    if (next) {
      link.href = next.url
      link.textContent = CTE.text("continue_module", { title: next.title })
    } else {
      link.href = "final-test.html"
      link.textContent = CTE.text("course_done")
    }
  }

  document.addEventListener("DOMContentLoaded", show)
  document.addEventListener("cte:progress", show)
})()
