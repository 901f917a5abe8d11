// Metodichka's conflict screen: settling each place where two people's edits overlap.
// The form works without this file (every choice is a radio button, every hand-written text a
// textarea, and the server assembles the page); this only hides the hand-written texts until
// they are chosen, offers "keep mine / theirs everywhere" and counts the places still to choose.
"use strict";

(function () {
  var form = document.getElementById("resolve-form");
  if (!form) {
    return;
  }
  var places = Array.prototype.slice.call(form.querySelectorAll("fieldset.overlap"));
  var status = document.getElementById("resolve-status");
  var all = document.getElementById("resolve-all");

  places.forEach(function (place) {
    place.addEventListener("change", function (event) {
      if (event.target.type === "radio") {
        update(place, event.target.value === "hand");
        count();
      }
    });
    update(place, false);
  });
  if (all) {
    all.hidden = false;
    all.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-take]");
      if (!button) {
        return;
      }
      var take = button.getAttribute("data-take");
      places.forEach(function (place) {
        var radio = place.querySelector("input[type=radio][value='" + take + "']");
        radio.checked = true;
        update(place, false);
      });
      count();
    });
  }
  count();

  // The hand-written text shows while "write by hand" is chosen, and gets the focus when chosen.
  function update(place, focus) {
    var hand = place.querySelector("input[type=radio][value=hand]");
    var field = place.querySelector(".overlap-hand");
    field.hidden = !hand.checked;
    if (hand.checked && focus) {
      field.querySelector("textarea").focus();
    }
  }

  function count() {
    var left = places.filter(function (place) {
      return !place.querySelector("input[type=radio]:checked");
    }).length;
    status.textContent = left === 0
      ? form.getAttribute("data-msg-done")
      : form.getAttribute("data-msg-left")
        .replace("{0}", String(left))
        .replace("{1}", String(places.length));
  }
})();
