package ru.metodichka.search.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Pages changed as servers change them, straight through SQL: in one community, by one author, with
 * the database's triggers noting each change for the indexers.
 */
final class SqlPages {
  interface Jdbc {
    Connection open() throws SQLException;
  }

  interface Change {
    void run() throws SQLException;
  }

  private final Jdbc jdbc;
  private final long community;
  private final long author;

  SqlPages(Jdbc jdbc) throws SQLException {
    this.jdbc = jdbc;
    this.author =
        id(
            "INSERT INTO users (login, login_key, display_name, auth_source)"
                + " VALUES ('author', 'author', 'Автор', 'local') RETURNING id");
    this.community =
        id(
            "INSERT INTO communities (slug, slug_key, name, task)"
                + " VALUES ('c', 'c', 'Сообщество', 'Задача') RETURNING id");
  }

  long add(String slug, String title, String status) throws SQLException {
    long page =
        id(
            "INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status,"
                + " published_at) VALUES ("
                + community
                + ", '"
                + slug
                + "', '"
                + slug
                + "', '"
                + title
                + "', lower('"
                + title
                + "'), 'article', '"
                + status
                + "', now()) RETURNING id");
    revise(page, title, "Текст страницы " + slug + ".");
    return page;
  }

  /** Adds {@code count} published pages with one revision each. */
  void addMany(int count) throws SQLException {
    sql(
        "INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status,"
            + " published_at, current_revision, reviewed_revision, reviewed_at) SELECT "
            + community
            + ", s, s, 'Страница ' || s, 'страница ' || s, 'article', 'published', now(), 1, 1,"
            + " now()"
            + " FROM (SELECT 'p' || g || '-' || gen_random_uuid() AS s"
            + " FROM generate_series(1, "
            + count
            + ") g) n");
    sql(
        "INSERT INTO revisions (page_id, number, author_id, title, kind, markdown, size,"
            + " content_hash) SELECT p.id, 1, "
            + author
            + ", p.title, p.kind, 'Проектная деятельность.', 23, sha256('x')"
            + " FROM pages p WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.page_id = p.id)");
  }

  /**
   * A new revision with this title and text, as a save makes it, reviewed at once if the page is
   * published (as a moderator's own edit they review).
   */
  void revise(long page, String title, String markdown) throws SQLException {
    edit(page, title, markdown);
    sql(
        "UPDATE pages SET reviewed_revision = current_revision, reviewed_at = now()"
            + " WHERE status = 'published' AND id = "
            + page);
  }

  /** A new revision with this title and text, not reviewed: the public does not read it. */
  void edit(long page, String title, String markdown) throws SQLException {
    sql(
        "INSERT INTO revisions (page_id, number, author_id, title, kind, markdown, size,"
            + " content_hash) SELECT id, current_revision + 1, "
            + author
            + ", '"
            + title
            + "', kind, '"
            + markdown
            + "', length('"
            + markdown
            + "'), sha256('x') FROM pages WHERE id = "
            + page);
    sql(
        "UPDATE pages SET current_revision = current_revision + 1, title = '"
            + title
            + "' WHERE id = "
            + page);
  }

  /** A new status; a page published for the first time has its current revision reviewed. */
  void setStatus(long page, String status) throws SQLException {
    sql(
        "UPDATE pages SET status = '"
            + status
            + "', reviewed_revision = CASE WHEN '"
            + status
            + "' = 'published' THEN coalesce(reviewed_revision, current_revision)"
            + " ELSE reviewed_revision END WHERE id = "
            + page);
  }

  /** What a view counter's flush does to the running total. */
  void addViews(long page, long views) throws SQLException {
    sql("UPDATE pages SET views = views + " + views + " WHERE id = " + page);
  }

  void sql(String statement) throws SQLException {
    try (Connection c = jdbc.open();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private long id(String insert) throws SQLException {
    try (Connection c = jdbc.open();
        Statement s = c.createStatement();
        var rows = s.executeQuery(insert)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
