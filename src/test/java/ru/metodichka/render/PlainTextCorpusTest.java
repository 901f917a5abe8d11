package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text indexed for each page of the shared corpus stays what it was when {@code
 * plain-text-of-corpus.sha256} was written (by the code of main at 2026-12-07, before PlainText
 * parsed texts without a {@code |} without the tables extension): a SHA-256 of {@link PlainText#of}
 * per article. A change to what is indexed on purpose writes the file anew (the article's id, a
 * space, the hex digest of its text in UTF-8, one line each).
 */
class PlainTextCorpusTest {
  @Test
  void everyCorpusArticleGivesTheSameTextAsBefore() throws Exception {
    Map<String, String> expected = expected();
    Map<String, String> actual = new LinkedHashMap<>();
    int withoutPipes = 0;
    for (String line : Corpus.lines("ru-articles.jsonl")) {
      JsonObject article = new JsonObject(line);
      String markdown = article.getString("markdown");
      withoutPipes += markdown.indexOf('|') < 0 ? 1 : 0;
      actual.put(article.getString("id"), sha256(PlainText.of(markdown)));
    }

    assertThat(actual).hasSize(1029).isEqualTo(expected);
    // Both parsers were used: most articles have no pipe, some have tables.
    assertThat(withoutPipes).isBetween(500, 1000);
  }

  private static Map<String, String> expected() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    try (InputStream in =
        PlainTextCorpusTest.class.getResourceAsStream("plain-text-of-corpus.sha256")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int space = line.lastIndexOf(' ');
        expected.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return expected;
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
