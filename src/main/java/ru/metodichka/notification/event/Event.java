package ru.metodichka.notification.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Something that happened which people may want to hear about, told by the feature where it
 * happened ({@link Notifications#emit}, inside that feature's own transaction). Each event carries
 * the ids and facts its notification needs, so the notification feature reads no table of the
 * feature that emits it (but pages, communities, users, join requests and plan items, which it
 * knows). Who hears about it, and what they may see of it, is decided where it is delivered.
 */
public sealed interface Event {

  /** A page saved or reverted: revision {@code revision} by {@code actorId}. */
  record PageChanged(long pageId, int revision, long actorId) implements Event {}

  /**
   * A comment on a page; {@code parentAuthorId} is the author of the comment it replies to (null
   * for a comment that replies to none); {@code excerpt} a plain-text beginning of it.
   */
  record CommentPosted(
      long communityId,
      long pageId,
      long commentId,
      long actorId,
      Long parentAuthorId,
      String excerpt)
      implements Event {}

  /** A step of a page's review (§4.8). */
  enum ReviewStep {
    /** A member asked for a review: to the community's moderators. */
    REQUESTED,
    /** A moderator returned the page for more work: to its authors. */
    RETURNED,
    /** A moderator published a page that was not: to its authors. */
    PUBLISHED,
    /**
     * A moderator reviewed a published page's edits (the public reads them now): to its authors.
     */
    EDITS_PUBLISHED,
    /** A moderator withdrew the page from the public: to its authors. */
    UNPUBLISHED;

    /** As the notification's detail says it: {@code edits-published}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A step of a page's review by {@code actorId}. The notices carry no note: the page shows the
   * review's notes to those who may read them.
   */
  record PageReview(long pageId, long actorId, ReviewStep step) implements Event {}

  /** A teacher asked to join a community: to its moderators. */
  record JoinRequested(long communityId, long requestId, long userId) implements Event {}

  /** A join request approved or rejected: to the teacher who asked. */
  record JoinDecided(long requestId, long userId, boolean approved) implements Event {}

  /** What happened to a meeting. */
  enum MeetingChange {
    CREATED,
    CHANGED,
    CANCELLED
  }

  /**
   * A meeting of a community created, changed or cancelled: to the community's members. {@code
   * remoteLink} (null for a meeting in person) goes into the e-mail only, which only members get.
   */
  record MeetingChanged(
      long communityId,
      long meetingId,
      long actorId,
      MeetingChange change,
      String title,
      OffsetDateTime startsAt,
      String remoteLink)
      implements Event {}

  /** People made responsible for a plan item (only those newly responsible). */
  record PlanItemAssigned(long itemId, List<Long> assigneeIds, long actorId) implements Event {
    public PlanItemAssigned {
      assigneeIds = List.copyOf(assigneeIds);
    }
  }

  /** A plan item passed its due date unfinished: to those responsible. */
  record PlanItemOverdue(long itemId, List<Long> assigneeIds) implements Event {
    public PlanItemOverdue {
      assigneeIds = List.copyOf(assigneeIds);
    }
  }

  /**
   * An ethics report resolved: to the reporter. {@code pageId} (null when the target is not on a
   * page) keeps the title from a reporter who may no longer see the page; {@code title} and {@code
   * link} (a path of this site) name what was reported; {@code outcome} is the resolution's code
   * ({@code dismissed}, {@code hidden}, {@code reverted}).
   */
  record ReportResolved(
      long reportId,
      long reporterId,
      long actorId,
      String outcome,
      Long communityId,
      Long pageId,
      String title,
      String link)
      implements Event {}
}
