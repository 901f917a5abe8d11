package ru.metodichka.page;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * A page's current state; its content lives in its revisions. {@code title} and {@code kind} are
 * the latest revision's (what insiders read); the public reads the reviewed revision's.
 *
 * @param reviewedRevision the revision a moderator last reviewed, which the public reads while the
 *     page is published; null when none was
 * @param reviewedAt when that review was made
 * @param parentId the page it stands under in its community's structure, or null
 * @param position its place in the structure read in order; {@link Placement#UNPLACED} outside it
 */
public record Page(
    long id,
    long communityId,
    String slug,
    String title,
    String kind,
    PageStatus status,
    int currentRevision,
    Integer reviewedRevision,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime publishedAt,
    OffsetDateTime reviewedAt,
    Long parentId,
    int position) {

  static final String COLUMNS =
      "id, community_id, slug, title, kind, status, current_revision, reviewed_revision,"
          + " created_at, updated_at, published_at, reviewed_at, parent_id, position";

  static Page from(Row row) {
    return new Page(
        row.getLong("id"),
        row.getLong("community_id"),
        row.getString("slug"),
        row.getString("title"),
        row.getString("kind"),
        PageStatus.of(row.getString("status")),
        row.getInteger("current_revision"),
        row.getInteger("reviewed_revision"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"),
        row.getOffsetDateTime("published_at"),
        row.getOffsetDateTime("reviewed_at"),
        row.getLong("parent_id"),
        row.getInteger("position"));
  }

  public boolean published() {
    return status == PageStatus.PUBLISHED;
  }

  /** The revision the public reads: the reviewed one of a published page, else none (0). */
  public int publicRevision() {
    return published() && reviewedRevision != null ? reviewedRevision : 0;
  }

  /** Revisions saved after the reviewed one of a published page (0 when there are none). */
  public int unreviewed() {
    int reviewed = publicRevision();
    return reviewed == 0 ? 0 : currentRevision - reviewed;
  }
}
