// Admin › Search: while the index is being rebuilt, the page reloads itself to show progress.
"use strict";

(function () {
  if (document.querySelector("#rebuild-progress[data-running]")) {
    setTimeout(function () { window.location.replace("/admin/search"); }, 1500);
  }
})();
