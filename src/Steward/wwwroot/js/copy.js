// Copy buttons on the credential page: copies the named field's value to the clipboard, and says so
// to screen readers through the page's status region.
document.querySelectorAll("button.steward-copy").forEach(function (button) {
  // Read once: a second click while the button says "Copied" must not make that its label.
  var label = button.textContent;
  button.addEventListener("click", function () {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    var status = document.getElementById("copy-status");
    var done = function () {
      button.textContent = "Copied";
      var what = label.replace(/^Copy /, "");
      if (status) status.textContent = what.charAt(0).toUpperCase() + what.slice(1) + " copied to the clipboard.";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand("copy"); done(); });
    } else {
      field.select(); document.execCommand("copy"); done();
    }
  });
});
