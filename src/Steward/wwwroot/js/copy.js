// Copy buttons on the credential page: copies the named field's value to the clipboard.
document.querySelectorAll("button.steward-copy").forEach(function (button) {
  button.addEventListener("click", function () {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    var done = function () { var label = button.textContent; button.textContent = "Copied"; setTimeout(function () { button.textContent = label; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand("copy"); done(); });
    } else {
      field.select(); document.execCommand("copy"); done();
    }
  });
});
