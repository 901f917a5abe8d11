-- Two costs of a save that its profile (issue 20) found in PostgreSQL rather than in the server.

-- 1. A transaction that NOTIFYs holds a database-wide lock from before its commit record is
-- written until after it is flushed, so committing transactions that notify cannot share a WAL
-- flush: they commit one at a time. Every save notified (the search trigger below), so four
-- writers queued for each other's disk syncs (pgbench on this machine, 4 clients, an INSERT per
-- transaction: 2,510 commits/s and 1.6 ms without the NOTIFY, 612/s and 6.5 ms with it). A
-- transaction that sets metodichka.wake_after_commit promises to send the NOTIFY itself once it
-- has committed (PageService.save does, from a transaction that writes nothing and so flushes
-- nothing); every other act is announced at its commit as before. A lost wake-up (the server dies
-- between its commit and the NOTIFY) costs only time: the indexers also look every few seconds.
CREATE OR REPLACE FUNCTION page_changed_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_changes (page_id) VALUES (NEW.id);
  -- Delivered at commit, once per transaction however many pages it touched.
  IF current_setting('metodichka.wake_after_commit', true) IS DISTINCT FROM 'on' THEN
    PERFORM pg_notify('search_changes', '');
  END IF;
  RETURN NULL;
END
$$;

-- 2. A revision's text is compressed as it is stored (a typical article: 21.6 KB of UTF-8, 8.1 KB
-- stored), and pglz_compress was 16 % of the PostgreSQL backends' time under four writers. LZ4
-- compresses this text several times faster and reads back faster too; rows stored before keep
-- their pglz (each value records its method). A server built without LZ4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE revisions ALTER COLUMN markdown SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'PostgreSQL was built without LZ4: revisions stay compressed with pglz';
END
$$;
