// The app's service worker (issue 16, README "Offline use"). scripts/sw.py
// writes it into each build as `sw.js`, beside index.html, with two lines
// above this text: VERSION (a hash of the build's files) and FILES (the
// offline page's files, relative to this one). The app registers it only
// once it has kept a payment reference on the phone (src/offline.rs), and
// removes it with them.
//
// What it answers, and how:
// - navigations: the network, always, so that online a borrower gets the
//   build the server has now; only when the network fails, the offline
//   page (offline.html), which shows the references kept on the phone;
// - the offline page's own files: from its cache;
// - pictures: the barcodes the page asked it to keep (a "keep" message)
//   from its cache, else the network.
// Nothing else, the API least of all: those requests go to the network
// untouched. A new build is a new worker: it takes over as soon as it has
// its files, and deletes the old one's.

var SHELL = "cashgo-shell-" + VERSION;
var IMAGES = "cashgo-images";
var SCOPE = new URL("./", self.location.href).href;
var OFFLINE = new URL("offline.html", SCOPE).href;
var OWN = new Set(FILES.map(function (file) { return new URL(file, SCOPE).href; }));

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL)
      .then(function (cache) {
        return cache.addAll(Array.from(OWN).map(function (url) { return new Request(url, { cache: "no-cache" }); }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("cashgo-shell-") === 0 && name !== SHELL;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () {
        var preload = self.registration.navigationPreload;
        return preload ? preload.enable() : undefined;
      })
      .then(function () { return self.clients.claim(); })
  );
});

// Looks in a cache without opening it: opening would create it again after
// the page removed the worker and its caches (logout), while this worker
// still serves the page until it unloads.
function kept(cacheName, request) {
  return caches.match(request, { cacheName: cacheName });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(
      Promise.resolve(event.preloadResponse)
        .then(function (preloaded) { return preloaded || fetch(request); })
        .catch(function () {
          return kept(SHELL, OFFLINE).then(function (page) { return page || Response.error(); });
        })
    );
    return;
  }
  if (OWN.has(request.url)) {
    event.respondWith(kept(SHELL, request).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (request.destination === "image") {
    event.respondWith(kept(IMAGES, request).then(function (hit) { return hit || fetch(request); }));
  }
});

// {keep: [url…]}: the barcode pictures of the references kept on the
// phone. Missing ones are fetched now (no-cors: the gateway is another
// origin); any other picture is dropped.
self.addEventListener("message", function (event) {
  var keep = event.data && event.data.keep;
  if (!Array.isArray(keep)) return;
  var wanted = new Set(keep.filter(function (url) {
    return typeof url === "string" && /^https?:\/\//.test(url);
  }));
  event.waitUntil(caches.open(IMAGES).then(function (cache) {
    return cache.keys().then(function (requests) {
      var have = new Set(requests.map(function (r) { return r.url; }));
      var drop = requests.filter(function (r) { return !wanted.has(r.url); })
        .map(function (r) { return cache.delete(r); });
      var add = Array.from(wanted).filter(function (url) { return !have.has(url); })
        .map(function (url) {
          return fetch(url, { mode: "no-cors", credentials: "omit" })
            .then(function (response) { return cache.put(url, response); })
            .catch(function () {});
        });
      return Promise.all(drop.concat(add));
    });
  }));
});
