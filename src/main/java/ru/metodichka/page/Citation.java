package ru.metodichka.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.metodichka.community.Community;
import ru.metodichka.web.Redirect;

/**
 * How to cite one revision of a page (§3 of the regulation: collective intellectual property): its
 * title, the authors from its history with their institutions, the community, the centre, the
 * licence, the revision and its date, the page's address and the revision's permanent one. Shown
 * under the page («Как цитировать») and at the end of every export; {@link #reference} is the
 * bibliographic reference in the style of ГОСТ Р 7.0.100-2018 for an electronic resource.
 */
public record Citation(
    String title,
    List<Author> authors,
    String community,
    String centre,
    String licence,
    String licenceUrl,
    int revision,
    OffsetDateTime date,
    String url,
    String revisionUrl) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

  public Citation {
    authors = List.copyOf(authors);
  }

  /**
   * The citation of a revision its reader may see.
   *
   * @param base the site's absolute address, without a trailing slash ({@code PublicUrl.base})
   * @param licenceName the licence as people read it («CC BY 4.0 …»)
   */
  public static Citation of(
      Community community,
      String slug,
      Revision revision,
      List<Author> authors,
      String centre,
      String base,
      String licenceName) {
    String path = "/c/" + community.slug() + "/" + slug;
    return new Citation(
        revision.title(),
        authors,
        community.name(),
        centre,
        licenceName,
        Metadata.licenceUrl(revision.metadata().licence()),
        revision.number(),
        revision.createdAt(),
        base + Redirect.encoded(path),
        base + Redirect.encoded(path + "/revisions/" + revision.number()));
  }

  /** The page's address as people read it: Cyrillic letters rather than their percent codes. */
  public String readableUrl() {
    return readable(url);
  }

  /** The revision's permanent address as people read it. */
  public String readableRevisionUrl() {
    return readable(revisionUrl);
  }

  private static String readable(String address) {
    try {
      return URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return address;
    }
  }

  /** The revision's date as dd.MM.yyyy in the site's time zone. */
  public String day(ZoneId zone) {
    return date == null ? "" : date.atZoneSameInstant(zone).format(DAY);
  }

  /**
   * «Иванова А. П. Урок дробей / А. П. Иванова, П. С. Петров [Электронный ресурс] // Функциональная
   * грамотность : сетевое сообщество / ГБУ ИМЦ … – 2026. – URL: … (дата обращения: 06.12.2026).»
   */
  public String reference(LocalDate accessed, ZoneId zone) {
    StringBuilder text = new StringBuilder();
    if (!authors.isEmpty()) {
      text.append(surnameFirst(authors.getFirst().name())).append(' ');
    }
    text.append(title).append(" [Электронный ресурс]");
    if (!authors.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Author a : authors.subList(0, Math.min(3, authors.size()))) {
        names.add(initialsFirst(a.name()));
      }
      text.append(" / ").append(String.join(", ", names));
      if (authors.size() > 3) {
        text.append(" [и др.]");
      }
    }
    text.append(" // ").append(community).append(" : сетевое сообщество");
    if (centre != null && !centre.isBlank()) {
      text.append(" / ").append(centre);
    }
    text.append(". – ");
    if (date != null) {
      text.append(date.atZoneSameInstant(zone).getYear()).append(". – ");
    }
    text.append("URL: ").append(readableUrl());
    text.append(" (дата обращения: ").append(accessed.format(DAY)).append(").");
    return text.toString();
  }

  /** «Анна Петровна Иванова» → «Иванова А. П.» (the surname is the last word). */
  static String surnameFirst(String name) {
    String[] words = name.strip().split("\\s+");
    if (words.length < 2) {
      return name.strip();
    }
    StringBuilder out = new StringBuilder(words[words.length - 1]);
    for (int i = 0; i < words.length - 1; i++) {
      out.append(' ').append(words[i].charAt(0)).append('.');
    }
    return out.toString();
  }

  /** «Анна Петровна Иванова» → «А. П. Иванова». */
  static String initialsFirst(String name) {
    String[] words = name.strip().split("\\s+");
    if (words.length < 2) {
      return name.strip();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length - 1; i++) {
      out.append(words[i].charAt(0)).append(". ");
    }
    return out.append(words[words.length - 1]).toString();
  }
}
