// The import screens: a chosen CSV file is read into the text box (UTF-8; a byte order mark is
// dropped by the server). Without this file the text box is pasted into by hand.
"use strict";

(function () {
  var input = document.getElementById("import-file");
  if (!input || !window.FileReader) {
    return;
  }
  document.getElementById("import-file-row").hidden = false;
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById(input.getAttribute("data-target")).value = reader.result;
    };
    reader.readAsText(file, "UTF-8");
  });
})();
