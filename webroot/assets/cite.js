// «Как цитировать» under a page: a button that copies the reference, with today's date of access
// (the page may have been cached on an earlier day).
(function () {
  "use strict";
  var text = document.getElementById("citation-text");
  var button = document.getElementById("citation-copy");
  if (!text || !button || !navigator.clipboard) {
    return;
  }
  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return two(d.getDate()) + "." + two(d.getMonth() + 1) + "." + d.getFullYear();
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var reference = text.textContent.replace(text.getAttribute("data-accessed"), today());
    navigator.clipboard.writeText(reference).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied");
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
