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
})();
