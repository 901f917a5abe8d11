-- A save moves its page's head (pages.current_revision). PostgreSQL can update a row in place, on
-- its heap page and without a new entry in any of the table's indexes (a HOT update), only when
-- no column that an index reads changes. The review queue's index read current_revision in its
-- predicate, so every save wrote a new entry into each of the twelve indexes of pages (issue 20:
-- 0 HOT updates of 212,187 under four writers; the page's UPDATE was a fifth of a save's time in
-- PostgreSQL, and the dead entries are vacuum's work afterwards).
--
-- The queue's condition is now a stored column computed from the row. It changes only when a page
-- enters or leaves the queue (sent for review, reviewed, or a published page's first unreviewed
-- edit), so the saves of a draft, and every later save of a page already waiting, update in place.
-- The queue's queries read the column, and its index is on it.
DROP INDEX pages_awaiting_review;

-- Room on each heap page for the new versions of its rows; the column's rewrite of the table
-- packs the existing rows to it.
ALTER TABLE pages SET (fillfactor = 90);

ALTER TABLE pages ADD COLUMN awaiting_review boolean NOT NULL GENERATED ALWAYS AS (
  coalesce(status = 'review' OR (status = 'published' AND current_revision > reviewed_revision),
           false)) STORED;

CREATE INDEX pages_awaiting_review ON pages (community_id) WHERE awaiting_review;
