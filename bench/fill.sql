-- Grows the benchmark's database to at least :pages pages by copying the corpus pages of community
-- :'community' (loaded through the API before) in SQL: copy k of a page gets the slug "<slug>-k",
-- the title "<title> (k)" and one revision with the original's text. Copies are published like
-- the originals, their one revision reviewed (what the public reads and finds). One transaction;
-- the triggers record every new page for the search indexer.
--
--   psql -v pages=100000 -v community=bench -f bench/fill.sql DB_URL
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE originals ON COMMIT DROP AS
SELECT p.id, p.community_id, p.slug, p.slug_key, p.title, p.title_key, p.kind, p.status,
       p.published_at, r.author_id, r.markdown, r.metadata, r.size, r.content_hash
  FROM pages p
  JOIN communities c ON c.id = p.community_id
  JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
 WHERE c.slug = :'community' AND p.status = 'published';

CREATE TEMP TABLE copies ON COMMIT DROP AS
SELECT o.*, k
  FROM originals o,
       generate_series(1, greatest(0, ceil((:pages - (SELECT count(*) FROM pages))::numeric
                                           / greatest(1, (SELECT count(*) FROM originals)))::int)) AS k;

INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status, current_revision,
                   published_at, reviewed_revision, reviewed_at)
SELECT community_id, slug || '-' || k, slug_key || '-' || k, title || ' (' || k || ')',
       title_key || ' (' || k || ')', kind, status, 1, published_at, 1, published_at
  FROM copies;

INSERT INTO revisions (page_id, number, author_id, title, kind, markdown, metadata, size,
                       content_hash, summary)
SELECT p.id, 1, c.author_id, p.title, c.kind, c.markdown, c.metadata, c.size, c.content_hash,
       'Копия для замера'
  FROM copies c
  JOIN pages p ON p.community_id = c.community_id AND p.slug_key = c.slug_key || '-' || c.k;

COMMIT;
ANALYZE;
SELECT count(*) AS pages FROM pages;
