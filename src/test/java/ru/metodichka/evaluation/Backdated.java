package ru.metodichka.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.metodichka.TestApp;

/**
 * Records with past timestamps, written in SQL as the demo writes its history: memberships, ledger
 * rows, publications, views and plan versions (history tables take inserts, never updates).
 */
final class Backdated {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private final TestApp app;
  private final String community;

  Backdated(TestApp app, String community) {
    this.app = app;
    this.community = community;
  }

  /** A moment in Moscow time: {@code at("2024-01-20 12:00")}. */
  static OffsetDateTime at(String local) {
    return LocalDateTime.parse(local.replace(' ', 'T')).atZone(ZONE).toOffsetDateTime();
  }

  /** A membership period in a role, ended (status left) when {@code ended} is given. */
  void membership(String login, String role, OffsetDateTime started, OffsetDateTime ended) {
    update(
        """
        INSERT INTO memberships (community_id, user_id, role, status, started_at, ended_at, end_reason)
        SELECT c.id, u.id, ?::text, ?::text, ?::timestamptz, ?::timestamptz, ?::text
          FROM communities c, users u WHERE c.slug = ? AND u.login = ?
        """,
        role,
        ended == null ? "active" : "left",
        started,
        ended,
        ended == null ? null : "left",
        community,
        login);
  }

  /** {@code n} ledger rows of a kind by a user at a moment. */
  void contributions(String login, String kind, OffsetDateTime when, int n) {
    for (int i = 0; i < n; i++) {
      update(
          """
          INSERT INTO contributions (user_id, community_id, kind, created_at)
          SELECT u.id, c.id, ?::text, ?::timestamptz FROM communities c, users u
           WHERE c.slug = ? AND u.login = ?
          """,
          kind,
          when,
          community,
          login);
    }
  }

  /** A 'published' status change of a page at a past moment. */
  void published(String slug, OffsetDateTime when) {
    update(
        """
        INSERT INTO page_status_changes (page_id, status, changed_by, changed_at)
        SELECT p.id, 'published', (SELECT id FROM users WHERE login = 'admin'), ?::timestamptz
          FROM pages p JOIN communities c ON c.id = p.community_id
         WHERE c.slug = ? AND p.slug = ?
        """,
        when,
        community,
        slug);
  }

  /** Downloads of a file attached to the page (the attachment made if missing) on a day. */
  void downloads(String slug, String file, LocalDate day, long count) {
    update(
        """
        INSERT INTO attachments (page_id, name)
        SELECT p.id, ?::text FROM pages p JOIN communities c ON c.id = p.community_id
         WHERE c.slug = ? AND p.slug = ?
           AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.page_id = p.id AND a.name = ?::text)
        """,
        file,
        community,
        slug,
        file);
    update(
        """
        INSERT INTO attachment_downloads (attachment_id, day, count)
        SELECT a.id, ?::date, ?::bigint FROM attachments a JOIN pages p ON p.id = a.page_id
          JOIN communities c ON c.id = p.community_id
         WHERE c.slug = ? AND p.slug = ? AND a.name = ?::text
        """,
        day,
        count,
        community,
        slug,
        file);
  }

  void views(String slug, LocalDate day, long views) {
    update(
        """
        INSERT INTO page_views (page_id, day, views)
        SELECT p.id, ?::date, ?::bigint FROM pages p JOIN communities c ON c.id = p.community_id
         WHERE c.slug = ? AND p.slug = ?
        """,
        day,
        views,
        community,
        slug);
  }

  /** A new plan item of {@code year}; returns its id. */
  long planItem(String year) {
    try (Connection db = app.jdbc();
        PreparedStatement insert =
            db.prepareStatement(
                """
                INSERT INTO plan_items (community_id, year, created_by)
                SELECT c.id, ?, (SELECT id FROM users WHERE login = 'admin')
                  FROM communities c WHERE c.slug = ? RETURNING id
                """)) {
      insert.setString(1, year);
      insert.setString(2, community);
      var rows = insert.executeQuery();
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** A version of a plan item written at a past moment. */
  void planVersion(
      long item,
      int version,
      OffsetDateTime validFrom,
      String title,
      LocalDate due,
      String status) {
    update(
        """
        INSERT INTO plan_item_versions (item_id, version, valid_from, changed_by, title, form,
                                        starts, due, status)
        VALUES (?, ?, ?, (SELECT id FROM users WHERE login = 'admin'), ?, 'in-person', ?, ?, ?)
        """,
        item,
        version,
        validFrom,
        title,
        due.minusDays(10),
        due,
        status);
  }

  private void update(String sql, Object... values) {
    try (Connection db = app.jdbc();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
