// The lobby display and the kiosk, acting on the data- attributes of lobby/display.html and kiosk.html.
// The display shows when the connection is lost (htmx keeps polling and recovers by itself), chimes
// and speaks a new call, and remembers whether sound is off.
(function () {
  "use strict";

  var SOUND_KEY = "lobby.sound";
  var lastKey = null; // the call already announced ("" for none); the one shown on load is not repeated
  var audio = null;   // one AudioContext for the whole day: a new one per chime would leak

  function soundOn() { return window.localStorage.getItem(SOUND_KEY) !== "off"; }

  function showSound() {
    var button = document.querySelector("[data-sound-toggle]");
    if (!button) return;
    button.textContent = soundOn() ? "Suara: nyala" : "Suara: mati";
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
  // The kiosk: a tap while the POST is on its way shows "wait" instead of sending it twice; a tap
  // after a lost connection sends it again with the same key, which the server answers with the same number.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-kiosk-form]");
    if (!form) return;
    if (form.getAttribute("data-sending") === "1") { event.preventDefault(); return; }
    form.setAttribute("data-sending", "1");
    form.querySelector("[data-kiosk-wait]").classList.remove("d-none");
    window.setTimeout(function () { form.removeAttribute("data-sending"); }, 5000);
  });
  // Back to the form from the history (bfcache): it is not on its way any more.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[data-kiosk-form]").forEach(function (form) {
      form.removeAttribute("data-sending");
      form.querySelector("[data-kiosk-wait]").classList.add("d-none");
    });
  });
  document.addEventListener("htmx:afterSwap", function () { setStatus(false); announce(); });
  document.addEventListener("htmx:sendError", function () { setStatus(true); });
  document.addEventListener("htmx:responseError", function () { setStatus(true); });
})();
