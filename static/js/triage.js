// The Kasubbag's routing form: the suggestion follows the keperluan as it is edited, the topic and
// staff lists follow the chosen Bidang, and the reason field is asked for when the choice differs
// from the top suggestion. The server checks all of it again; this only saves the Kasubbag time.
(function () {
  "use strict";

  function renderSuggestions(list, suggestions) {
    list.replaceChildren();
    suggestions.forEach(function (s, index) {
      var item = document.createElement("li");
      item.className = "mb-1" + (index === 0 ? " fw-semibold" : "");
      item.dataset.bidangId = s.bidang_id === null ? "" : String(s.bidang_id);
      var badge = document.createElement("span");
      badge.className = "badge " + (index === 0 ? "text-bg-success" : "text-bg-light border");
      badge.textContent = s.bidang_name;
      item.appendChild(badge);
      if (s.topic) item.appendChild(document.createTextNode(" " + s.topic + " "));
      var reason = document.createElement("span");
      reason.className = "small text-muted";
      reason.textContent = " " + s.reason;
      item.appendChild(reason);
      list.appendChild(item);
    });
  }

  function narrow(select, bidangId) {
    // Options of other Bidang are hidden; a chosen one that no longer fits is cleared.
    Array.prototype.forEach.call(select.options, function (option) {
      var fits = !option.dataset.bidang || option.dataset.bidang === bidangId;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) select.value = "";
    });
  }

  function setup(form) {
    var input = form.querySelector("[data-suggest-input]");
    var bidang = form.querySelector("[data-route-bidang]");
    var topic = form.querySelector("select[name=topic]");
    var staff = form.querySelector("select[name=assigned_to]");
    var reasonBox = form.querySelector("[data-override-box]");
    var list = form.querySelector("[data-suggestions]");
    var touched = bidang.value !== form.dataset.suggestedBidang; // once the Kasubbag picks a Bidang by hand, the suggestion no longer moves it
    var timer = null, latest = 0;

    function refresh() {
      var chosen = bidang.value;
      narrow(topic, chosen);
      narrow(staff, chosen);
      Array.prototype.forEach.call(form.querySelectorAll("[data-officials-of]"), function (panel) {
        panel.hidden = panel.dataset.officialsOf !== chosen;
      });
      var differs = chosen !== "" && chosen !== form.dataset.suggestedBidang;
      reasonBox.hidden = !differs && !reasonBox.querySelector(".is-invalid");
    }

    function apply(data) {
      var top = data.suggestions[0];
      form.dataset.suggestedBidang = top && top.bidang_id !== null ? String(top.bidang_id) : "";
      renderSuggestions(list, data.suggestions);
      if (!touched && top) {
        bidang.value = form.dataset.suggestedBidang;
        topic.value = top.topic_id === null ? "" : String(top.topic_id);
      }
      refresh();
    }

    function ask() {
      var ticket = ++latest;
      var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value);
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && ticket === latest) apply(data); })
        .catch(function () { /* the form still works without the live suggestion */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 300);
    });
    bidang.addEventListener("change", function () { touched = true; refresh(); });
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-suggest-url]").forEach(setup);
  });
})();
