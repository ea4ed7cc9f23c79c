// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var group = field.closest(".govuk-form-group") || field;
      group.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // Copy buttons on staff pages are hidden in the markup and shown only where the browser
  // can copy (the clipboard needs https or localhost); the text stays selectable anyway.
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (!source || !status) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        // Emptied first, so that a second click is announced again.
        status.textContent = "";
        var text = "value" in source ? source.value : source.innerText;
        navigator.clipboard.writeText(text.trim()).then(
          function () { status.textContent = button.getAttribute("data-copied"); },
          function () { status.textContent = button.getAttribute("data-copy-failed"); }
        );
      });
    });
  }

  // A bewaarcode's QR code opens /verder/#CODE: the code stays in the fragment, which never
  // reaches a server or a log. Fill the field from it, then take it out of the address bar.
  var codeField = document.querySelector("[data-code-from-fragment]");
  var fragment = decodeURIComponent(window.location.hash.slice(1));
  if (codeField && /^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/.test(fragment)) {
    codeField.value = fragment;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
})();
