// The native bridge's JavaScript half (issue 16, README "For app
// developers"), loaded by the app (src/bridge.rs) only inside a WebView
// that provides a bridge. It posts the page's messages, as JSON text, to the
// first bridge there (iOS, Android, React Native, Flutter; the iOS and
// Android names come from config.json through the script's data-
// attributes), hands taps on links that leave the H5 pages to the app's
// own navigation, and makes any call on window.cashgo that the page doesn't
// know a warning instead of an error. Whatever the app's bridge throws stays
// here: the page goes on.
(function (w) {
  "use strict";
  var script = document.currentScript;
  var ios = (script && script.getAttribute("data-ios")) || "cashgo";
  var android = (script && script.getAttribute("data-android")) || "CashGoAndroid";

  function at(path) {
    try {
      var value = w;
      for (var i = 0; i < path.length; i++) value = value == null ? undefined : value[path[i]];
      return value;
    } catch (_) {
      return undefined;
    }
  }

  // How to hand `text` to the app, or null without a bridge.
  function bridge() {
    var shapes = [
      [["webkit", "messageHandlers", ios], "postMessage"],
      [[android], "postMessage"],
      [["ReactNativeWebView"], "postMessage"],
      [["flutter_inappwebview"], "callHandler"],
    ];
    for (var i = 0; i < shapes.length; i++) {
      var receiver = at(shapes[i][0]);
      var name = shapes[i][1];
      var post = receiver && at(shapes[i][0].concat(name));
      if (typeof post !== "function") continue;
      return name === "callHandler"
        ? function (text) { return post.call(receiver, "cashgo", text); }
        : function (text) { return post.call(receiver, text); };
    }
    return null;
  }

  function post(message) {
    var send = bridge();
    if (!send) return;
    try {
      var answer = send(JSON.stringify(message));
      // Flutter answers with a promise: its rejection is the app's business.
      if (answer && typeof answer.catch === "function") answer.catch(function () {});
    } catch (_) {
      console.warn("cashgo bridge: the app's bridge threw; the page goes on");
    }
  }

  var waiting = w.__cashgoQueue || [];
  w.__cashgoQueue = { push: post };
  waiting.forEach(post);

  // A tap on a link that leaves the H5 pages (home, my loans, help, login:
  // src/bridge.rs decides, `destination`) goes to the app (`go`), before
  // the router sees it.
  var base = new URL(document.baseURI).pathname.replace(/\/$/, "");
  w.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.target || link.origin !== location.origin || typeof w.__cashgoGo !== "function") return;
    var path = link.pathname;
    if (base && path.indexOf(base) === 0) path = path.slice(base.length) || "/";
    if (w.__cashgoGo(path) === true) event.preventDefault();
  }, true);

  var calls = w.cashgo || {};
  w.cashgo = new Proxy(calls, {
    get: function (target, name) {
      if (name in target) return target[name];
      // Not for `then` (window.cashgo is no promise) nor symbols.
      if (typeof name !== "string" || name === "then" || name === "toJSON") return undefined;
      return function () {
        console.warn("window.cashgo." + name + "(): not a call this page knows; ignored");
      };
    },
  });
})(window);
