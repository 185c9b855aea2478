// Live preview of a TDAG report's narrative (staff narrative page): as staff type, the page's
// form is sent, after a pause, to the preview address into the preview frame, which shows the
// whole document with the unsaved text. Nothing is saved. Without JavaScript the button
// "Preview these changes" does the same. No inline script: the page's CSP allows 'self' only.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-preview]");
  if (!form) { return; }
  var frame = document.getElementById(form.getAttribute("data-live-preview"));
  var button = document.getElementById("preview-button");
  if (!frame || !button || !form.requestSubmit) { return; }
  var WAIT = 800;
  var timer = null;
  var scroll = 0;

  function refresh() {
    timer = null;
    try { scroll = frame.contentWindow.scrollY; } catch (e) { scroll = 0; }
    form.requestSubmit(button);
  }

  form.addEventListener("input", function () {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(refresh, WAIT);
  });
  frame.addEventListener("load", function () {
    try { frame.contentWindow.scrollTo(0, scroll); } catch (e) { /* another origin: leave it */ }
  });
}());
