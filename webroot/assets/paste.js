// Paste from Word, LibreOffice and Google Docs into the Markdown editor: when the clipboard holds
// HTML, the server converts it (sanitised, then flexmark's html2md: headings, bold and italic,
// lists, tables, links) and the Markdown is inserted where the cursor is. Plain text pastes as
// the browser pastes it.
(function () {
  "use strict";
  var textarea = document.getElementById("markdown");
  if (!textarea) {
    return;
  }
  function csrfToken() {
    var field = textarea.form && textarea.form.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }
  function insert(text) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    textarea.setRangeText(text, start, end, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  textarea.addEventListener("paste", function (event) {
    var data = event.clipboardData;
    if (!data || data.types.indexOf("text/html") < 0) {
      return;
    }
    var html = data.getData("text/html");
    var plain = data.getData("text/plain");
    if (!html) {
      return;
    }
    event.preventDefault();
    fetch("/api/convert/html", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify({ html: html })
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (json) {
        insert(json.markdown);
      })
      .catch(function () {
        insert(plain);
      });
  });
})();
