package ru.metodichka.order;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import ru.metodichka.order.OrderContents.Section;
import ru.metodichka.web.Locales;

/**
 * An order as a Word document, the way the centre signs it: the centre's name, «ПРИКАЗ», date and
 * number (blank lines in a draft, marked «ПРОЕКТ»), the subject, a preamble citing §4.4 of the
 * regulation, then for each community its name and task, moderators, members with position and
 * institution, and the changes since the previous order; the director's signature line and lines
 * for the moderators to sign. Always Russian: the centre's documents are. Pure and blocking: run it
 * on a worker.
 */
final class OrderDocument {
  private static final ResourceBundle TEXT = Locales.bundle("i18n/orders", Locales.RUSSIAN);
  // Six points (in twentieths) before the lists of a section, so each reads as its own block.
  private static final int SPACE_BEFORE = 120;
  private final Docx docx;

  private OrderDocument(Docx docx) {
    this.docx = docx;
  }

  /** The .docx bytes of the order. */
  static byte[] write(OrderContents contents, String centre) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var properties = document.getProperties().getCoreProperties();
      properties.setTitle(title(contents));
      properties.setCreator(centre);
      new OrderDocument(new Docx(document)).fill(contents, centre);
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** «Приказ № 15-од от 20.11.2026», or «Проект приказа». */
  static String title(OrderContents contents) {
    return contents
        .order()
        .map(o -> t("orders.doc.fileTitle", o.number(), o.writtenDate()))
        .orElse(t("orders.doc.draftTitle"));
  }

  private void fill(OrderContents contents, String centre) {
    if (contents.draft()) {
      docx.paragraph(t("orders.doc.draft"), ParagraphAlignment.RIGHT, true, Docx.TEXT_SIZE);
    }
    docx.paragraph(centre, ParagraphAlignment.CENTER, true, Docx.TEXT_SIZE);
    docx.blank();
    docx.paragraph(t("orders.doc.title"), ParagraphAlignment.CENTER, true, 16);
    docx.blank();
    docx.spread(
        contents.order().map(Order::writtenDate).orElse(t("orders.doc.blankDate")),
        contents
            .order()
            .map(o -> t("orders.doc.number", o.number()))
            .orElse(t("orders.doc.blankNumber")),
        false);
    docx.blank();
    docx.paragraph(t("orders.doc.subject"), ParagraphAlignment.LEFT, true, Docx.TEXT_SIZE);
    docx.blank();
    docx.text(t("orders.doc.preamble"));
    docx.paragraph(t("orders.doc.command"), ParagraphAlignment.LEFT, true, Docx.TEXT_SIZE);
    docx.text(t("orders.doc.approve"));
    for (int i = 0; i < contents.sections().size(); i++) {
      section(i + 1, contents.sections().get(i));
    }
    docx.blank();
    docx.text(t("orders.doc.control"));
    signatures(contents);
  }

  private void section(int number, Section section) {
    docx.blank();
    Docx.keepWithNext(docx.text(t("orders.doc.community", number, section.community().name())))
        .getRuns()
        .getFirst()
        .setBold(true);
    Docx.keepWithNext(docx.text(t("orders.doc.task", section.community().task())));
    people(t("orders.doc.moderators"), section.moderators());
    people(t("orders.doc.members"), section.members());
    OrderRef previous = section.previous();
    XWPFParagraph changes =
        docx.text(
            previous == null
                ? t("orders.doc.changesFirst")
                : t("orders.doc.changes", previous.number(), previous.writtenDate()));
    changes.setSpacingBefore(SPACE_BEFORE);
    if (section.changes().isEmpty()) {
      docx.text(t("orders.doc.noChanges"));
    }
    for (Change change : section.changes()) {
      docx.text(line(change));
    }
  }

  private void people(String heading, List<Participant> people) {
    Docx.keepWithNext(docx.text(heading)).setSpacingBefore(SPACE_BEFORE);
    if (people.isEmpty()) {
      docx.text(t("orders.doc.nobody"));
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Participant p = people.get(i);
      rows.add(
          List.of(
              String.valueOf(i + 1),
              p.person().name(),
              orDash(p.position()),
              orDash(p.institution())));
    }
    docx.table(
        List.of(
            t("orders.doc.column.number"),
            t("orders.doc.column.name"),
            t("orders.doc.column.position"),
            t("orders.doc.column.institution")),
        rows,
        6,
        30,
        30,
        34);
  }

  /** «— включить в состав сообщества: Имя, должность, учреждение». */
  static String line(Change change) {
    Participant who = change.who();
    StringBuilder name = new StringBuilder(who.person().name());
    if (who.position() != null && !who.position().isBlank()) {
      name.append(", ").append(who.position());
    }
    if (who.institution() != null && !who.institution().isBlank()) {
      name.append(", ").append(who.institution());
    }
    return t("orders.doc.changeLine", t("orders.doc.change." + change.kind().code()), name);
  }

  private void signatures(OrderContents contents) {
    docx.blank();
    docx.blank();
    docx.spread(t("orders.doc.director"), t("orders.doc.signature"), false);
    Map<String, String> moderators = new LinkedHashMap<>();
    contents
        .sections()
        .forEach(
            s ->
                s.moderators().forEach(m -> moderators.put(m.person().login(), m.person().name())));
    if (moderators.isEmpty()) {
      return;
    }
    docx.blank();
    docx.paragraph(t("orders.doc.acquainted"), ParagraphAlignment.LEFT, false, Docx.TEXT_SIZE);
    moderators.values().forEach(name -> docx.spread(name, t("orders.doc.acquaintedLine"), false));
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private static String t(String key, Object... args) {
    String text = TEXT.getString(key);
    return args.length == 0 ? text : new MessageFormat(text, Locales.RUSSIAN).format(args);
  }
}
