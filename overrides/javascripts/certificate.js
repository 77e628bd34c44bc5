/*
 * The completion certificate: shown when every module of the course is complete and the
 * final test reached the course's pass mark. Self-assessed; nothing is sent anywhere.
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var Q = window.CTEQuestions  // questions.js: the pass mark, dates, elements

  document.addEventListener("DOMContentLoaded", function () {
    var certificate = document.querySelector(".certificate")
    var course = CTE.course()
    if (!certificate || !course) return
    var missing = document.querySelector(".certificate-gate__missing")
    var form = document.querySelector(".certificate-form")
    var reasons = []
    course.modules.forEach(function (module) {
      if (!CTE.moduleState(course, module).complete)
        reasons.push(CTE.text("cert_missing_module", { title: module.title }))
    })
    var final = Q.countedFinal(course.course)
    if (!final) reasons.push(CTE.text("cert_missing_final", { pass_mark: course.passMark }))
    else if (!Q.passed(final, course.passMark))
      reasons.push(CTE.text("cert_low_final", { percent: final.score.percent, pass_mark: course.passMark }))
    reasons.forEach(function (reason) { missing.appendChild(Q.element("li", null, reason)) })
    if (reasons.length) return

    form.hidden = false
    var name = form.querySelector("input")
    name.value = CTE.name
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      CTE.name = name.value.trim()
      certificate.querySelector(".certificate__name").textContent = name.value.trim()
      certificate.querySelector(".certificate__facts").textContent =
        CTE.text("cert_facts", { date: Q.date(final.date), percent: final.score.percent })
      certificate.hidden = false
      certificate.setAttribute("tabindex", "-1")
      certificate.focus()
    })
    certificate.querySelector(".certificate__print").addEventListener("click", function () {
      window.print()
    })
  })
})()
