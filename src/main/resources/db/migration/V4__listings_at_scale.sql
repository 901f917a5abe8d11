-- Listings that read only the rows they show, however many pages there are (the benchmark fills
-- 100,000): each list walks an index in the order it is shown and stops at its LIMIT.

-- Newest published materials: the Atom feed, the front page, the sitemap (read oldest first).
-- Partial: drafts are never listed by date, so they need no entries here.
CREATE INDEX pages_published ON pages (published_at DESC, id DESC) WHERE status = 'published';

-- The bank's shelves: each kind's newest materials.
CREATE INDEX pages_published_kind ON pages (kind, published_at DESC, id DESC)
  WHERE status = 'published';

-- A community's page list, in its order, one screen or API page at a time (keyset paging on
-- position, title, id).
CREATE INDEX pages_listing ON pages (community_id, position, title_key, id);

-- All views of a page so far: the sum of its page_views rows, kept with the page so the bank's
-- "most viewed" can read the top of each kind from an index instead of summing every day of every
-- page. Derived data: written with page_views by the view counter, and rebuilt here from it.
ALTER TABLE pages ADD COLUMN views bigint NOT NULL DEFAULT 0;
UPDATE pages p SET views = v.views
  FROM (SELECT page_id, sum(views) AS views FROM page_views GROUP BY page_id) v
 WHERE v.page_id = p.id;

-- The bank's shelves: each kind's most viewed materials; pages nobody read are never listed there.
CREATE INDEX pages_most_viewed ON pages (kind, views DESC, published_at DESC, id DESC)
  WHERE status = 'published' AND views > 0;
