/*
 * The site's service worker (site/sw.js; app.py writes VERSION, LANGUAGES, SHARED and PAGES
 * above this code). Cache-first from one cache per site version:
 * - install: the shared files (assets, scripts, icons) and every page and the search index
 *   of the language(s) of the window(s) that installed it; then it takes over at once
 *   (skipWaiting), so a new version never waits behind tabs left open;
 * - activate: caches of other versions are deleted (no stale copy kept for ever); the page
 *   script tells the learner once that an update is ready (controllerchange);
 * - fetch: a file of this version from the cache, or from the network and then kept (other
 *   languages are cached as they are visited). Only files the build listed are kept.
 * localStorage (the learner's progress) is never touched: a worker cannot reach it.
 */
"use strict"

var PREFIX = "ct-elearning-"
var CACHE = PREFIX + VERSION
var SCOPE = self.registration.scope  // the site root, ending with "/"
var KNOWN = new Set(SHARED)
Object.keys(PAGES).forEach(function (language) {
  PAGES[language].forEach(function (path) { KNOWN.add(path) })
})

// "az/courses/x.html" -> "az"; anything outside a language folder is the default language.
function languageOf(url) {
  var path = url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length) : ""
  var first = path.split("/")[0]
  return LANGUAGES.indexOf(first) > 0 ? first : LANGUAGES[0]
}

// The path of a request under the scope, as the build lists it ("" -> "index.html").
function pathOf(url) {
  var path = url.split("#")[0].split("?")[0].slice(SCOPE.length)
  return path === "" || path.slice(-1) === "/" ? path + "index.html" : path
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      var languages = new Set(windows.map(function (w) { return languageOf(w.url) }))
      if (!languages.size) languages.add(LANGUAGES[0])
      var files = SHARED.slice()
      languages.forEach(function (language) { files = files.concat(PAGES[language] || []) })
      return caches.open(CACHE).then(function (cache) {
        // "reload": never fill the new cache from an older copy in the HTTP cache.
        return cache.addAll(files.map(function (path) {
          return new Request(SCOPE + path, { cache: "reload" })
        }))
      })
    }).then(function () { return self.skipWaiting() })
  )
})

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE
      }).map(function (name) { return caches.delete(name) }))
    }).then(function () { return self.clients.claim() })
  )
})

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return
  var path = pathOf(request.url)
  if (!KNOWN.has(path)) return  // not a file of this version: the browser handles it
  var key = SCOPE + path
  // Read with caches.match (caches.open would create the cache again: a worker whose cache
  // a newer version has deleted must not bring it back); keep a copy only while it exists.
  event.respondWith(caches.match(key, { cacheName: CACHE }).then(function (hit) {
    if (hit) return hit
    return fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone()
        caches.has(CACHE).then(function (current) {
          if (current) return caches.open(CACHE).then(function (cache) { return cache.put(key, copy) })
        })
      }
      return response
    })
  }))
})
