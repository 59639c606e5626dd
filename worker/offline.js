// The offline page (issue 16, README "Offline use"), in two roles:
// - as offline.html's script: what the service worker answers for any page
//   of the app when the network fails. It shows the payment references the
//   app kept on this phone (src/offline.rs writes them to localStorage, the
//   amount and expiry already worded in both languages). Its text is copied
//   from locales/*.json by scripts/sw.py at build time. Text goes into the
//   page as text only;
// - loaded by the app with `data-sync` after it kept or forgot references:
//   keeps the newest few, and registers the service worker with the barcode
//   pictures to keep, or removes it and its caches when nothing is kept.
//   Where service workers are unavailable, nothing happens: the app works
//   as before, online only.
(function () {
  "use strict";
  var TEXT = /*CATALOG*/ {};
  var PREFIX = "cashgo.payref.";
  var KEEP = 4;
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href).pathname;

  function storage() {
    try { return window.localStorage; } catch (_) { return null; }
  }

  function pickLang() {
    var asked = new URLSearchParams(location.search).get("lang");
    var saved = null;
    var s = storage();
    try { saved = s && s.getItem("cashgo.lang"); } catch (_) {}
    var tags = [asked, saved].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < tags.length; i++) {
      var tag = String(tags[i] || "").trim().toLowerCase().split(/[-_]/)[0];
      if (tag === "es" || tag === "en") return tag;
    }
    return "es";
  }

  var lang = pickLang();

  function t(key, vars) {
    var text = TEXT[lang][key] || "";
    return text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,[^}]*)?\}\}/g, function (_, name) {
      return vars && name in vars ? String(vars[name]) : "";
    });
  }

  // The references kept, newest first; anything unreadable is left out.
  function kept() {
    var s = storage(), out = [];
    if (!s) return out;
    for (var i = 0; i < s.length; i++) {
      var name = s.key(i);
      if (!name || name.indexOf(PREFIX) !== 0) continue;
      var item = new URLSearchParams(s.getItem(name) || "");
      var order = item.get("order");
      if (item.get("v") !== "1" || !order || order !== name.slice(PREFIX.length) || !item.get("reference")) continue;
      out.push(item);
    }
    out.sort(function (a, b) { return Number(b.get("saved")) - Number(a.get("saved")); });
    return out;
  }

  function sync() {
    var items = kept();
    var s = storage();
    items.slice(KEEP).forEach(function (item) {
      try { s.removeItem(PREFIX + item.get("order")); } catch (_) {}
    });
    items = items.slice(0, KEEP);
    var workers = navigator.serviceWorker;
    if (!workers) return;
    if (items.length) {
      var keep = items.map(function (item) { return item.get("image"); }).filter(Boolean);
      workers.register(base + "sw.js", { scope: base })
        .then(function () { return workers.ready; })
        .then(function (registration) {
          if (registration.active) registration.active.postMessage({ keep: keep });
        })
        .catch(function () {});
      return;
    }
    workers.getRegistration(base)
      .then(function (registration) { return registration && registration.unregister(); })
      .catch(function () {});
    if (window.caches) {
      caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf("cashgo-") === 0; })
          .map(function (name) { return caches.delete(name); }));
      }).catch(function () {});
    }
  }

  if (script && script.hasAttribute("data-sync")) {
    sync();
    return;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    (children || []).forEach(function (child) {
      if (child == null) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function expired(item) {
    var until = item.get("until");
    return until !== null && until !== "" && Date.now() / 1000 >= Number(until);
  }

  // When the reference was saved, on the phone's own clock and in its own
  // time zone (the expiry stays in the server's, as the app writes it).
  function savedAt(item) {
    var when = new Date(Number(item.get("saved")) * 1000);
    if (isNaN(when.getTime())) return "";
    return new Intl.DateTimeFormat(lang === "es" ? "es-MX" : "en-US", {
      day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(when);
  }

  function card(item) {
    var reference = item.get("reference");
    var barcode = item.get("barcode");
    var image = item.get("image");
    var saved = savedAt(item);
    var until = item.get("expires_" + lang);
    var box = el("div", { class: "card", "data-testid": "saved-reference" }, [
      el("h2", { class: "method-name" }, [item.get("name") || ""]),
      expired(item) ? el("p", { class: "notice notice-warning", role: "alert" }, [t("offline.expired")]) : null,
      el("p", { class: "hero-label" }, [t("pay.amount")]),
      el("p", { class: "hero-amount", "data-testid": "pay-amount" }, [
        el("span", { class: "amount" }, [item.get("amount_" + lang) || ""]),
      ]),
      el("p", { class: "hero-label", id: "reference-label" }, [t("pay.reference")]),
      el("p", { class: "reference", "aria-labelledby": "reference-label", "data-testid": "reference" }, [reference]),
      el("h3", {}, [t("pay.barcode")]),
    ]);
    // The picture the service worker kept; as text when there is none.
    var asText = el("div", {}, [
      el("p", {}, [t("offline.barcode_as_text")]),
      el("p", { class: "reference barcode-text", "data-testid": "barcode-text" }, [barcode || reference]),
    ]);
    if (image && /^https?:\/\//.test(image)) {
      var picture = el("img", { class: "barcode", src: image, alt: t("pay.barcode_alt", { reference: reference }) });
      picture.addEventListener("error", function () { box.replaceChild(asText, picture); });
      box.appendChild(picture);
    } else {
      box.appendChild(asText);
    }
    if (barcode) box.appendChild(el("p", { "data-testid": "barcode-number" }, [t("pay.barcode_number", { barcode: barcode })]));
    box.appendChild(el("p", { "data-testid": "saved-at" }, [
      until ? t("offline.saved_until", { saved: saved || "", until: until }) : t("offline.saved", { saved: saved || "" }),
    ]));
    return box;
  }

  function links(items) {
    return el("div", { class: "notice notice-info", "data-testid": "saved-links" }, [
      el("p", {}, [t("offline.home_notice")]),
      el("ul", {}, items.map(function (item) {
        return el("li", {}, [el("a", { href: base + "pay/" + item.get("order") }, [t("offline.home_link", { oid: item.get("order") })])]);
      })),
    ]);
  }

  function page() {
    var path = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : "";
    var pay = /^pay\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
    var items = kept();
    var mine = pay && items.filter(function (item) { return item.get("order") === pay[1]; })[0];
    var others = items.filter(function (item) { return item !== mine; });
    if (mine) {
      return [
        el("h1", { id: "page-title" }, [t("pay.title")]),
        el("p", { class: "order-no" }, [t("pay.order", { oid: pay[1] })]),
        el("p", { class: "notice notice-info", role: "status" }, [t("offline.notice")]),
        card(mine),
      ];
    }
    return [
      el("h1", { id: "page-title" }, [t("offline.title")]),
      el("p", { class: "notice notice-info", role: "status" }, [t(pay ? "offline.none_for_order" : "errors.offline")]),
      others.length ? links(others) : null,
    ];
  }

  function langSwitch() {
    return el("div", { class: "lang-switch", role: "group", "aria-label": t("lang.label") }, ["es", "en"].map(function (code) {
      var button = el("button", { type: "button", class: "lang-option", lang: code, "aria-pressed": String(code === lang) }, [TEXT[code]["lang." + code]]);
      button.addEventListener("click", function () {
        lang = code;
        var s = storage();
        try { if (s) s.setItem("cashgo.lang", code); } catch (_) {}
        render();
      });
      return button;
    }));
  }

  function render() {
    document.documentElement.lang = lang;
    var header = el("header", { class: "app-header" }, [
      el("span", { class: "brand" }, [el("span", { class: "brand-mark", "aria-hidden": "true" }, ["C"]), t("app_name")]),
      langSwitch(),
    ]);
    var main = el("main", { id: "main", tabindex: "-1" }, [
      el("section", { class: "page", "aria-labelledby": "page-title" }, page()),
    ]);
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(header);
    body.appendChild(main);
  }

  render();
  // A reference that expires while it is on screen says so.
  var shown = document.querySelectorAll("[role=alert]").length;
  setInterval(function () {
    var now = kept().filter(expired).length;
    if (now !== shown) {
      shown = now;
      render();
    }
  }, 30000);
})();
