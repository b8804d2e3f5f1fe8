// The Bidang's inbox: make a newly routed guest noticeable without reloading, and never refresh the
// list under a hand that is choosing who receives a guest. Acts on the data- attributes of inbox.html.
(function () {
  "use strict";

  var known = null;     // ids of waiting guests the user has already been shown
  var fresh = new Set(); // ids that arrived since, not yet acknowledged (a click on the page)
  var baseTitle = document.title;

  function container() { return document.querySelector("[data-inbox]"); }

  function waitingIds() {
    return Array.prototype.map.call(
      document.querySelectorAll("[data-inbox] [data-waiting-id]"),
      function (row) { return row.getAttribute("data-waiting-id"); });
  }

  function mark() {
    var ids = waitingIds();
    if (known === null) known = new Set(ids);
    ids.forEach(function (id) { if (!known.has(id)) { known.add(id); fresh.add(id); } });
    fresh.forEach(function (id) { if (ids.indexOf(id) < 0) fresh.delete(id); });
    document.querySelectorAll("[data-inbox] [data-waiting-id]").forEach(function (row) {
      row.classList.toggle("inbox-new", fresh.has(row.getAttribute("data-waiting-id")));
    });
    var badge = document.querySelector("[data-new-count]");
    // The words come translated from the page (data-new-word, data-new-title): no JS catalog needed.
    var word = badge ? badge.getAttribute("data-new-word") : "", title = badge ? badge.getAttribute("data-new-title") : "";
    if (badge) {
      badge.textContent = fresh.size ? fresh.size + " " + word : "";
      badge.classList.toggle("d-none", fresh.size === 0);
    }
    document.title = (fresh.size ? "(" + fresh.size + ") " + title + " · " : "") + baseTitle;
  }

  document.addEventListener("DOMContentLoaded", function () { if (container()) mark(); });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target === container()) mark();
  });

  // A refresh while a select or field in the list has the focus would close it under the user's hand.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var list = container();
    var active = document.activeElement;
    if (list && event.detail.elt === list && list.contains(active) && active.matches("select, input")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function () {
    if (!container() || fresh.size === 0) return;
    fresh.clear();
    mark();
  });
})();
