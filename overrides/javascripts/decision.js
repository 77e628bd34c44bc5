/*
 * Decision exercises: one step at a time. The page holds every step as a numbered list
 * with links (the version for paper and for readers without JavaScript); this script reads
 * that list and plays it: the step's text, its choices as buttons, the feedback of the
 * choice made, and at an end its kind in words, the debrief and the path taken, with
 * "go back one step" and "try again". Focus moves to each new text, which a status line
 * announces. Reaching a good end counts towards the module, like a question answered.
 */
(function () {
  "use strict"
  var CTE = window.CTE
  var element = window.CTEQuestions.element  // questions.js

  /* The steps as data, from the list rendered for paper. */
  function readSteps(box) {
    var steps = {}
    box.querySelectorAll(".decision__node").forEach(function (node) {
      steps[node.dataset.node] = {
        node: node,
        end: node.dataset.end || null,
        choices: Array.prototype.map.call(node.querySelectorAll(".decision__choice"), function (choice) {
          var feedback = choice.querySelector(".decision__feedback p")
          var link = choice.querySelector("a")
          return {
            label: link.firstChild.textContent.trim(),
            next: choice.dataset.next,
            feedback: feedback ? feedback.textContent : ""
          }
        })
      }
    })
    return steps
  }

  function setUp(box) {
    var steps = readSteps(box)
    var first = box.querySelector(".decision__node").dataset.node
    // Each entry: the step shown and the choice that led there (null for the first).
    var history = [{ step: first, choice: null }]
    var player = element("div", "decision__player")
    var screen = element("div", "decision__screen")
    var controls = element("div", "decision__controls")
    var back = element("button", "md-button decision__back", CTE.text("decision_back"))
    var again = element("button", "md-button decision__again", CTE.text("decision_again"))
    var status = element("p", "decision__status visually-hidden")
    back.type = again.type = "button"
    status.setAttribute("role", "status")
    controls.append(back, again)
    player.append(screen, controls, status)
    box.querySelector(".decision__nodes").before(player)
    box.classList.add("decision--live")

    function show(moveFocus) {
      var current = history[history.length - 1]
      var step = steps[current.step]
      screen.textContent = ""
      var announced = []
      if (current.choice) {
        var given = element("div", "decision__given")
        given.append(element("p", "decision__chosen",
          CTE.text("decision_you_chose", { label: current.choice.label })))
        announced.push(CTE.text("decision_you_chose", { label: current.choice.label }))
        if (current.choice.feedback) {
          given.append(element("p", "decision__given-feedback", current.choice.feedback))
          announced.push(current.choice.feedback)
        }
        screen.append(given)
      }
      // On screen the steps count along the path taken; the paper numbers do not matter here.
      var number = element("p", "decision__number",
        CTE.text("decision_step", { number: history.length }))
      var text = step.node.querySelector(".decision__text").cloneNode(true)
      text.tabIndex = -1
      screen.append(number, text)
      announced.push(number.textContent)  // the text itself is read as it takes focus
      var contact = step.node.querySelector(".decision__contact")
      if (contact) screen.append(contact.cloneNode(true))
      if (step.end) {
        var end = step.node.querySelector(".decision__end").cloneNode(true)
        screen.append(end, step.node.querySelector(".decision__debrief").cloneNode(true))
        announced.push(end.textContent)
        screen.append(element("p", "decision__path-title", CTE.text("decision_path")))
        var path = element("ol", "decision__path")
        history.slice(1).forEach(function (entry) {
          path.append(element("li", "", entry.choice.label))
        })
        screen.append(path)
        if (step.end === "good" && CTE.completeItem) {
          CTE.completeItem(box.dataset.decision)
          screen.append(element("p", "decision__counted", CTE.text("decision_counted")))
          document.dispatchEvent(new CustomEvent("cte:progress"))
        }
      } else {
        var buttons = element("div", "decision__buttons")
        step.choices.forEach(function (choice) {
          var button = element("button", "md-button decision__button", choice.label)
          button.type = "button"
          button.addEventListener("click", function () {
            history.push({ step: choice.next, choice: choice })
            show(true)
          })
          buttons.append(button)
        })
        screen.append(buttons)
      }
      back.hidden = history.length === 1
      again.hidden = history.length === 1
      box.dataset.step = current.step
      if (moveFocus) {
        text.focus()
        status.textContent = announced.join(" ")
      }
    }

    back.addEventListener("click", function () {
      if (history.length > 1) history.pop()
      show(true)
    })
    again.addEventListener("click", function () {
      history = history.slice(0, 1)
      show(true)
    })
    show(false)
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".decision").forEach(setUp)
  })
})()
