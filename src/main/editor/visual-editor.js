// The visual (what-you-see-is-what-you-get) mode of Metodichka's page editor.
//
// Milkdown (ProseMirror + remark) with its CommonMark and GFM presets, plus our wiki links
// ([[Title]], [[Title|text]], [[community:Title]]). Bundled by build.sh into
// webroot/assets/visual-editor.js; editor.js loads it when a teacher switches to the visual mode.
// The Markdown textarea stays the source of truth: this file only turns Markdown into an editable
// document and back.
import {
  Editor,
  defaultValueCtx,
  editorViewCtx,
  editorViewOptionsCtx,
  parserCtx,
  remarkStringifyOptionsCtx,
  rootCtx,
  serializerCtx,
} from "@milkdown/kit/core";
import {
  commonmark,
  createCodeBlockCommand,
  headingSchema,
  imageSchema,
  remarkPreserveEmptyLinePlugin,
  syncHeadingIdPlugin,
  toggleEmphasisCommand,
  toggleInlineCodeCommand,
  toggleStrongCommand,
  wrapInBlockquoteCommand,
  wrapInBulletListCommand,
  wrapInHeadingCommand,
  wrapInOrderedListCommand,
} from "@milkdown/kit/preset/commonmark";
import { gfm, insertTableCommand, tableCellSchema, tableHeaderSchema } from "@milkdown/kit/preset/gfm";
import { history } from "@milkdown/kit/plugin/history";
import { listener, listenerCtx } from "@milkdown/kit/plugin/listener";
import { upload, uploadConfig } from "@milkdown/kit/plugin/upload";
import { Decoration } from "@milkdown/kit/prose/view";
import { $node, $remark, $prose, callCommand } from "@milkdown/kit/utils";
import { keymap } from "@milkdown/kit/prose/keymap";
import "@milkdown/kit/prose/view/style/prosemirror.css";
import "@milkdown/kit/prose/tables/style/tables.css";
import "./visual-editor.css";

/* global __MILKDOWN_VERSION__ */
const VERSION = "Milkdown " + __MILKDOWN_VERSION__;

// ---- Wiki links: "[[...]]" in text becomes an atom that is written back exactly as it was. ----

// The same shape flexmark's wiki link extension reads: no brackets inside (line breaks may be).
const WIKI = /\[\[([^\[\]]+?)\]\]/g;

/** Splits text nodes of the Markdown tree at wiki links (not inside code or links). */
const remarkWikiLinks = $remark("remarkWikiLinks", () => () => (tree) => {
  const walk = (node) => {
    if (!node.children || node.type === "link" || node.type === "linkReference") {
      return;
    }
    const children = [];
    for (const child of node.children) {
      if (child.type === "text" && child.value.indexOf("[[") >= 0) {
        let last = 0;
        WIKI.lastIndex = 0;
        let match;
        while ((match = WIKI.exec(child.value)) !== null) {
          if (match.index > last) {
            children.push({ type: "text", value: child.value.slice(last, match.index) });
          }
          children.push({ type: "wikiLink", value: match[0] });
          last = match.index + match[0].length;
        }
        if (last < child.value.length) {
          children.push({ type: "text", value: child.value.slice(last) });
        }
      } else {
        walk(child);
        children.push(child);
      }
    }
    node.children = children;
  };
  walk(tree);
});

/** What a wiki link shows: the text after the pipe, else the target. */
function wikiText(raw) {
  const inner = raw.slice(2, -2);
  const pipe = inner.indexOf("|");
  const text = (pipe >= 0 ? inner.slice(pipe + 1) : inner).replace(/\s+/g, " ").trim();
  return text || inner.trim();
}

const wikiLinkNode = $node("wiki_link", () => ({
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  attrs: { raw: { default: "[[]]" } },
  parseDOM: [
    {
      tag: "span[data-wiki-link]",
      getAttrs: (dom) => ({ raw: dom.getAttribute("data-wiki-link") }),
    },
  ],
  toDOM: (node) => [
    "span",
    { "data-wiki-link": node.attrs.raw, class: "wikilink-chip", title: node.attrs.raw },
    wikiText(node.attrs.raw),
  ],
  parseMarkdown: {
    match: (node) => node.type === "wikiLink",
    runner: (state, node, type) => {
      state.addNode(type, { raw: node.value });
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === "wiki_link",
    // Written by our own handler (below), so the brackets are not escaped.
    runner: (state, node) => {
      state.addNode("wikiLink", undefined, node.attrs.raw);
    },
  },
}));

// ---- Table cells: alignment as a class, not a style attribute (the CSP forbids those). ----

function alignedCell(tag) {
  return (prev) => (ctx) => {
    const base = prev(ctx);
    return {
      ...base,
      parseDOM: [
        {
          tag,
          getAttrs: (dom) => ({ alignment: dom.getAttribute("data-align") || "left" }),
        },
      ],
      toDOM: (node) => [
        tag,
        { "data-align": node.attrs.alignment, class: "align-" + node.attrs.alignment },
        0,
      ],
    };
  };
}
const ourSchemas = new Map([
  [tableCellSchema, tableCellSchema.extendSchema(alignedCell("td"))],
  [tableHeaderSchema, tableHeaderSchema.extendSchema(alignedCell("th"))],
]);

// Headings without ids: the page's own headings (the preview, the table of contents) have them.
ourSchemas.set(headingSchema, headingSchema.extendSchema((prev) => (ctx) => {
  const base = prev(ctx);
  return {
    ...base,
    toDOM: (node) => {
      const [tag, attrs, hole] = base.toDOM(node);
      const { id, ...rest } = attrs;
      return [tag, rest, hole];
    },
  };
}));

// Images of the page's own files ("attachment:схема.png") are shown from the address the editor
// gives (their preview); the document keeps the reference as written.
let imageAddress = (src) => src;

ourSchemas.set(imageSchema, imageSchema.extendSchema((prev) => (ctx) => {
  const base = prev(ctx);
  return {
    ...base,
    parseDOM: [
      {
        tag: "img[src]",
        getAttrs: (dom) => ({
          src: dom.getAttribute("data-src") || dom.getAttribute("src") || "",
          alt: dom.getAttribute("alt") || "",
          title: dom.getAttribute("title") || "",
        }),
      },
    ],
    toDOM: (node) => {
      const [tag, attrs] = base.toDOM(node);
      return [tag, { ...attrs, src: imageAddress(node.attrs.src), "data-src": node.attrs.src }];
    },
  };
}));

// Milkdown's "preserve empty line" removes every "<br>" from the Markdown it reads (a line break
// in a table cell, for one) and writes empty paragraphs as "<br />": neither keeps the page as is.
const preserveEmptyLine = new Set([
  remarkPreserveEmptyLinePlugin.plugin,
  remarkPreserveEmptyLinePlugin.options,
  ...[remarkPreserveEmptyLinePlugin].flat(),
  ...[syncHeadingIdPlugin].flat(),
]);
// Each extended schema (a pair: its context and its node) takes the place of the preset's own.
const replacements = new Map();
for (const [original, extended] of ourSchemas) {
  replacements.set(original[0], extended[0]);
  replacements.set(original[1], extended[1]);
}
const presets = [...commonmark, ...gfm]
  .filter((plugin) => !preserveEmptyLine.has(plugin))
  .map((plugin) => replacements.get(plugin) || plugin);

/** A wiki link as read; in a table cell its pipe is escaped, as GFM tables need. */
function writeWikiLink(node, parent, state) {
  return state.stack.includes("tableCell") ? node.value.replace(/\\?\|/g, "\\|") : node.value;
}

function configureStringify(ctx) {
  ctx.update(remarkStringifyOptionsCtx, (options) => ({
    ...options,
    bullet: "-",
    emphasis: "_",
    strong: "*",
    fence: "`",
    fences: true,
    rule: "-",
    listItemIndent: "one",
    handlers: { ...options.handlers, wikiLink: writeWikiLink },
  }));
}

// ---- The editor ----

/**
 * Files pasted or dropped into the document: each sent by opts.upload(file) → Promise of {src, alt,
 * image} (src "attachment:name"); an image becomes an image node, another file a link. While they
 * are sent, a mark says so (opts.uploading).
 */
function configureUpload(ctx, opts) {
  ctx.update(uploadConfig.key, (prev) => ({
    ...prev,
    uploader: async (files, schema) => {
      const nodes = [];
      for (const file of Array.from(files)) {
        const sent = await opts.upload(file);
        if (!sent) {
          continue;
        }
        if (sent.image) {
          nodes.push(schema.nodes.image.createAndFill({ src: sent.src, alt: sent.alt }));
        } else {
          nodes.push(schema.text(sent.alt, [schema.marks.link.create({ href: sent.src })]));
        }
      }
      return nodes;
    },
    uploadWidgetFactory: (pos, spec) => {
      const mark = document.createElement("span");
      mark.className = "upload-widget";
      mark.textContent = opts.uploading || "…";
      return Decoration.widget(pos, mark, spec);
    },
  }));
}

/**
 * Mounts a visual editor for the Markdown in {@code root}. Options: onChange(markdown) after each
 * change of the document; shortcuts: {link(), wikiLink()} for Ctrl+K and Ctrl+Shift+K;
 * imageAddress(src) where an image is shown from; upload(file) for pasted and dropped files (see
 * configureUpload; without it they are not taken).
 */
async function mount(root, markdown, options) {
  const opts = options || {};
  imageAddress = opts.imageAddress || ((src) => src);
  const shortcuts = $prose(() =>
    keymap({
      "Mod-k": () => {
        if (opts.onLinkShortcut) {
          opts.onLinkShortcut();
        }
        return true;
      },
    }),
  );
  const editor = Editor.make()
    .config((ctx) => {
      ctx.set(rootCtx, root);
      ctx.set(defaultValueCtx, markdown);
      configureStringify(ctx);
      ctx.update(editorViewOptionsCtx, (prev) => ({
        ...prev,
        attributes: {
          class: "page-body visual-document",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": opts.label || "",
          spellcheck: "true",
        },
      }));
      ctx.get(listenerCtx).updated((ctx2, doc, prevDoc) => {
        if (opts.onChange && prevDoc && !doc.eq(prevDoc)) {
          opts.onChange();
        }
      });
      if (opts.upload) {
        configureUpload(ctx, opts);
      }
    })
    .use(remarkWikiLinks)
    .use(wikiLinkNode)
    .use(presets)
    .use(history)
    .use(listener)
    .use(shortcuts)
    .use(opts.upload ? upload : []);
  await editor.create();
  const view = () => editor.ctx.get(editorViewCtx);
  const initial = view().state.doc;

  const commands = {
    bold: () => editor.action(callCommand(toggleStrongCommand.key)),
    italic: () => editor.action(callCommand(toggleEmphasisCommand.key)),
    code: () => editor.action(callCommand(toggleInlineCodeCommand.key)),
    codeBlock: () => editor.action(callCommand(createCodeBlockCommand.key)),
    heading: () => editor.action(callCommand(wrapInHeadingCommand.key, 2)),
    list: () => editor.action(callCommand(wrapInBulletListCommand.key)),
    numbered: () => editor.action(callCommand(wrapInOrderedListCommand.key)),
    quote: () => editor.action(callCommand(wrapInBlockquoteCommand.key)),
    table: () => editor.action(callCommand(insertTableCommand.key, { row: 3, col: 2 })),
  };

  return {
    /** The document as Markdown; the text it was opened with while nothing has changed. */
    markdown() {
      const doc = view().state.doc;
      return doc.eq(initial) ? markdown : editor.ctx.get(serializerCtx)(doc);
    },
    changed() {
      return !view().state.doc.eq(initial);
    },
    command(name) {
      if (commands[name]) {
        commands[name]();
      }
      view().focus();
    },
    selectedText() {
      const state = view().state;
      return state.doc.textBetween(state.selection.from, state.selection.to, " ");
    },
    /** Makes the selection (or the given text, when nothing is selected) a link to href. */
    link(href, text) {
      const v = view();
      const { state } = v;
      const mark = state.schema.marks.link.create({ href });
      const { from, to, empty } = state.selection;
      const tr = empty
        ? state.tr.insert(from, state.schema.text(text || href, [mark]))
        : state.tr.addMark(from, to, mark);
      v.dispatch(tr.scrollIntoView());
      v.focus();
    },
    /** Inserts the image of a page's file at the caret: src "attachment:name". */
    image(src, alt) {
      const v = view();
      const node = v.state.schema.nodes.image.create({ src, alt: alt || "" });
      v.dispatch(v.state.tr.replaceSelectionWith(node, false).scrollIntoView());
      v.focus();
    },
    /** Inserts a wiki link [[title]] at the caret (replacing the selection). */
    wikiLink(title) {
      const v = view();
      const node = v.state.schema.nodes.wiki_link.create({ raw: "[[" + title + "]]" });
      v.dispatch(v.state.tr.replaceSelectionWith(node, false).scrollIntoView());
      v.focus();
    },
    focus() {
      view().focus();
    },
    /** Takes the editor off the page; resolves when it is gone. */
    destroy() {
      const dom = view().dom;
      return Promise.resolve(editor.destroy()).then(() => {
        dom.remove();
        root.textContent = "";
      });
    },
  };
}

// ---- Round trip: Markdown → document → Markdown, without showing anything. ----

let probe = null;

function prober() {
  if (!probe) {
    const root = document.createElement("div");
    root.hidden = true;
    document.body.appendChild(root);
    probe = Editor.make()
      .config((ctx) => {
        ctx.set(rootCtx, root);
        configureStringify(ctx);
      })
      .use(remarkWikiLinks)
      .use(wikiLinkNode)
      .use(presets)
      .create();
  }
  return probe;
}

/** What the visual mode would write back for this Markdown if nothing were edited. */
async function roundTrip(markdown) {
  const editor = await prober();
  const doc = editor.ctx.get(parserCtx)(markdown);
  return editor.ctx.get(serializerCtx)(doc);
}

function normalize(text) {
  return (text || "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

function squash(html) {
  return html.replace(/>\s+</g, "><").trim();
}

/**
 * Whether the visual mode keeps this page: null when the Markdown it would write back renders (by
 * render(markdown) → Promise of HTML, the server's preview) exactly as the original does; else
 * why not, in the page's own words: the first block that would change, quoted.
 */
async function check(markdown, render) {
  let back;
  try {
    back = await roundTrip(markdown);
  } catch (e) {
    return { markdown: null, difference: "unreadable" };
  }
  if (normalize(back) === normalize(markdown)) {
    return { markdown: back, difference: null };
  }
  const [before, after] = await Promise.all([render(markdown), render(back)]);
  return { markdown: back, difference: firstDifference(before, after) };
}

function firstDifference(before, after) {
  if (squash(before) === squash(after)) {
    return null;
  }
  const a = blocks(before);
  const b = blocks(after);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!a[i] || !b[i] || squash(a[i].outerHTML) !== squash(b[i].outerHTML)) {
      const text = ((a[i] || b[i]).textContent || "").replace(/\s+/g, " ").trim();
      return "«" + (text.length > 80 ? text.slice(0, 80) + "…" : text) + "»";
    }
  }
  return "«…»";
}

function blocks(html) {
  // A template's content is inert: nothing in it loads or runs.
  const template = document.createElement("template");
  template.innerHTML = html;
  return Array.from(template.content.children);
}

/** Many at once (the round-trip test), in order. */
async function checkAll(texts, render) {
  const out = [];
  for (const text of texts) {
    out.push(await check(text, render));
  }
  return out;
}

window.MetodichkaVisual = { version: VERSION, mount, roundTrip, check, checkAll };
