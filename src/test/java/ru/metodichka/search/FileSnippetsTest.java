package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;
import ru.metodichka.search.index.IndexedFields;

class FileSnippetsTest {
  private static Document page() {
    Document doc = new Document();
    doc.add(new StoredField(IndexedFields.FILE_NAMES, "план-урока.docx"));
    doc.add(new StoredField(IndexedFields.FILE_NAMES, "задачи.pdf"));
    doc.add(new StoredField(IndexedFields.FILES, "План урока о дробях. Слово: пироговедение."));
    doc.add(new StoredField(IndexedFields.FILES, "Задачи на проценты. Слово: процентоведение."));
    return doc;
  }

  @Test
  void aPassageFromTheSecondFileNamesTheSecondFile() {
    String snippet =
        FileSnippets.inFile(
            page(), "\u0000Задачи на проценты. Слово: <mark>процентоведение</mark>.", 300);
    assertThat(snippet)
        .startsWith("<span class=\"in-file\">в файле „задачи.pdf“:</span> Задачи на проценты")
        .doesNotContain("\u0000");
  }

  @Test
  void aPassageFromTheFirstFileNamesTheFirstFile() {
    String snippet =
        FileSnippets.inFile(page(), "План урока о дробях. Слово: <mark>пироговедение</mark>.", 300);
    assertThat(snippet).startsWith("<span class=\"in-file\">в файле „план-урока.docx“:</span>");
  }
}
