// Structure screen (/c/{c}/structure): with scripts, a moderator also drags pages. A page dropped
// on the top of a row goes before it, on its middle inside it (as its last page), on its bottom
// after it; the whole tree is then sent to the API with the version it was made from (If-Match),
// and the screen reloads. Without scripts, the buttons of each row do the same a step at a time.
"use strict";

(function () {
  var root = document.getElementById("structure-tree");
  if (!root || root.getAttribute("data-arrange") !== "true") {
    return;
  }
  var status = document.getElementById("drag-status");
  var hint = document.getElementById("drag-hint");
  var csrfField = document.querySelector("form.arrange input[name=csrf]");
  var dragged = null;
  var MARKS = ["drop-before", "drop-inside", "drop-after"];

  if (hint) {
    hint.hidden = false;
  }
  root.querySelectorAll("li[data-slug]").forEach(function (item) {
    item.setAttribute("draggable", "true");
  });

  function row(event) {
    var item = event.target.closest ? event.target.closest("li[data-slug]") : null;
    return item && root.contains(item) ? item : null;
  }

  function where(item, event) {
    var box = item.querySelector(".structure-row").getBoundingClientRect();
    var y = (event.clientY - box.top) / Math.max(box.height, 1);
    return y < 0.3 ? "drop-before" : y > 0.7 ? "drop-after" : "drop-inside";
  }

  function clearMarks() {
    root.querySelectorAll("." + MARKS.join(", .")).forEach(function (item) {
      MARKS.forEach(function (mark) {
        item.classList.remove(mark);
      });
    });
  }

  root.addEventListener("dragstart", function (event) {
    dragged = row(event);
    if (dragged) {
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.getAttribute("data-slug"));
    }
  });
  root.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("dragging");
    }
    dragged = null;
    clearMarks();
  });
  root.addEventListener("dragover", function (event) {
    var target = row(event);
    if (!dragged || !target || dragged.contains(target)) {
      return;
    }
    event.preventDefault();
    clearMarks();
    target.classList.add(where(target, event));
  });
  root.addEventListener("drop", function (event) {
    var target = row(event);
    if (!dragged || !target || dragged.contains(target)) {
      return;
    }
    event.preventDefault();
    var place = where(target, event);
    clearMarks();
    if (place === "drop-before") {
      target.parentNode.insertBefore(dragged, target);
    } else if (place === "drop-after") {
      target.parentNode.insertBefore(dragged, target.nextSibling);
    } else {
      var list = target.querySelector(":scope > ol");
      if (!list) {
        list = document.createElement("ol");
        list.className = "structure";
        target.appendChild(list);
      }
      list.appendChild(dragged);
    }
    save();
  });

  function tree(list) {
    var nodes = [];
    Array.prototype.forEach.call(list.children, function (item) {
      if (item.matches("li[data-slug]")) {
        var children = item.querySelector(":scope > ol");
        nodes.push({
          slug: item.getAttribute("data-slug"),
          children: children ? tree(children) : []
        });
      }
    });
    return nodes;
  }

  function say(text) {
    if (status) {
      status.hidden = false;
      status.textContent = text;
    }
  }

  function save() {
    say(status ? status.getAttribute("data-saving") : "");
    fetch(root.getAttribute("data-api"), {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRF-Token": csrfField ? csrfField.value : "",
        "If-Match": '"' + root.getAttribute("data-version") + '"'
      },
      body: JSON.stringify(tree(root))
    }).then(function (response) {
      if (response.ok) {
        window.location.replace(window.location.pathname + "?done=arranged");
        return null;
      }
      return response.json().then(function (problem) {
        say((status ? status.getAttribute("data-failed") : "") + " " + (problem.detail || ""));
      });
    }).catch(function () {
      say(status ? status.getAttribute("data-failed") : "");
    });
  }
})();
