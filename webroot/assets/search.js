// Search box: titles that start with what is typed are offered in the box's datalist, so the
// browser shows them as the user types. Without scripts the box is a plain search field.
"use strict";

(function () {
  var input = document.getElementById("q");
  var list = document.getElementById("title-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = "";

  function fill(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.title;
      list.appendChild(option);
    });
  }

  function suggest() {
    var text = input.value.trim();
    if (text.length < 2 || text === asked) {
      return;
    }
    asked = text;
    fetch("/api/search/suggest?q=" + encodeURIComponent(text), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (body) {
        // An answer to an older question arrives late: keep the newer one.
        if (asked === text) {
          fill(body.items || []);
        }
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
})();
