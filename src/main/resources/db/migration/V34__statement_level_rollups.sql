-- V23's derived counts (contribution_months, community_view_days), kept per statement instead of
-- per row. A row trigger upserts the same bucket once per row: a statement that adds a million
-- ledger rows or a day's views of every page (an import, a backfill, the evaluation benchmark's
-- fill) updated one bucket row thousands of times in one transaction, each update a new row
-- version the next one has to walk past, so the time grew with the square of the rows per
-- bucket (509 s for the benchmark's fill). Each statement now adds its rows to their buckets in
-- one grouped upsert, read from its transition tables. The counts are the same: a statement of
-- one row (the server's own writes) adds the same one.

DROP TRIGGER contributions_counted ON contributions;
DROP FUNCTION count_contribution();

CREATE FUNCTION count_contributions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Meeting attendance is read from the ledger by its own index (V24), not from these counts.
  INSERT INTO contribution_months AS m (community_id, user_id, month, kind, n)
  SELECT community_id, user_id,
         date_trunc('month', created_at AT TIME ZONE 'Europe/Moscow') AT TIME ZONE 'Europe/Moscow',
         kind, count(*)
    FROM added
   WHERE meeting_id IS NULL
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (community_id, month, user_id, kind) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER contributions_counted AFTER INSERT ON contributions
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION count_contributions();

-- A trigger with transition tables has one event, so views get one for inserted rows and one for
-- updated ones (an INSERT … ON CONFLICT DO UPDATE fires both, each with its own rows).
DROP TRIGGER page_views_counted ON page_views;
DROP FUNCTION count_community_views();

CREATE FUNCTION count_inserted_views() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO community_view_days AS d (community_id, day, views)
  SELECT p.community_id, a.day, sum(a.views)
    FROM added a JOIN pages p ON p.id = a.page_id
   GROUP BY 1, 2
  HAVING sum(a.views) <> 0
  ON CONFLICT (community_id, day) DO UPDATE SET views = d.views + EXCLUDED.views;
  RETURN NULL;
END $$;
CREATE TRIGGER page_views_counted AFTER INSERT ON page_views
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_views();

CREATE FUNCTION count_updated_views() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A page's views of a day are one row (page_id, day is the key, which nothing changes).
  INSERT INTO community_view_days AS d (community_id, day, views)
  SELECT p.community_id, n.day, sum(n.views - o.views)
    FROM after_update n
    JOIN before_update o ON o.page_id = n.page_id AND o.day = n.day
    JOIN pages p ON p.id = n.page_id
   GROUP BY 1, 2
  HAVING sum(n.views - o.views) <> 0
  ON CONFLICT (community_id, day) DO UPDATE SET views = d.views + EXCLUDED.views;
  RETURN NULL;
END $$;
CREATE TRIGGER page_views_recounted AFTER UPDATE ON page_views
  REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
  FOR EACH STATEMENT EXECUTE FUNCTION count_updated_views();
