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

  setUpToolbar();
  setUpPreview();
  setUpDrafts();
  keepCsrfFresh();

  // ---- Toolbar: inserts Markdown at the cursor, or around the selected text. ----

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
  }

  function applyFormat(kind) {
    var area = fields.markdown;
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var selected = area.value.slice(start, end);
    switch (kind) {
      case "bold": return wrap("**", "**", selected || "текст");
      case "italic": return wrap("_", "_", selected || "текст");
      case "code": return selected.indexOf("\n") >= 0
        ? wrap("```\n", "\n```", selected)
        : wrap("`", "`", selected || "код");
      case "link": return wrap("[", "](https://)", selected || "текст ссылки");
      case "wikilink": return wrap("[[", "]]", selected || "Название страницы");
      case "heading": return prefixLines("## ", selected || "Заголовок");
      case "list": return prefixLines("- ", selected || "пункт");
      case "numbered": return prefixLines(null, selected || "пункт");
      case "quote": return prefixLines("> ", selected || "цитата");
      case "table": return insertBlock("| Столбец 1 | Столбец 2 |\n|---|---|\n| | |");
    }
  }

  function wrap(before, after, text) {
    replaceSelection(before + text + after, before.length, before.length + text.length);
  }

  function prefixLines(prefix, text) {
    var lines = text.split("\n").map(function (line, i) {
      return (prefix === null ? (i + 1) + ". " : prefix) + line;
    });
    insertBlock(lines.join("\n"));
  }

  /** Inserts text as a block of its own: on a new line, followed by a line break. */
  function insertBlock(block) {
    var area = fields.markdown;
    var before = area.value.slice(0, area.selectionStart);
    var lead = before === "" || before.endsWith("\n") ? "" : "\n";
    replaceSelection(lead + block + "\n", lead.length, lead.length + block.length);
  }

  /** Replaces the selection, selects [from, to) of the inserted text and reports the input. */
  function replaceSelection(text, from, to) {
    var area = fields.markdown;
    var start = area.selectionStart;
    area.focus();
    area.setRangeText(text, start, area.selectionEnd, "end");
    area.setSelectionRange(start + from, start + to);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // ---- Preview: rendered by the server, as the page will show it. ----

  function setUpPreview() {
    var output = document.getElementById("preview-output");
    var status = document.getElementById("preview-status");
    var button = document.getElementById("preview");
    var timer = null;
    var shown = null;
    var sequence = 0;

    function render() {
      var markdown = fields.markdown.value;
      if (markdown === shown) {
        return Promise.resolve();
      }
      var mine = ++sequence;
      status.textContent = form.getAttribute("data-msg-loading");
      return postJson(form.getAttribute("data-preview-url"), { markdown: markdown })
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
        })
        .catch(function () {
          if (mine === sequence) {
            status.textContent = form.getAttribute("data-msg-failed");
          }
        });
    }

    fields.markdown.addEventListener("input", function () {
      clearTimeout(timer);
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
    return {
      title: fields.title.value,
      kind: fields.kind.value,
      markdown: fields.markdown.value,
      summary: fields.summary.value,
      baseRevision: fields.baseRevision.value
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
      ["title", "kind", "markdown", "summary"].forEach(function (name) {
        if (typeof draft[name] === "string") {
          fields[name].value = draft[name];
        }
      });
      // The draft's own base: the server merges it with whatever was saved since.
      if (draft.baseRevision) {
        fields.baseRevision.value = draft.baseRevision;
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
