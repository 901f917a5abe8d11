package ru.metodichka.page;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A page's current state; its content lives in its latest {@link Revision}. */
public record Page(
    long id,
    long communityId,
    String slug,
    String title,
    String kind,
    PageStatus status,
    int currentRevision,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime publishedAt) {

  static final String COLUMNS =
      "id, community_id, slug, title, kind, status, current_revision, created_at, updated_at, published_at";

  static Page from(Row row) {
    return new Page(
        row.getLong("id"),
        row.getLong("community_id"),
        row.getString("slug"),
        row.getString("title"),
        row.getString("kind"),
        PageStatus.of(row.getString("status")),
        row.getInteger("current_revision"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"),
        row.getOffsetDateTime("published_at"));
  }

  public boolean published() {
    return status == PageStatus.PUBLISHED;
  }
}
