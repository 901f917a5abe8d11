// Search boxes (input[data-suggest]): titles that match what is typed are offered in a list under
// the box, as the ARIA combobox pattern describes. Down and Up move through them, Enter opens the
// chosen page, Escape closes the list; Enter with nothing chosen searches as before. Without
// scripts the box is a plain search form.
"use strict";

(function () {
  if (!window.fetch) {
    return;
  }
  var MIN_CHARS = 2;
  var DELAY_MS = 150;

  function pagePath(item) {
    return "/c/" + encodeURIComponent(item.community) + "/" + encodeURIComponent(item.slug);
  }

  function enhance(input) {
    var form = input.form;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var items = [];
    var active = -1;
    var asked = "";
    var timer = null;
    list.id = (input.id || "search") + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var options = list.children;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function option(item, i) {
      var li = document.createElement("li");
      var community = document.createElement("span");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.title;
      community.className = "suggestion-community";
      community.textContent = item.communityName;
      li.appendChild(community);
      li.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the box until the click opens the page
      });
      li.addEventListener("click", function () {
        window.location.href = pagePath(item);
      });
      return li;
    }

    function show(found) {
      items = found;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      items.forEach(function (item, i) {
        list.appendChild(option(item, i));
      });
      var open = items.length > 0 && document.activeElement === input;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = open
        ? (input.getAttribute("data-suggest-hint") || "").replace("{n}", items.length)
        : "";
    }

    function suggest() {
      var text = input.value.trim();
      if (text.length < MIN_CHARS) {
        asked = "";
        show([]);
        return;
      }
      if (text === asked) {
        return;
      }
      asked = text;
      fetch("/api/search/suggest?q=" + encodeURIComponent(text), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (body) {
          // An answer to an older question arrives late: keep the newer one.
          if (asked === text) {
            show(body.items || []);
          }
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        if (!open) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        // Past either end of the list, the focus is back in the box itself (-1).
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= items.length) {
          next = -1;
        } else if (next < -1) {
          next = items.length - 1;
        }
        choose(next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.href = pagePath(items[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
    if (form) {
      form.addEventListener("submit", close);
    }
  }

  var boxes = document.querySelectorAll("input[data-suggest]");
  for (var i = 0; i < boxes.length; i++) {
    enhance(boxes[i]);
  }
})();
