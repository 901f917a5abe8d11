package ru.metodichka.page;

/**
 * What a page's {@code <head>} tells search engines and link previews. Only a published page is
 * described (JSON-LD, Open Graph, canonical address); anything else asks not to be indexed.
 *
 * @param jsonLd JSON-LD made safe for inside a script element
 */
public record Sharing(boolean indexable, String url, String description, String jsonLd) {
  /** How long a description may grow: link previews show about two lines. */
  static final int DESCRIPTION_CHARS = 300;

  static Sharing notIndexed() {
    return new Sharing(false, "", "", "");
  }
}
