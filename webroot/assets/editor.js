// Metodichka's page editor: toolbar, live preview, drafts kept in the browser, fresh CSRF tokens.
// The form works without this file; everything here only makes it nicer and safer to use.
"use strict";

(function () {
  var DRAFT_PREFIX = "metodichka:draft:";
  // Set when a form is submitted; the page screen after a successful save clears that draft.
  var PENDING_KEY = "metodichka:draft-submitted";

  var storage = (function () {
    try {
      var probe = "metodichka:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; // private mode or storage disabled: the editor still works, without drafts
    }
  })();

  clearSavedDraft();
  var form = document.getElementById("editor-form");
  if (!form) {
    return;
  }
  var fields = {
    title: document.getElementById("title"),
    kind: document.getElementById("kind"),
    markdown: document.getElementById("markdown"),
    summary: document.getElementById("summary"),
    baseRevision: document.getElementById("base-revision")
  };
  var draftKey = DRAFT_PREFIX + form.getAttribute("data-draft-key");

  // For editor-files.js: images go into the visual document while it is shown.
  window.MetodichkaEditor = { visual: function () { return visual; } };

  setUpToolbar();
  setUpModes();
  setUpPreview();
  setUpLeaving();
  setUpDrafts();
  keepCsrfFresh();

  // ---- Toolbar: Markdown around the selected text or before the caret, never left selected. ----

  function setUpToolbar() {
    var toolbar = document.getElementById("toolbar");
    if (!toolbar) {
      return;
    }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (button) {
        applyFormat(button.getAttribute("data-md"));
      }
    });
    fields.markdown.addEventListener("keydown", function (event) {
      if (event.isComposing || event.altKey) {
        return;
      }
      var key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey) {
        // By the physical key too, so the shortcuts work with the Russian layout (Ctrl+И is Ctrl+B).
        var kind = SHORTCUTS[key] || SHORTCUTS[event.code];
        if (kind) {
          event.preventDefault();
          applyFormat(kind);
        }
        return;
      }
      if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
        if (continueList()) {
          event.preventDefault();
        }
      }
    });
  }

  var SHORTCUTS = { b: "bold", i: "italic", k: "link", KeyB: "bold", KeyI: "italic", KeyK: "link" };

  function applyFormat(kind) {
    if (visual) {
      return visualFormat(kind);
    }
    var area = fields.markdown;
    var selected = area.value.slice(area.selectionStart, area.selectionEnd);
    switch (kind) {
      case "bold": return wrap("**", "**");
      case "italic": return wrap("*", "*");
      case "code": return selected.indexOf("\n") >= 0 ? fence() : wrap("`", "`");
      case "link": return selected === ""
        ? insertAt("[", "](https://)") // the caret between the brackets: type the link's text
        : wrap("[", "](", ")");        // the caret where the address goes
      case "wikilink": return wrap("[[", "]]");
      case "heading": return prefixLines(function () { return "## "; }, /^#{1,6}\s+/);
      case "list": return prefixLines(function () { return "- "; }, LIST_MARKER);
      case "numbered": return prefixLines(function (i) { return (i + 1) + ". "; }, LIST_MARKER);
      case "quote": return prefixLines(function () { return "> "; }, null);
      case "table": return insertTable();
    }
  }

  var LIST_MARKER = /^([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/;

  /**
   * Puts before and after around the selection. With a selection, the caret ends after the whole
   * (or, with a third part, between the second and the third: a link's address); without one,
   * between the two, so what is typed next is inside.
   */
  function wrap(before, middle, after) {
    var area = fields.markdown;
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var selected = area.value.slice(start, end);
    if (selected === "") {
      return insertAt(before, middle + (after || ""));
    }
    var text = before + selected + middle + (after || "");
    replaceRange(start, end, text, start + text.length - (after || "").length);
  }

  /** Inserts before + after at the caret, the caret between them. */
  function insertAt(before, after) {
    var area = fields.markdown;
    var start = area.selectionStart;
    replaceRange(start, area.selectionEnd, before + after, start + before.length);
  }

  function fence() {
    var area = fields.markdown;
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var lead = start === 0 || area.value.charAt(start - 1) === "\n" ? "" : "\n";
    var text = lead + "```\n" + area.value.slice(start, end).replace(/\n$/, "") + "\n```\n";
    replaceRange(start, end, text, start + text.length);
  }

  /**
   * Puts a marker before each line the selection touches (the caret's line when nothing is
   * selected), replacing a marker of the same family; the caret stays on the same text.
   */
  function prefixLines(marker, replaces) {
    var area = fields.markdown;
    var value = area.value;
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var lineStart = value.lastIndexOf("\n", start - 1) + 1;
    var lineEnd = value.indexOf("\n", end > start && value.charAt(end - 1) === "\n" ? end - 1 : end);
    if (lineEnd < 0) {
      lineEnd = value.length;
    }
    var lines = value.slice(lineStart, lineEnd).split("\n");
    var shift = 0;
    var out = lines.map(function (line, i) {
      var old = replaces ? (line.match(replaces) || [""])[0] : "";
      var added = marker(i);
      if (i === 0) {
        shift = added.length - old.length;
      }
      return added + line.slice(old.length);
    }).join("\n");
    var caret = lines.length === 1
      ? Math.max(lineStart + marker(0).length, start + shift)
      : lineStart + out.length;
    replaceRange(lineStart, lineEnd, out, caret);
  }

  function insertTable() {
    var area = fields.markdown;
    var start = area.selectionStart;
    var before = area.value.slice(0, start);
    var lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    var head = "| " + form.getAttribute("data-msg-column") + " 1 | " +
      form.getAttribute("data-msg-column") + " 2 |\n| --- | --- |\n| ";
    replaceRange(start, area.selectionEnd, lead + head + " |  |\n", start + lead.length + head.length);
  }

  /** Enter on a list item starts the next one; on an empty item, ends the list. */
  function continueList() {
    var area = fields.markdown;
    var value = area.value;
    var caret = area.selectionStart;
    if (caret !== area.selectionEnd) {
      return false;
    }
    var lineStart = value.lastIndexOf("\n", caret - 1) + 1;
    var line = value.slice(lineStart, caret);
    var match = line.match(/^(\s*(?:>\s*)*)([-*+]|(\d{1,9})([.)]))(\s+)(\[[ xX]\]\s+)?/);
    if (!match) {
      return false;
    }
    var rest = value.slice(caret, (value.indexOf("\n", caret) + 1 || value.length + 1) - 1);
    if (line.length === match[0].length && rest.trim() === "") {
      // An empty item: the list ends here.
      replaceRange(lineStart, caret, "", lineStart);
      return true;
    }
    var next = match[3] ? (parseInt(match[3], 10) + 1) + match[4] : match[2];
    var text = "\n" + match[1] + next + match[5] + (match[6] ? "[ ] " : "");
    replaceRange(caret, caret, text, caret + text.length);
    return true;
  }

  /**
   * Replaces [start, end) with text and puts the caret at {@code caret}. Through the browser's
   * own editing, so Ctrl+Z undoes it; fires "input" like typing does.
   */
  function replaceRange(start, end, text, caret) {
    var area = fields.markdown;
    area.focus();
    area.setSelectionRange(start, end);
    var done = false;
    try {
      if (text !== "") {
        done = document.execCommand("insertText", false, text);
      } else {
        done = start === end || document.execCommand("delete", false);
      }
    } catch (e) {
      done = false;
    }
    if (!done || area.value.slice(start, start + text.length) !== text) {
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    area.setSelectionRange(caret, caret);
  }

  // ---- Visual mode: the same Markdown, edited as the page looks. ----

  var visual = null; // the mounted visual editor, while in the visual mode
  var switching = false;

  function setUpModes() {
    var modes = document.getElementById("editor-modes");
    if (!modes) {
      return;
    }
    modes.hidden = false;
    document.getElementById("mode-markdown").addEventListener("click", function () {
      if (visual) {
        toMarkdown();
      }
    });
    document.getElementById("mode-visual").addEventListener("click", function () {
      if (!visual && !switching) {
        toVisual();
      }
    });
    form.addEventListener("submit", function () {
      if (visual) {
        fields.markdown.value = visual.markdown();
      }
    });
  }

  function modeStatus(text) {
    document.getElementById("mode-status").textContent = text;
  }

  function pressed(isVisual) {
    document.getElementById("mode-markdown").setAttribute("aria-pressed", String(!isVisual));
    document.getElementById("mode-visual").setAttribute("aria-pressed", String(isVisual));
    form.classList.toggle("visual-mode", isVisual);
  }

  /** Loads the bundle (and its styles) once, on the first switch. */
  var loading = null;
  function loadVisual() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.MetodichkaVisual) {
          return resolve(window.MetodichkaVisual);
        }
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = form.getAttribute("data-visual-css");
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = form.getAttribute("data-visual-js");
        script.onload = function () { resolve(window.MetodichkaVisual); };
        script.onerror = function () { loading = null; reject(new Error("not loaded")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /**
   * Switches to the visual mode only when the round trip keeps the page: the Markdown the visual
   * editor would write back must render (by the server, as the page) to the same HTML.
   */
  function toVisual() {
    switching = true;
    var markdown = fields.markdown.value;
    modeStatus(form.getAttribute("data-msg-mode-checking"));
    return loadVisual()
      .then(function (lib) {
        return lib.check(markdown, renderHtml).then(function (result) {
          if (fields.markdown.value !== markdown) {
            modeStatus(""); // typed meanwhile: stay, the next click checks again
            return;
          }
          if (result.difference !== null) {
            var why = result.difference === "unreadable"
              ? form.getAttribute("data-msg-mode-unreadable") : result.difference;
            modeStatus(form.getAttribute("data-msg-mode-refused").replace("{0}", why));
            return;
          }
          return mountVisual(lib, markdown);
        });
      })
      .catch(function () {
        modeStatus(form.getAttribute("data-msg-mode-failed"));
      })
      .then(function () { switching = false; });
  }

  /**
   * What the preview API renders: the text, the page whose files it may show, and the files kept
   * for the page until it is saved (editor-files.js).
   */
  function previewRequest(markdown) {
    var pending = document.getElementById("pending-files");
    return {
      markdown: markdown,
      page: form.getAttribute("data-page") || "",
      pending: pending ? pending.value : ""
    };
  }

  /** The server's preview of some Markdown: the page as it would be saved. */
  function renderHtml(markdown) {
    return postJson(form.getAttribute("data-preview-url"), previewRequest(markdown))
      .then(function (response) {
        if (!response.ok) {
          throw new Error("preview failed: " + response.status);
        }
        return response.json();
      })
      .then(function (body) { return body.html; });
  }

  function mountVisual(lib, markdown) {
    var host = document.getElementById("visual-host");
    var area = fields.markdown;
    host.hidden = false;
    return lib.mount(host, markdown, {
      label: form.getAttribute("data-msg-visual-label"),
      onChange: function () {
        area.value = visual.markdown();
        area.dispatchEvent(new Event("input", { bubbles: true }));
      },
      onLinkShortcut: function () { visualFormat("link"); },
      // Pasted and dropped images are sent as the Markdown mode sends them (editor-files.js).
      upload: window.MetodichkaFiles && window.MetodichkaFiles.upload,
      imageAddress: window.MetodichkaFiles && window.MetodichkaFiles.address,
      uploading: window.MetodichkaFiles && window.MetodichkaFiles.uploading
    }).then(function (editor) {
      visual = editor;
      area.hidden = true;
      pressed(true);
      modeStatus(form.getAttribute("data-msg-mode-visual"));
      editor.focus();
    });
  }

  function toMarkdown() {
    var area = fields.markdown;
    area.value = visual.markdown();
    var host = document.getElementById("visual-host");
    host.hidden = true;
    visual.destroy();
    visual = null;
    area.hidden = false;
    pressed(false);
    modeStatus(form.getAttribute("data-msg-mode-markdown"));
    area.focus();
  }

  function visualFormat(kind) {
    if (kind === "link") {
      var href = window.prompt(form.getAttribute("data-msg-link-prompt"), "https://");
      if (href && href !== "https://") {
        visual.link(href, visual.selectedText() || href);
      } else {
        visual.focus();
      }
    } else if (kind === "wikilink") {
      var title = window.prompt(form.getAttribute("data-msg-wikilink-prompt"), visual.selectedText());
      if (title && title.trim() !== "" && !/[\[\]\n]/.test(title)) {
        visual.wikiLink(title.trim());
      } else {
        visual.focus();
      }
    } else {
      visual.command(kind === "code" ? "code" : kind);
    }
  }

  // ---- A warning before leaving with unsaved changes (not when saving). ----

  function setUpLeaving() {
    var initial = JSON.stringify(current());
    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    form.addEventListener("input", function () {
      form.setAttribute("data-unsaved", String(JSON.stringify(current()) !== initial));
    });
    form.addEventListener("change", function () {
      form.setAttribute("data-unsaved", String(JSON.stringify(current()) !== initial));
    });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && form.getAttribute("data-unsaved") === "true") {
        event.preventDefault();
        event.returnValue = ""; // older browsers need it set
      }
    });
  }

  // ---- Preview: rendered by the server, as the page will show it. ----

  function setUpPreview() {
    var output = document.getElementById("preview-output");
    var status = document.getElementById("preview-status");
    var button = document.getElementById("preview");
    var timer = null;
    var shown = null;
    var sequence = 0;

    // While a preview is pending the output says so (aria-busy): assistive technology waits for
    // it, and so can a test before it clicks below a box about to change.
    function busy(pending) {
      if (pending) {
        output.setAttribute("aria-busy", "true");
      } else {
        output.removeAttribute("aria-busy");
      }
    }

    function render() {
      var markdown = fields.markdown.value;
      if (markdown === shown) {
        busy(false);
        return Promise.resolve();
      }
      var mine = ++sequence;
      busy(true);
      status.textContent = form.getAttribute("data-msg-loading");
      return postJson(form.getAttribute("data-preview-url"), previewRequest(markdown))
        .then(function (response) {
          if (!response.ok) {
            throw new Error("preview failed: " + response.status);
          }
          return response.json();
        })
        .then(function (body) {
          if (mine !== sequence) {
            return; // a newer preview is on its way
          }
          shown = markdown;
          // The server's HTML has been through the same sanitiser as every page.
          output.innerHTML = markdown.trim() === ""
            ? "<p class=\"muted\"></p>" : body.html;
          if (markdown.trim() === "") {
            output.firstChild.textContent = form.getAttribute("data-msg-empty");
          }
          status.textContent = "";
          busy(false);
        })
        .catch(function () {
          if (mine === sequence) {
            status.textContent = form.getAttribute("data-msg-failed");
            busy(false);
          }
        });
    }

    fields.markdown.addEventListener("input", function () {
      clearTimeout(timer);
      busy(true);
      timer = setTimeout(render, 400);
    });
    if (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        shown = null;
        render().then(function () {
          output.setAttribute("tabindex", "-1");
          output.focus();
        });
      });
    }
    if (fields.markdown.value.trim() !== "" && output.querySelector(".muted")) {
      render();
    }
  }

  /**
   * POSTs JSON with the form's CSRF token. A 403 csrf_rejected means the page is older than the
   * session (a login in another tab): fetch a fresh token once and retry.
   */
  function postJson(url, body) {
    function send() {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify(body)
      });
    }
    return send().then(function (response) {
      if (response.status !== 403) {
        return response;
      }
      return response.clone().json().catch(function () { return {}; }).then(function (problem) {
        if (problem.code !== "csrf_rejected") {
          return response;
        }
        return refreshCsrf().then(send);
      });
    });
  }

  function csrfToken() {
    var field = form.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }

  /** Puts a fresh token into every form of the page (the logout form too). */
  function refreshCsrf() {
    return fetch("/api/csrf", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        document.querySelectorAll("input[name=csrf]").forEach(function (input) {
          input.value = body.token;
        });
      });
  }

  /** A tab left open while the user logged in again elsewhere still saves: refresh on return. */
  function keepCsrfFresh() {
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        refreshCsrf().catch(function () {});
      }
    });
  }

  // ---- Drafts: kept in this browser, so a closed tab or lost connection loses nothing. ----

  function setUpDrafts() {
    if (!storage) {
      return;
    }
    var initial = current();
    var stored = readDraft();
    if (stored && differs(stored, initial)) {
      offer(stored);
    }
    var timer = null;
    var lastSaved = JSON.stringify(initial);
    function save() {
      var now = current();
      var text = JSON.stringify(now);
      if (text === lastSaved) {
        return;
      }
      lastSaved = text;
      now.savedAt = new Date().toISOString();
      try {
        storage.setItem(draftKey, JSON.stringify(now));
        var status = document.getElementById("draft-status");
        if (status) {
          status.textContent = form.getAttribute("data-msg-drafted") + ": " +
            new Date().toLocaleTimeString();
        }
      } catch (e) {
        // Storage full: nothing to do but keep the text in the form.
      }
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 1000);
    });
    setInterval(save, 5000);
    window.addEventListener("pagehide", save);
    form.addEventListener("submit", function () {
      save();
      try {
        window.sessionStorage.setItem(PENDING_KEY, draftKey);
      } catch (e) {
        // Without session storage the draft stays until discarded: nothing is lost.
      }
    });
  }

  function current() {
    var pending = document.getElementById("pending-files");
    return {
      title: fields.title.value,
      kind: fields.kind.value,
      markdown: fields.markdown.value,
      summary: fields.summary.value,
      baseRevision: fields.baseRevision.value,
      // The token of files kept for the page until its save (editor-files.js): a restored draft
      // still brings them.
      pendingFiles: pending ? pending.value : ""
    };
  }

  function readDraft() {
    try {
      return JSON.parse(storage.getItem(draftKey));
    } catch (e) {
      return null;
    }
  }

  function differs(draft, now) {
    return ["title", "kind", "markdown", "summary"].some(function (name) {
      return (draft[name] || "") !== (now[name] || "") && !(name === "markdown" &&
        normalize(draft.markdown) === normalize(now.markdown));
    });
  }

  function normalize(text) {
    return (text || "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  }

  function offer(draft) {
    var notice = document.getElementById("draft-notice");
    var time = document.getElementById("draft-time");
    if (draft.savedAt && time) {
      time.textContent = "(" + new Date(draft.savedAt).toLocaleString() + ")";
    }
    notice.hidden = false;
    document.getElementById("restore-draft").addEventListener("click", function () {
      if (visual) {
        toMarkdown(); // the draft is Markdown: shown where it can be read as written
      }
      ["title", "kind", "markdown", "summary"].forEach(function (name) {
        if (typeof draft[name] === "string") {
          fields[name].value = draft[name];
        }
      });
      // The draft's own base: the server merges it with whatever was saved since.
      if (draft.baseRevision) {
        fields.baseRevision.value = draft.baseRevision;
      }
      var pending = document.getElementById("pending-files");
      if (pending && draft.pendingFiles && !pending.value) {
        pending.value = draft.pendingFiles;
      }
      notice.hidden = true;
      fields.markdown.focus();
      fields.markdown.dispatchEvent(new Event("input", { bubbles: true }));
    });
    document.getElementById("discard-draft").addEventListener("click", function () {
      storage.removeItem(draftKey);
      notice.hidden = true;
      fields.markdown.focus();
    });
  }

  /** On the page screen after a successful save: the draft is in the page now. */
  function clearSavedDraft() {
    if (!storage || !document.querySelector("[data-saved]")) {
      return;
    }
    try {
      var key = window.sessionStorage.getItem(PENDING_KEY);
      if (key) {
        storage.removeItem(key);
        window.sessionStorage.removeItem(PENDING_KEY);
      }
    } catch (e) {
      // Nothing to clear.
    }
  }
})();
