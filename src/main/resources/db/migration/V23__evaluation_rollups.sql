-- Derived data for the evaluation (issue 16): what its figures would otherwise read row by row from
-- the whole ledger, every status change and every day of views. Each is kept by a trigger in the
-- same transaction as the rows it sums, and rebuilt here from them, so it never disagrees with
-- them; the evaluation still reads the raw rows wherever a period starts or ends inside a bucket,
-- so every figure stays exactly what the raw rows give.

-- When a page was first published: its earliest 'published' status change. A page published
-- before a period and published again inside it is not a result of that period.
ALTER TABLE pages ADD COLUMN first_published_at timestamptz;
UPDATE pages p SET first_published_at = s.first
  FROM (SELECT page_id, min(changed_at) AS first FROM page_status_changes
         WHERE status = 'published' GROUP BY page_id) s
 WHERE s.page_id = p.id;
CREATE INDEX pages_first_published ON pages (community_id, first_published_at)
  INCLUDE (status, kind) WHERE first_published_at IS NOT NULL;

CREATE FUNCTION note_first_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' THEN
    UPDATE pages SET first_published_at = NEW.changed_at
     WHERE id = NEW.page_id
       AND (first_published_at IS NULL OR first_published_at > NEW.changed_at);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER page_status_changes_first_publication AFTER INSERT ON page_status_changes
  FOR EACH ROW EXECUTE FUNCTION note_first_publication();

-- The ledger counted per community, person, kind and month. A month is a bucket of time: from
-- midnight of its first day to midnight of the next month's, in Europe/Moscow (the default
-- ui.time-zone). Any period is whole buckets plus the raw rows at its edges, so the counts are
-- exact in any time zone; they are only fastest for periods made of whole Moscow months.
CREATE TABLE contribution_months (
  community_id bigint      NOT NULL REFERENCES communities (id),
  user_id      bigint      NOT NULL REFERENCES users (id),
  month        timestamptz NOT NULL,
  kind         text        NOT NULL,
  n            integer     NOT NULL CHECK (n > 0),
  -- Covering: a period's months are read from the index alone.
  PRIMARY KEY (community_id, month, user_id, kind) INCLUDE (n)
);
INSERT INTO contribution_months (community_id, user_id, month, kind, n)
SELECT community_id, user_id,
       date_trunc('month', created_at AT TIME ZONE 'Europe/Moscow') AT TIME ZONE 'Europe/Moscow',
       kind, count(*)
  FROM contributions GROUP BY 1, 2, 3, 4;

CREATE FUNCTION count_contribution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contribution_months AS m (community_id, user_id, month, kind, n)
  VALUES (NEW.community_id, NEW.user_id,
          date_trunc('month', NEW.created_at AT TIME ZONE 'Europe/Moscow')
            AT TIME ZONE 'Europe/Moscow',
          NEW.kind, 1)
  ON CONFLICT (community_id, month, user_id, kind) DO UPDATE SET n = m.n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER contributions_counted AFTER INSERT ON contributions
  FOR EACH ROW EXECUTE FUNCTION count_contribution();

-- Views per community and day, of all its pages (views are only ever counted for published
-- pages; a page unpublished since keeps its earlier views here, and the evaluation subtracts
-- those of pages not published now, which are few).
CREATE TABLE community_view_days (
  community_id bigint NOT NULL REFERENCES communities (id),
  day          date   NOT NULL,
  views        bigint NOT NULL,
  -- Covering: a year's days of a community lie on as many pages of the table as days (each day
  -- writes every community's row), but together in the index.
  PRIMARY KEY (community_id, day) INCLUDE (views)
);
INSERT INTO community_view_days (community_id, day, views)
SELECT p.community_id, v.day, sum(v.views)
  FROM page_views v JOIN pages p ON p.id = v.page_id GROUP BY 1, 2;

-- The pages not published now, whose views the evaluation subtracts.
CREATE INDEX pages_unpublished ON pages (community_id) WHERE status <> 'published';

CREATE FUNCTION count_community_views() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added bigint := NEW.views - CASE WHEN TG_OP = 'UPDATE' THEN OLD.views ELSE 0 END;
BEGIN
  IF added <> 0 THEN
    INSERT INTO community_view_days AS d (community_id, day, views)
    SELECT p.community_id, NEW.day, added FROM pages p WHERE p.id = NEW.page_id
    ON CONFLICT (community_id, day) DO UPDATE SET views = d.views + EXCLUDED.views;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER page_views_counted AFTER INSERT OR UPDATE ON page_views
  FOR EACH ROW EXECUTE FUNCTION count_community_views();

-- A page moved to another community takes its views along, as the raw rows (joined through the
-- page's current community) would count them.
CREATE FUNCTION move_community_views() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO community_view_days AS d (community_id, day, views)
  SELECT community_id, day, views FROM (
    SELECT OLD.community_id AS community_id, day, -views AS views FROM page_views WHERE page_id = NEW.id
    UNION ALL
    SELECT NEW.community_id, day, views FROM page_views WHERE page_id = NEW.id) moved
  ON CONFLICT (community_id, day) DO UPDATE SET views = d.views + EXCLUDED.views;
  RETURN NULL;
END $$;
CREATE TRIGGER pages_views_move AFTER UPDATE OF community_id ON pages
  FOR EACH ROW WHEN (OLD.community_id IS DISTINCT FROM NEW.community_id)
  EXECUTE FUNCTION move_community_views();
