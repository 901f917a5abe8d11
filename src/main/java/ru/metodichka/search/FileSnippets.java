package ru.metodichka.search;

import org.apache.lucene.document.Document;
import ru.metodichka.search.index.IndexedFields;

/**
 * A hit found by the text of an attached file: its snippet says which file («в файле „…“») before
 * the highlighted passage. The passage comes from all the page's file texts joined; the file is the
 * one whose text holds the passage's first words.
 */
final class FileSnippets {
  private FileSnippets() {}

  static String inFile(Document doc, String passageHtml, int max) {
    // The highlighter joins a field's values with NUL: a passage starting at a file's first words
    // starts with it, which would be shown and would hide which file the passage is from.
    String passage = Snippets.trim(passageHtml.replace('\u0000', ' ').strip(), max);
    String[] names = doc.getValues(IndexedFields.FILE_NAMES);
    String name = names.length == 0 ? "" : names[0];
    if (names.length > 1) {
      String probe = plain(passage);
      String[] texts = doc.getValues(IndexedFields.FILES);
      for (int i = 0; i < texts.length && i < names.length; i++) {
        if (!probe.isEmpty() && texts[i].contains(probe)) {
          name = names[i];
          break;
        }
      }
    }
    return "<span class=\"in-file\">в файле „" + Snippets.escape(name) + "“:</span> " + passage;
  }

  /** A few of the passage's first visible words, unescaped, to find it in its file. */
  private static String plain(String html) {
    String text =
        html.replaceAll("<[^>]*>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&amp;", "&")
            .replace("…", "")
            .strip();
    int cut = Math.min(text.length(), 30);
    int space = text.lastIndexOf(' ', cut);
    return (space > 10 ? text.substring(0, space) : text.substring(0, cut)).strip();
  }
}
