-- What the search index must catch up on. Every change to what a page shows in search (a save
-- moves current_revision, publishing moves status, and so on) adds a row here in the same
-- transaction, and wakes the indexers with NOTIFY at commit.
--
-- The order is the commit order, and it comes from PostgreSQL's transaction ids: a row's txid is
-- the 64-bit id of the transaction that wrote it. Ids are handed out when transactions start, not
-- when they commit, so an indexer never trusts "the largest id seen so far". It trusts the
-- horizon instead, pg_snapshot_xmin(pg_current_snapshot()): every transaction below it has ended,
-- so no row with a smaller txid can appear any more. An indexer that has applied everything it saw
-- keeps the horizon as its checkpoint and next time reads the rows from there.
CREATE TABLE search_changes (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id bigint NOT NULL REFERENCES pages (id),
  txid    xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX search_changes_txid ON search_changes (txid);

CREATE FUNCTION page_changed_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_changes (page_id) VALUES (NEW.id);
  -- Delivered at commit, once per transaction however many pages it touched.
  PERFORM pg_notify('search_changes', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER pages_search_insert AFTER INSERT ON pages
  FOR EACH ROW EXECUTE FUNCTION page_changed_for_search();
CREATE TRIGGER pages_search_update AFTER UPDATE ON pages
  FOR EACH ROW
  WHEN (OLD.current_revision IS DISTINCT FROM NEW.current_revision
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.slug IS DISTINCT FROM NEW.slug
        OR OLD.published_at IS DISTINCT FROM NEW.published_at
        OR OLD.community_id IS DISTINCT FROM NEW.community_id)
  EXECUTE FUNCTION page_changed_for_search();

-- Search results show the community's name, and filter by its slug.
CREATE FUNCTION community_changed_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_changes (page_id) SELECT id FROM pages WHERE community_id = NEW.id;
  PERFORM pg_notify('search_changes', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER communities_search_update AFTER UPDATE ON communities
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
  EXECUTE FUNCTION community_changed_for_search();

-- Names this database for the indexes built from it: an index directory that meets another
-- database (a new one, or one restored from a dump) sees a different id and rebuilds.
INSERT INTO app_state (key, value) VALUES ('database_id', gen_random_uuid()::text)
  ON CONFLICT (key) DO NOTHING;
