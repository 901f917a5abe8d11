-- Reviewed (stable) versions of published pages (§4.8: moderators prepare materials for the
-- teaching community). The public reads a published page's reviewed revision; its community's
-- insiders read the latest one, and edits saved after the review wait for the next. Pages published
-- before reviews existed were published as they stood: their current revision is what the public
-- read, so it is their reviewed one.
ALTER TABLE pages ADD COLUMN reviewed_revision integer;
ALTER TABLE pages ADD COLUMN reviewed_at timestamptz;
UPDATE pages SET reviewed_revision = current_revision,
                 reviewed_at = greatest(published_at, updated_at)
 WHERE status = 'published';

-- Every act of the review workflow, append-only: a member asks for a review (with a note), a
-- moderator returns the page (with a note) or reviews a revision (the public then reads it).
CREATE TABLE page_reviews (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id    bigint  NOT NULL REFERENCES pages (id),
  revision   integer NOT NULL,
  kind       text    NOT NULL CHECK (kind IN ('requested', 'returned', 'reviewed')),
  user_id    bigint  NOT NULL REFERENCES users (id),
  note       text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX page_reviews_page ON page_reviews (page_id, id);
INSERT INTO page_reviews (page_id, revision, kind, user_id, created_at)
SELECT p.id, p.current_revision, 'reviewed',
       coalesce((SELECT s.changed_by FROM page_status_changes s
                  WHERE s.page_id = p.id AND s.status = 'published'
                  ORDER BY s.id DESC LIMIT 1),
                (SELECT r.author_id FROM revisions r
                  WHERE r.page_id = p.id AND r.number = p.current_revision)),
       p.reviewed_at
  FROM pages p WHERE p.status = 'published';

CREATE TRIGGER page_reviews_append_only BEFORE UPDATE OR DELETE ON page_reviews
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER page_reviews_no_truncate BEFORE TRUNCATE ON page_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A review changes what the public finds: the indexers follow it like a save.
DROP TRIGGER pages_search_update ON pages;
CREATE TRIGGER pages_search_update AFTER UPDATE ON pages
  FOR EACH ROW
  WHEN (OLD.current_revision IS DISTINCT FROM NEW.current_revision
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.slug IS DISTINCT FROM NEW.slug
        OR OLD.published_at IS DISTINCT FROM NEW.published_at
        OR OLD.community_id IS DISTINCT FROM NEW.community_id
        OR OLD.reviewed_revision IS DISTINCT FROM NEW.reviewed_revision)
  EXECUTE FUNCTION page_changed_for_search();

-- The newest published materials by the time their reviewed text last changed (sitemap, feed).
CREATE INDEX pages_reviewed ON pages (reviewed_at DESC, id DESC) WHERE status = 'published';
