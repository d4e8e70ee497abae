// Asks before a destructive action: a form with data-confirm="…" is sent only when the person confirms. The
// browser's own confirm dialog takes the keyboard focus and is read out by screen readers; it works for a
// submission by Enter as well as by a click, since it listens for the form's submit, not the button's click.
// Without JavaScript the form is sent as before: the server still checks everything it checks.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var text = (event.submitter && event.submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
  if (text && !window.confirm(text)) event.preventDefault();
}, true);
