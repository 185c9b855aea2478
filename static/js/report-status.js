// Polls a TDAG report's status (staff detail page) and reloads once it is finished.
// No inline script: the page's CSP allows scripts from 'self' only. Without JavaScript the
// page refreshes itself through <noscript><meta http-equiv="refresh"></noscript>.
(function () {
  "use strict";
  var box = document.getElementById("report-status");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-status-url");
  var pending = ["queued", "running"];

  function show(data) {
    var label = box.querySelector("[data-field=status_label]");
    var percent = box.querySelector("[data-field=progress]");
    var bar = box.querySelector("progress");
    if (label) { label.textContent = data.status_label; }
    if (percent) { percent.textContent = String(data.progress); }
    if (bar) { bar.value = data.progress; bar.textContent = data.progress + " %"; }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (data) {
        show(data);
        if (pending.indexOf(data.status) === -1) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }

  if (pending.indexOf(box.getAttribute("data-status")) !== -1) {
    window.setTimeout(poll, 2000);
  }
}());
