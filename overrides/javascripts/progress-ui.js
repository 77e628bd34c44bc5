/*
 * The course page's tools for the learner's data (progress.js keeps it): the learner code,
 * download and load of progress (checked, then merged or replaced), and removal of all
 * data from the device after a confirmation. Loaded by the course page only.
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var element = window.CTEQuestions.element  // questions.js

  function button(label, className, onClick) {
    var node = element("button", "md-button " + (className || ""), label)
    node.type = "button"
    node.addEventListener("click", onClick)
    return node
  }

  /* Download, load (merge or replace) and removal, wherever the page offers them. */
  function setUpTransfer(box) {
    var status = box.querySelector(".progress-transfer__status")
    var choice = box.querySelector(".progress-transfer__choice")
    var input = box.querySelector(".progress-transfer__file")
    function say(message, list) {
      status.textContent = message
      if (list && list.length) {
        var items = element("ul")
        list.slice(0, 5).forEach(function (reason) { items.appendChild(element("li", null, reason)) })
        status.appendChild(items)
      }
    }
    box.querySelector(".progress-transfer__export").addEventListener("click", function () {
      CTE.exportProgress()
    })
    input.addEventListener("change", function (event) {
      var file = event.target.files[0]
      input.value = ""
      choice.textContent = ""
      if (!file) return
      var size = file.size
      var reading = size > CTE.maxFileSize ? Promise.resolve("") : file.text()
      reading.then(function (content) {
        var found = CTE.readFile(content, size)
        if (found.errors) return say(CTE.text("import_refused"), found.errors)
        var summary = CTE.counts(found.data)
        say(CTE.text("import_ask", summary))
        var finish = function (mode) {
          choice.textContent = ""
          if (!CTE.apply(found.data, mode)) return say(CTE.text("import_not_saved"))
          say(CTE.text(mode === "merge" ? "import_merged" : "import_replaced", summary))
        }
        choice.appendChild(button(CTE.text("import_merge"), "md-button--primary", function () { finish("merge") }))
        choice.appendChild(button(CTE.text("import_replace"), "", function () { finish("replace") }))
        choice.appendChild(button(CTE.text("cancel"), "", function () {
          choice.textContent = ""
          say(CTE.text("import_cancelled"))
        }))
        choice.querySelector("button").focus()
      }, function () { say(CTE.text("import_refused"), [CTE.text("import_not_json")]) })
    })
  }

  function setUpRemoval(box) {
    var status = box.querySelector(".progress-remove__status")
    var confirmBox = box.querySelector(".progress-remove__confirm")
    box.querySelector(".progress-remove__start").addEventListener("click", function () {
      confirmBox.textContent = ""
      confirmBox.appendChild(element("p", null, CTE.text("remove_confirm")))
      var yes = button(CTE.text("remove_yes"), "md-button--primary", function () {
        confirmBox.textContent = ""
        status.textContent = CTE.text(CTE.removeAll() ? "remove_done" : "remove_failed")
      })
      confirmBox.appendChild(yes)
      confirmBox.appendChild(button(CTE.text("cancel"), "", function () {
        confirmBox.textContent = ""
        status.textContent = ""
      }))
      yes.focus()
    })
  }

  function setUpCode(box) {
    var shown = box.querySelector(".learner-code__value")
    var input = box.querySelector(".learner-code__input")
    var status = box.querySelector(".learner-code__status")
    function show() { shown.textContent = CTE.learnerCode }
    show()
    box.hidden = false
    box.querySelector(".learner-code__form").addEventListener("submit", function (event) {
      event.preventDefault()
      if (!CTE.setLearnerCode(input.value)) {
        status.textContent = CTE.text("code_invalid", { chars: CTE.codeCharacters })
        return
      }
      input.value = ""
      show()
      status.textContent = CTE.text(CTE.saving ? "code_saved" : "code_not_saved", { code: CTE.learnerCode })
    })
    document.addEventListener("cte:progress", show)
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".progress-transfer").forEach(setUpTransfer)
    document.querySelectorAll(".progress-remove").forEach(setUpRemoval)
    document.querySelectorAll(".learner-code").forEach(setUpCode)
  })
})()
