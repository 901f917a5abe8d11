package ru.metodichka.wordio;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;
import ru.metodichka.page.Author;
import ru.metodichka.page.Citation;

/**
 * The citation block at the end of an exported page, as label–value lines (for the Word document)
 * and as XHTML (for the PDF). Exports are Russian documents, whatever the reader's language.
 */
final class CitationHtml {
  static final String HEADING = "Как цитировать";

  private CitationHtml() {}

  /** A line of the block: its label and text, and the address it links to (or null). */
  record Line(String label, String text, String link) {}

  static List<Line> lines(Citation c, ZoneId zone) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Название", c.title(), null));
    List<String> authors = new ArrayList<>();
    for (Author a : c.authors()) {
      authors.add(a.institution() == null ? a.name() : a.name() + " (" + a.institution() + ")");
    }
    lines.add(new Line("Авторы", String.join(", ", authors), null));
    lines.add(new Line("Сообщество", c.community(), null));
    lines.add(new Line("Центр", c.centre(), null));
    lines.add(new Line("Лицензия", c.licence(), c.licenceUrl()));
    lines.add(new Line("Версия", "версия " + c.revision() + " от " + c.day(zone), c.revisionUrl()));
    lines.add(new Line("Адрес страницы", c.readableUrl(), c.url()));
    lines.add(new Line("Постоянная ссылка", c.readableRevisionUrl(), c.revisionUrl()));
    return lines;
  }

  /** The block as an XHTML fragment, with the GOST reference last. */
  static String html(Citation c, ZoneId zone, LocalDate accessed) {
    StringBuilder out =
        new StringBuilder("<div class=\"citation\"><h2>" + HEADING + "</h2><table>");
    for (Line line : lines(c, zone)) {
      out.append("<tr><th>").append(escape(line.label())).append("</th><td>");
      if (line.link() == null) {
        out.append(escape(line.text()));
      } else {
        out.append("<a href=\"").append(escape(line.link())).append("\">");
        out.append(escape(line.text())).append("</a>");
      }
      out.append("</td></tr>");
    }
    out.append("</table><p class=\"reference\">");
    out.append(escape(c.reference(accessed, zone))).append("</p></div>");
    return out.toString();
  }

  private static String escape(String text) {
    return Entities.escape(text == null ? "" : text);
  }
}
