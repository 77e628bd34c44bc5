/*
 * Downloads that must not compete with the page being opened on a slow phone network wait
 * until it has shown and loaded, and the browser is idle (window.CTELater):
 * - the search index, which Material's search fetches as the page opens (a Russian index is
 *   350 KB, 75 KB compressed): held back, or sent at once when the learner opens the search;
 * - the offline app's first install, which downloads the whole site (app.js).
 * Loaded before Material's bundle (mkdocs.yml extra.polyfills). From file:// Material reads
 * search_index.js with a script element instead, which this does not touch. Any other
 * request goes out as before. (docs/upgrading.md)
 */
(function () {
  "use strict"
  var waiting = []
  var done = false

  function release() {
    if (done) return
    done = true
    waiting.splice(0).forEach(function (fn) { fn() })
  }
  window.CTELater = function (fn) {
    if (done) fn()
    else waiting.push(fn)
  }

  function idle() {
    if (window.requestIdleCallback) window.requestIdleCallback(release, { timeout: 3000 })
    else window.setTimeout(release, 500)
  }
  function shown() {  // the first paint with content has happened
    return !window.PerformanceObserver ||
      performance.getEntriesByName("first-contentful-paint").length > 0
  }
  function loaded() {
    if (shown()) return idle()
    new PerformanceObserver(function (list, observer) {
      observer.disconnect()
      idle()
    }).observe({ type: "paint", buffered: true })
  }
  if (document.readyState === "complete") loaded()
  else window.addEventListener("load", loaded)

  function isIndex(url) {
    return /\/search\/search_index\.json(\?|$)/.test(String(url && url.url ? url.url : url))
  }
  // Material 9.8 requests the index with XMLHttpRequest; fetch() is held back too.
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.cteIndex = isIndex(url)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (!request.cteIndex) return send.apply(request, args)
    window.CTELater(function () { send.apply(request, args) })
  }
  if (window.fetch) {
    var fetch = window.fetch
    window.fetch = function (input) {
      var args = arguments
      if (!isIndex(input)) return fetch.apply(window, args)
      return new Promise(function (resolve) { window.CTELater(resolve) })
        .then(function () { return fetch.apply(window, args) })
    }
  }
  // The learner opens the search (Material focuses its field; the toggle is a checkbox).
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) release()
  })
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release()
  })
})()
