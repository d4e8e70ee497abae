// Moves focus to a form's error summary when the page comes back with errors, so a screen reader reads
// it first and keyboard users start from its links to the fields (the USWDS and GOV.UK pattern). A link
// focuses its field and scrolls its label into view: a bare #id link would scroll without moving focus.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
