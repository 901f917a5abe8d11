// «Импорт из Word»: the chosen .docx goes to the API as a multipart file, its Markdown is shown
// as the page would render it (the editor's preview API, with the document's pictures, which the
// server keeps for the page under a token) with the warnings, and «Открыть в редакторе» posts
// title, text and token to the new-page editor. Nothing is saved until the editor saves; saving
// attaches the pictures to the page.
(function () {
  "use strict";
  var box = document.getElementById("word-import");
  if (!box) {
    return;
  }
  var community = box.getAttribute("data-community");
  var csrf = box.getAttribute("data-csrf");
  var input = document.getElementById("docx");
  var status = document.getElementById("import-status");
  var result = document.getElementById("import-result");

  function api(path, options) {
    options.credentials = "same-origin";
    options.headers["X-CSRF-Token"] = csrf;
    return fetch("/api/communities/" + encodeURIComponent(community) + path, options).then(
      function (response) {
        return response.json().then(function (json) {
          if (!response.ok) {
            throw json;
          }
          return json;
        });
      }
    );
  }

  function failed(problem) {
    var text = box.getAttribute("data-failed");
    if (problem && problem.errors && problem.errors.length) {
      text += ": " + problem.errors[0].message;
    } else if (problem && problem.title) {
      text += ": " + problem.title;
    }
    status.textContent = text;
  }

  function show(imported, html) {
    document.getElementById("import-title").value = imported.title;
    document.getElementById("import-markdown").value = imported.markdown;
    document.getElementById("import-pending").value = imported.pending || "";
    document.getElementById("import-preview").innerHTML = html; // sanitised by the server
    var list = document.getElementById("import-warnings");
    list.textContent = "";
    imported.warnings.forEach(function (warning) {
      var li = document.createElement("li");
      li.textContent = warning;
      list.appendChild(li);
    });
    document.getElementById("import-warnings-box").hidden = imported.warnings.length === 0;
    result.hidden = false;
    status.textContent = "";
  }

  input.addEventListener("change", function () {
    var file = input.files[0];
    if (!file) {
      return;
    }
    status.textContent = box.getAttribute("data-working");
    result.hidden = true;
    var body = new FormData();
    body.append("file", file, file.name);
    api("/import", { method: "POST", headers: {}, body: body })
      .then(function (imported) {
        return api("/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ markdown: imported.markdown, pending: imported.pending || "" })
        }).then(function (preview) {
          show(imported, preview.html);
        });
      })
      .catch(failed);
  });
})();
