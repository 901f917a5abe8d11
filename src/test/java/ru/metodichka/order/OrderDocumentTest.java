package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import ru.metodichka.auth.Person;

/** The Word document of an order, read back with POI. */
class OrderDocumentTest {
  private static final String CENTRE = "ГБУ ИМЦ Петродворцового района Санкт-Петербурга";
  private static final Participant MODERATOR =
      new Participant(
          new Person("morozova", "Елена Викторовна Морозова"),
          "методист по математике",
          "МКУ «Информационно-методический центр»");
  private static final Participant MEMBER =
      new Participant(
          new Person("ivanova", "Анна Петровна Иванова"),
          "учитель математики",
          "МБОУ «Средняя общеобразовательная школа № 3»");
  private static final Participant NEWCOMER =
      new Participant(new Person("sokolov", "Игорь Борисович Соколов"), null, null);
  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 11, 19, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final OrderContents.Section LITERACY =
      new OrderContents.Section(
          new OrderCommunity(1, "literacy", "Функциональная грамотность", "Задания PISA на уроках"),
          List.of(MODERATOR),
          List.of(MEMBER, NEWCOMER),
          List.of(
              new Change(ChangeKind.JOINED, NEWCOMER, AT, null),
              new Change(ChangeKind.LEFT, MEMBER, AT.plusHours(1), "по заявлению")),
          new OrderRef(null, "112-од", LocalDate.of(2026, 9, 5)));
  private static final OrderContents.Section EMPTY =
      new OrderContents.Section(
          new OrderCommunity(2, "empty", "Наставничество", "Сопровождение молодых педагогов"),
          List.of(),
          List.of(),
          List.of(),
          null);

  private static Order order() {
    return new Order(
        7,
        "15-од",
        LocalDate.of(2026, 11, 20),
        new Person("admin", "Администратор"),
        AT.plusDays(1),
        null);
  }

  private static XWPFDocument read(OrderContents contents) throws IOException {
    byte[] bytes = OrderDocument.write(contents, CENTRE);
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  private static List<String> paragraphs(XWPFDocument document) {
    return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  private static String tables(XWPFDocument document) {
    StringBuilder text = new StringBuilder();
    for (XWPFTable table : document.getTables()) {
      text.append(table.getText()).append('\n');
    }
    return text.toString();
  }

  @Test
  void anIssuedOrderCarriesTheCentreItsNumberDateAndEveryCommunity() throws IOException {
    try (XWPFDocument document =
        read(new OrderContents(Optional.of(order()), List.of(LITERACY, EMPTY)))) {
      List<String> paragraphs = paragraphs(document);
      assertThat(paragraphs).contains(CENTRE, "ПРИКАЗ", "20.11.2026\t№ 15-од");
      assertThat(paragraphs)
          .contains(
              "Об утверждении состава сетевых профессиональных сообществ педагогов",
              "ПРИКАЗЫВАЮ:",
              "1.1. Сообщество «Функциональная грамотность»",
              "Задача сообщества: Задания PISA на уроках",
              "1.2. Сообщество «Наставничество»",
              "Изменения состава после приказа № 112-од от 05.09.2026:",
              "— включить в состав сообщества: Игорь Борисович Соколов.",
              "— исключить из состава сообщества в связи с выходом по собственному желанию: "
                  + "Анна Петровна Иванова, учитель математики, "
                  + "МБОУ «Средняя общеобразовательная школа № 3».",
              "изменений нет.");
      assertThat(String.join("\n", paragraphs))
          .as("the preamble cites the regulation")
          .contains("пунктом 4.4 Положения")
          .doesNotContain("ПРОЕКТ")
          .doesNotContain("по заявлению");
      assertThat(document.getTables()).hasSize(2);
      assertThat(tables(document))
          .contains("Елена Викторовна Морозова", "методист по математике")
          .contains("МКУ «Информационно-методический центр»")
          .contains("Анна Петровна Иванова", "учитель математики")
          .contains("МБОУ «Средняя общеобразовательная школа № 3»", "Игорь Борисович Соколов")
          .contains("Должность", "Учреждение");
      assertThat(paragraphs)
          .as("signature lines: the director's and each moderator's")
          .anyMatch(p -> p.startsWith("Директор\t"))
          .contains("С приказом ознакомлены:")
          .anyMatch(p -> p.startsWith("Елена Викторовна Морозова\t"));
      assertThat(document.getProperties().getCoreProperties().getTitle())
          .isEqualTo("Приказ № 15-од от 20.11.2026");
    }
  }

  @Test
  void theDocumentIsValidWordprocessingMl() throws IOException {
    // Word refuses what LibreOffice forgives (two pPr in a paragraph, a page margin without its
    // header and footer): the schema says what Word accepts.
    for (OrderContents contents :
        List.of(
            new OrderContents(Optional.of(order()), List.of(LITERACY, EMPTY)),
            new OrderContents(Optional.empty(), List.of(EMPTY)))) {
      try (XWPFDocument document = read(contents)) {
        List<XmlError> errors = new ArrayList<>();
        boolean valid = document.getDocument().validate(new XmlOptions().setErrorListener(errors));
        assertThat(errors).as("schema errors").isEmpty();
        assertThat(valid).isTrue();
      }
    }
  }

  @Test
  void aDraftLeavesNumberAndDateBlankAndSaysSo() throws IOException {
    try (XWPFDocument document = read(new OrderContents(Optional.empty(), List.of(EMPTY)))) {
      List<String> paragraphs = paragraphs(document);
      assertThat(paragraphs.getFirst()).isEqualTo("ПРОЕКТ");
      assertThat(paragraphs).contains("«___» ____________ 20___ г.\t№ ________");
      assertThat(String.join("\n", paragraphs)).doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
      assertThat(paragraphs).contains("Изменения состава:", "Модераторы:", "нет.");
      assertThat(paragraphs).doesNotContain("С приказом ознакомлены:");
      assertThat(document.getTables()).isEmpty();
    }
  }

  @Test
  void theWholeTextReadsInOrder() throws IOException {
    byte[] bytes =
        OrderDocument.write(new OrderContents(Optional.of(order()), List.of(LITERACY)), CENTRE);
    try (var extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes)))) {
      String text = extractor.getText();
      assertThat(text.indexOf(CENTRE)).isLessThan(text.indexOf("ПРИКАЗ"));
      assertThat(text.indexOf("Модераторы:")).isLessThan(text.indexOf("Елена Викторовна"));
      assertThat(text.indexOf("Участники:")).isLessThan(text.indexOf("Игорь Борисович Соколов"));
    }
  }
}
