// Metodichka: small progressive enhancements. Every page works without this file.
"use strict";

(function () {
  // A form or button with data-confirm asks before it acts (revert, end membership).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
