// Pojok Konsultasi: timers that tick in the browser, and a few small behaviours.
// No inline scripts anywhere: pages mark elements with data- attributes and this file acts on them.
(function () {
  "use strict";

  var seen = new WeakMap(); // timer element -> the time it was rendered, by the browser's clock

  // A duration with its units, as pojok/words.py writes it: "4 mnt 2 dtk", "1 jam 0 mnt", "45 dtk".
  var UNITS = document.documentElement.lang === "en" ? {h: "h", m: "min", s: "s"} : {h: "jam", m: "mnt", s: "dtk"};
  function clockText(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    if (h) return h + " " + UNITS.h + " " + m + " " + UNITS.m;
    if (m) return m + " " + UNITS.m + " " + s + " " + UNITS.s;
    return s + " " + UNITS.s;
  }

  function levelClass(elapsed, standard) {
    if (!standard) return "text-bg-secondary";
    if (elapsed > standard) return "text-bg-danger";
    if (elapsed > 0.8 * standard) return "text-bg-warning";
    return "text-bg-success";
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".timer[data-elapsed]").forEach(function (el) {
      if (!seen.has(el)) seen.set(el, now);
      var elapsed = Number(el.dataset.elapsed) + (now - seen.get(el)) / 1000;
      var standard = Number(el.dataset.standard) || 0;
      el.textContent = clockText(elapsed);
      el.classList.remove("text-bg-success", "text-bg-warning", "text-bg-danger", "text-bg-secondary");
      el.classList.add(levelClass(elapsed, standard));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    tick();
    setInterval(tick, 1000);
  });
  document.addEventListener("htmx:afterSwap", tick);

  // A refresh that htmx runs on a timer (hx-trigger="every 5s") is not the person at the desk doing
  // something: it says so, and the server does not count it as activity for the idle timeout.
  // Each poll also sends the ETag of the last answer from its address (pojok/polls.py): when nothing
  // changed the server answers 304 with no body, and the page stays as it is (the timers keep ticking).
  var etags = {};
  document.addEventListener("htmx:configRequest", function (event) {
    var trigger = event.detail.elt.getAttribute("hx-trigger") || "";
    if (!event.detail.triggeringEvent && /(^|,)\s*every\s/.test(trigger)) {
      event.detail.headers["X-Pojok-Poll"] = "1";
      if (etags[event.detail.path]) event.detail.headers["If-None-Match"] = etags[event.detail.path];
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 304) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
    } else if (xhr.status === 200 && xhr.getResponseHeader("ETag")) {
      etags[event.detail.requestConfig.path] = xhr.getResponseHeader("ETag");
    }
  });

  // Typing is activity too, though it sends nothing until the form is saved: tell the server at most
  // once a minute, so a long note typed in one go does not meet the idle timeout on saving.
  var lastStillHere = 0;
  document.addEventListener("input", function () {
    var url = document.body.getAttribute("data-still-here");
    if (!url || Date.now() - lastStillHere < 60000) return;
    lastStillHere = Date.now();
    fetch(url, {credentials: "same-origin"}).catch(function () {});
  });

  // A reason with a limit (the cancel reason): nothing is cut, the count shows as one types or pastes,
  // and the browser says what is wrong in the page's words, not its own ("Please fill out this field").
  function checkReason(field) {
    var max = Number(field.getAttribute("data-maxlength")) || 0, length = field.value.length;
    var count = document.querySelector('[data-char-count="' + field.id + '"]');
    if (count) {
      count.textContent = length + "/" + max + " " + (count.getAttribute("data-unit") || "");
      count.classList.toggle("text-danger", max > 0 && length > max);
    }
    var message = "";
    if (field.required && !field.value.trim()) message = field.getAttribute("data-required-message") || "";
    else if (max && length > max) message = field.getAttribute("data-too-long-message") || "";
    field.setCustomValidity(message);
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-reason]")) checkReason(event.target);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-reason]").forEach(checkReason);
    // A link to a move's reason (the board's "Batalkan…" opens #cancel) opens its disclosure.
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      var field = target.querySelector("[data-reason]");
      if (field) field.focus();
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]")) event.target.form.submit();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
    var guest = event.target.closest("[data-fill-guest_name]");
    if (guest) {
      ["guest_name", "origin", "phone"].forEach(function (field) {
        var input = document.getElementById("id_" + field);
        if (input) input.value = guest.getAttribute("data-fill-" + field);
      });
      var next = document.getElementById("id_keperluan");
      if (next) next.focus();
    }
  });
})();
