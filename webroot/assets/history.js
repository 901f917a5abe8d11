// History screen: with scripts, "restore this revision" asks in place (data-confirm, app.js) and
// posts at once; without them it stays a link to the confirmation page.
"use strict";

(function () {
  document.querySelectorAll(".history form.revert[hidden]").forEach(function (form) {
    form.hidden = false;
    var link = form.parentNode.querySelector(".revert-link");
    if (link) {
      link.hidden = true;
    }
  });
})();
