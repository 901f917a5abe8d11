-- Which pages' view counts changed, so that every server's search index sorts by the same counts
-- («most viewed», and the order of autocomplete), whichever server counted the views. A view
-- counter adds its counts to pages.views every few seconds; the trigger below notes each page here
-- in the same transaction and wakes the indexers with NOTIFY at commit. Each indexer reads, with
-- the pages of search_changes and from the same checkpoint (V3__search_changes.sql), the pages
-- noted since, and sets only the view count of their documents from pages.views.
--
-- One row per page, its txid the last transaction that changed its count (not a row per change
-- like search_changes: counts change every few seconds, and the table stays as small as pages).
-- Overwriting the txid keeps the horizon rule: a transaction that an indexer's snapshot did not
-- see has a txid at or above that snapshot's horizon, and so has any later one that overwrites it.
CREATE TABLE view_changes (
  page_id bigint PRIMARY KEY REFERENCES pages (id),
  txid    xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX view_changes_txid ON view_changes (txid);

CREATE FUNCTION page_views_changed_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO view_changes (page_id) VALUES (NEW.id)
    ON CONFLICT (page_id) DO UPDATE SET txid = pg_current_xact_id();
  -- Delivered at commit, once per transaction however many pages it touched.
  PERFORM pg_notify('search_changes', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER pages_views_update AFTER UPDATE OF views ON pages
  FOR EACH ROW WHEN (OLD.views IS DISTINCT FROM NEW.views)
  EXECUTE FUNCTION page_views_changed_for_search();

-- The number of the last rebuild of every server's search index that an administrator asked for
-- (/admin/search). Each index records the number it was built at in its checkpoint; an indexer
-- that finds a larger one here rebuilds, at once or when its server next starts.
INSERT INTO app_state (key, value) VALUES ('search_rebuild', '0') ON CONFLICT (key) DO NOTHING;
