// Files in the page editor: images pasted or dropped into the text, the «Рисунок» button, and
// «Импорт из Word». A file is sent at once: on a saved page it becomes one of the page's files (the
// attachments API); on a page not saved yet it is kept for the page (the pending files API, under a
// token the form carries) and becomes the page's when the page is saved. Either way the text gets
// ![…](attachment:name) where the caret is. The visual mode uses the same sending (editor.js
// passes MetodichkaFiles.upload and MetodichkaFiles.address to it).
(function () {
  "use strict";
  var form = document.getElementById("editor-form");
  var area = document.getElementById("markdown");
  if (!form || !area) {
    return;
  }
  var filesApi = form.getAttribute("data-files-api");
  var pendingApi = form.getAttribute("data-pending-api");
  var importApi = form.getAttribute("data-import-api");
  var tokenField = document.getElementById("pending-files");
  var status = document.getElementById("files-status");
  var pendingNames = {};
  var TYPES = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

  function message(name) {
    return form.getAttribute("data-msg-" + name) || "";
  }

  function say(text) {
    if (status) {
      status.textContent = text;
      status.hidden = !text;
    }
  }

  function csrf() {
    var field = form.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }

  function token() {
    return tokenField ? tokenField.value : "";
  }

  function keepToken(value) {
    if (tokenField && value) {
      tokenField.value = value;
    }
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf(), Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          json.status = response.status;
          throw json;
        }
        return json;
      });
    });
  }

  function failure(problem) {
    if (problem && problem.status === 413) {
      return message("too-large");
    }
    var detail = problem && (problem.errors && problem.errors.length
      ? problem.errors[0].message : problem.detail || problem.title);
    return message("upload-failed") + (detail ? ": " + detail : "");
  }

  /**
   * A reference to a page's file as a Markdown destination: spaces, brackets, backslashes and
   * percent signs escaped (the server's renderer takes no spaces in a destination).
   */
  function destination(name) {
    return "attachment:" + name.replace(/[\s()<>\[\]%\\]/g, function (c) {
      var code = c.charCodeAt(0);
      return code < 128 ? "%" + (code < 16 ? "0" : "") + code.toString(16).toUpperCase()
        : encodeURIComponent(c);
    });
  }

  function baseName(name) {
    var dot = name.lastIndexOf(".");
    return (dot > 0 ? name.slice(0, dot) : name).replace(/[\[\]\\]/g, " ").trim();
  }

  /** A pasted image's own name says nothing ("image.png"): it is named by the moment. */
  function pastedName(file, index) {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var stamp = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()) +
      "-" + two(now.getHours()) + two(now.getMinutes()) + two(now.getSeconds());
    return message("pasted-name") + "-" + stamp + (index > 0 ? "-" + (index + 1) : "") + "." +
      (TYPES[file.type] || "png");
  }

  /**
   * Sends one file under a name; resolves to {src, alt, image, name}: src the file's reference
   * ("attachment:name", escaped), image true when the page shows it as a picture.
   */
  function upload(file, name) {
    name = name || file.name || pastedName(file, 0);
    var body = new FormData();
    body.append("file", file, name);
    var url = filesApi
      ? filesApi + "?name=" + encodeURIComponent(name)
      : pendingApi + "?name=" + encodeURIComponent(name) +
        (token() ? "&token=" + encodeURIComponent(token()) : "");
    say(message("uploading"));
    return post(url, body).then(function (sent) {
      if (!filesApi) {
        keepToken(sent.token);
        pendingNames[sent.name.toLowerCase()] = true;
      }
      say(filesApi ? message("uploaded") : message("kept"));
      return { src: destination(sent.name), alt: baseName(sent.name), image: !!sent.preview,
        name: sent.name };
    }, function (problem) {
      say(failure(problem));
      throw problem;
    });
  }

  /** Where the visual mode shows an image from: a page's file by its preview. */
  function address(src) {
    if (!src || src.indexOf("attachment:") !== 0) {
      return src;
    }
    var name = src.slice("attachment:".length);
    try {
      name = decodeURIComponent(name);
    } catch (e) {
      // a lone '%' is part of the name
    }
    if (pendingNames[name.toLowerCase()] && token()) {
      return pendingApi + "/" + encodeURIComponent(token()) + "/" + encodeURIComponent(name) +
        "/preview";
    }
    return filesApi ? filesApi + "/" + encodeURIComponent(name) + "/preview" : src;
  }

  function markdownOf(sent) {
    return sent.image
      ? "![" + sent.alt + "](" + sent.src + ")"
      : "[" + sent.name.replace(/[\[\]\\]/g, " ") + "](" + sent.src + ")";
  }

  /** Inserts text at the caret (replacing the selection), as typing would (Ctrl+Z undoes it). */
  function insert(text) {
    area.focus();
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var done = false;
    try {
      done = document.execCommand("insertText", false, text);
    } catch (e) {
      done = false;
    }
    if (!done || area.value.slice(start, start + text.length) !== text) {
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  /** Sends the files one after another, inserting each as it is stored. */
  function sendAll(files, named) {
    var chain = Promise.resolve();
    files.forEach(function (file, i) {
      chain = chain.then(function () {
        return upload(file, named ? pastedName(file, i) : file.name).then(function (sent) {
          var visual = window.MetodichkaEditor && window.MetodichkaEditor.visual();
          if (visual && sent.image) {
            visual.image(sent.src, sent.alt);
          } else {
            insert(markdownOf(sent) + (sent.image ? "\n" : ""));
          }
        });
      });
    });
    return chain.catch(function () {});
  }

  function images(list) {
    return Array.prototype.filter.call(list || [], function (file) {
      return /^image\//.test(file.type);
    });
  }

  // A screenshot or a copied picture comes as a file; text copied with a picture (Word puts one
  // beside its text) comes with text, which paste.js converts instead.
  area.addEventListener("paste", function (event) {
    var data = event.clipboardData;
    var files = data ? images(data.files) : [];
    if (files.length === 0 || data.types.indexOf("text/plain") >= 0) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    sendAll(files, true);
  });

  area.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
    }
  });

  area.addEventListener("drop", function (event) {
    var files = event.dataTransfer ? Array.prototype.slice.call(event.dataTransfer.files) : [];
    if (files.length === 0) {
      return;
    }
    event.preventDefault();
    sendAll(files, false);
  });

  // ---- «Рисунок» and «Импорт из Word»: files chosen with the system's dialog. ----

  var tools = document.getElementById("file-tools");
  if (tools) {
    tools.hidden = false;
  }
  var picker = document.getElementById("image-file");
  var imageButton = document.getElementById("insert-image");
  if (picker && imageButton) {
    imageButton.addEventListener("click", function () { picker.click(); });
    picker.addEventListener("change", function () {
      sendAll(Array.prototype.slice.call(picker.files), false).then(function () {
        picker.value = "";
      });
    });
  }

  var docx = document.getElementById("import-docx");
  var importButton = document.getElementById("import-word-button");
  if (docx && importButton) {
    importButton.addEventListener("click", function () { docx.click(); });
    docx.addEventListener("change", function () {
      var file = docx.files[0];
      if (file) {
        importWord(file).then(function () { docx.value = ""; });
      }
    });
  }

  /**
   * A Word document's text goes where the caret is (the whole text when the page is empty; select
   * everything first to replace it); its pictures are kept for the page with the form's token.
   */
  function importWord(file) {
    var body = new FormData();
    body.append("file", file, file.name);
    var url = importApi + (token() ? "?pending=" + encodeURIComponent(token()) : "");
    say(message("importing"));
    return post(url, body).then(function (imported) {
      keepToken(imported.pending);
      imported.images.forEach(function (image) {
        pendingNames[image.name.toLowerCase()] = true;
      });
      if (window.MetodichkaEditor && window.MetodichkaEditor.visual()) {
        // The document arrives as Markdown: shown where it can be read as written.
        document.getElementById("mode-markdown").click();
      }
      var title = document.getElementById("title");
      if (title && title.value.trim() === "") {
        title.value = imported.title;
      }
      insert(imported.markdown);
      showWarnings(imported.warnings);
      say(message("imported"));
    }, function (problem) {
      say(failure(problem));
    });
  }

  function showWarnings(warnings) {
    var box = document.getElementById("import-warnings-box");
    var list = document.getElementById("import-warnings");
    if (!box || !list) {
      return;
    }
    list.textContent = "";
    warnings.forEach(function (warning) {
      var li = document.createElement("li");
      li.textContent = warning;
      list.appendChild(li);
    });
    box.hidden = warnings.length === 0;
  }

  window.MetodichkaFiles = {
    upload: function (file) {
      return upload(file, /^image\//.test(file.type) && /^image\.\w+$/.test(file.name)
        ? pastedName(file, 0) : file.name);
    },
    address: address,
    uploading: message("uploading")
  };
})();
