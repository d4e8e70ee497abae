// Moves focus to a form's error summary when the page comes back with errors, so a screen reader reads
// it first and keyboard users start from its links to the fields (USWDS and GOV.UK pattern).
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
