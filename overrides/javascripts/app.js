/*
 * The installable offline app: registers the site's service worker (sw.js at the site root)
 * over https and on localhost only; from file:// (USB sticks) it does nothing at all.
 * When a new version of the site has replaced the offline copy, says so once, politely.
 */
(function () {
  "use strict"
  var local = ["localhost", "127.0.0.1", "[::1]"].indexOf(window.location.hostname) >= 0
  var secure = window.location.protocol === "https:" ||
    (window.location.protocol === "http:" && local)
  if (!secure || !("serviceWorker" in navigator)) return
  // Inside a frame (a learning platform's SCORM player): a package carries no worker, and
  // the platform's page is not the app.
  if (window.top !== window) return
  var script = document.currentScript
  if (!script || !script.src) return
  // This file is site/javascripts/app.js: the site root is one folder up, on any sub-path.
  var root = new URL("../", script.src).href

  function text(key) {
    return window.CTE && window.CTE.text ? window.CTE.text(key) : key
  }

  // A live region present before it is filled, so that screen readers announce the update.
  var notice = document.createElement("div")
  notice.className = "app-update"
  notice.setAttribute("role", "status")
  notice.hidden = true
  document.body.appendChild(notice)

  function showUpdate() {
    var message = document.createElement("span")
    message.textContent = text("app_update") + " "
    var button = document.createElement("button")
    button.type = "button"
    button.textContent = text("app_reload")
    button.addEventListener("click", function () { window.location.reload() })
    notice.replaceChildren(message, button)
    notice.hidden = false
  }

  // The first worker also takes control (from none): only a change of worker is an update.
  var hadController = Boolean(navigator.serviceWorker.controller)
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) showUpdate()
    hadController = true
  })
  function register() {
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function (registration) {
      // Looks for a new version at every page (the browser alone does so at most once a day).
      if (hadController) registration.update().catch(function () {})
    }).catch(function () { /* no worker: the site works online as before */ })
  }
  // Once the page has shown and loaded (later.js): the worker's first install downloads the
  // whole site, which must not compete with the page being opened on a slow network.
  if (window.CTELater) window.CTELater(register)
  else if (document.readyState === "complete") register()
  else window.addEventListener("load", register)
})()
