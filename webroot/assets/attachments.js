// Files of a page (/c/{c}/{slug}/files): the upload form sends the chosen file to the API as
// multipart (the server streams it into PostgreSQL), with the page's CSRF token, then reloads the
// list. A file over the limit is refused before it is sent.
"use strict";

(function () {
  var form = document.getElementById("upload-form");
  if (!form) {
    return;
  }
  var input = document.getElementById("upload-file");
  var status = document.getElementById("upload-status");
  var button = document.getElementById("upload-button");

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (file.size > Number(form.getAttribute("data-max"))) {
      say(form.getAttribute("data-too-large"));
      return;
    }
    var body = new FormData();
    body.append("file", file, file.name);
    button.disabled = true;
    say("…");
    fetch(form.getAttribute("data-api"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": form.getAttribute("data-csrf"), Accept: "application/json" }
    })
      .then(function (response) {
        if (response.ok) {
          window.location.reload();
          return null;
        }
        return response.json().then(
          function (problem) {
            say(problem.detail || problem.title || form.getAttribute("data-failed"));
          },
          function () {
            say(form.getAttribute("data-failed"));
          }
        );
      })
      .catch(function () {
        say(form.getAttribute("data-failed"));
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
