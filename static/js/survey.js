// The survey questionnaire: counts the questions answered and, on a phone, moves on to the next one.
// No inline scripts: the page marks its parts with data- attributes and this file acts on them.
(function () {
  "use strict";

  function questions(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-survey-question]"));
  }

  function update(form) {
    var answered = questions(form).filter(function (q) { return q.querySelector("input:checked"); }).length;
    var counter = form.querySelector("[data-survey-answered]");
    if (counter) counter.textContent = String(answered);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-survey-form]");
    if (!form) return;
    update(form);
    form.addEventListener("change", function (event) {
      update(form);
      var question = event.target.closest("[data-survey-question]");
      if (!question) return;
      question.classList.remove("has-error");
      var list = questions(form), next = list[list.indexOf(question) + 1];
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (next && !next.querySelector("input:checked")) next.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
    });
  });
})();
