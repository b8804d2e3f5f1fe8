// The lobby display and the kiosk, acting on the data- attributes of lobby/display.html and kiosk.html.
// The display shows when the connection is lost (htmx keeps polling and recovers by itself), chimes
// and speaks a new call, and remembers whether sound is off.
(function () {
  "use strict";

  var SOUND_KEY = "lobby.sound";
  var lastKey = null; // the call already announced ("" for none); the one shown on load is not repeated
  var audio = null;   // one AudioContext for the whole day: a new one per chime would leak

  // The page's words in the chosen language (data-say-<name>, translated in templates/lobby).
  function words(element, name) { return element.getAttribute("data-say-" + name) || ""; }

  function soundOn() { return window.localStorage.getItem(SOUND_KEY) !== "off"; }

  function showSound() {
    var button = document.querySelector("[data-sound-toggle]");
    if (!button) return;
    button.textContent = soundOn() ? words(button, "on") : words(button, "off");
    button.setAttribute("aria-pressed", soundOn() ? "true" : "false");
  }

  function setStatus(broken) {
    var status = document.querySelector("[data-lobby-status]");
    if (status) status.classList.toggle("d-none", !broken);
  }

  function audioContext() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (Context && !audio) audio = new Context();
    return audio;
  }

  function chime() {
    if (!audioContext()) return;
    [880, 660].forEach(function (frequency, index) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      var start = audio.currentTime + index * 0.35;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.3, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    });
  }

  function speak(sentence) {
    if (!window.speechSynthesis || !sentence) return;
    var utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = "id-ID";
    window.speechSynthesis.cancel();
    window.setTimeout(function () { window.speechSynthesis.speak(utterance); }, 800);
  }

  function announce() {
    var call = document.querySelector("[data-call-key]");
    var key = call ? call.getAttribute("data-call-key") : "";
    if (key === lastKey) return;
    var isNew = lastKey !== null; // null: the page just loaded, and what it shows is not news
    lastKey = key;
    if (!isNew || !call) return;
    call.classList.add("lobby-flash");
    if (soundOn()) {
      chime();
      speak(call.getAttribute("data-call-sentence"));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-lobby-board]")) return;
    showSound();
    announce();
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-sound-toggle]")) return;
    window.localStorage.setItem(SOUND_KEY, soundOn() ? "off" : "on");
    showSound();
    // Browsers start audio suspended until a person touches the page: this press is that touch.
    if (soundOn() && audioContext()) audio.resume();
  });
  // The kiosk sends its form with htmx (hx-post on the form). A lost connection or a failing server
  // is retried by itself every few seconds with the same key, which the server answers with the same
  // queue number: the guest is told to wait, and never gets two numbers. htmx drops a second tap
  // while a request is on its way.
  var KIOSK_RETRY_MS = 3000;
  var KIOSK_MAX_TRIES = 40; // two minutes; then the guest is sent to the front desk

  function kioskForm(event) {
    var element = event.detail && event.detail.elt;
    return element && element.closest ? element.closest("[data-kiosk-form]") : null;
  }

  function kioskSays(form, text, kind) {
    var wait = form.querySelector("[data-kiosk-wait]");
    wait.textContent = text;
    wait.className = "mt-3 alert alert-" + kind;
  }

  function kioskFailed(event) {
    var form = kioskForm(event);
    if (!form) return;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status >= 400 && status < 500) { // refused (a kiosk revoked by the admin): trying again won't help
      kioskSays(form, words(form, "refused"), "danger");
      return;
    }
    var tries = Number(form.getAttribute("data-tries") || "0") + 1;
    form.setAttribute("data-tries", String(tries));
    if (tries >= KIOSK_MAX_TRIES) {
      kioskSays(form, words(form, "gave-up"), "danger");
      return;
    }
    kioskSays(form, words(form, "retry"), "warning");
    window.setTimeout(function () { htmx.trigger(form, "submit"); }, KIOSK_RETRY_MS);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = kioskForm(event);
    if (form && !form.getAttribute("data-tries")) kioskSays(form, words(form, "wait"), "info");
  });
  document.addEventListener("htmx:sendError", kioskFailed);
  document.addEventListener("htmx:responseError", kioskFailed);
  // The number stays on screen for data-kiosk-seconds (settings.KIOSK_DONE_SECONDS), counted down
  // on screen, then the kiosk is back at its start for the next guest ("Selesai" goes there at once).
  function kioskCountdown() {
    var done = document.querySelector("[data-kiosk-done]");
    if (!done || done.hasAttribute("data-counting")) return;
    done.setAttribute("data-counting", "");
    var left = Number(done.getAttribute("data-kiosk-seconds") || "15");
    var shown = done.querySelector("[data-kiosk-countdown]");
    var timer = window.setInterval(function () {
      left -= 1;
      if (shown) shown.textContent = String(Math.max(left, 0));
      if (left > 0) return;
      window.clearInterval(timer);
      window.location.assign(done.getAttribute("data-kiosk-done"));
    }, 1000);
  }
  document.addEventListener("DOMContentLoaded", kioskCountdown);
  document.addEventListener("htmx:afterSwap", kioskCountdown);
  document.addEventListener("htmx:afterSwap", function () { setStatus(false); announce(); });
  // The display's poll sends the ETag of its last answer (pojok/polls.py): a 304 means nothing changed,
  // so nothing is swapped, and the connection is fine.
  var etags = {};
  document.addEventListener("htmx:configRequest", function (event) {
    if (etags[event.detail.path]) event.detail.headers["If-None-Match"] = etags[event.detail.path];
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 304) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      setStatus(false);
    } else if (xhr.status === 200 && xhr.getResponseHeader("ETag")) {
      etags[event.detail.requestConfig.path] = xhr.getResponseHeader("ETag");
    }
  });
  document.addEventListener("htmx:sendError", function () { setStatus(true); });
  document.addEventListener("htmx:responseError", function () { setStatus(true); });
})();
