-- Evaluation of a community's results (§5). The figures are computed from records that exist
-- already (memberships, the contribution ledger, plan versions, page status changes, views, wiki
-- links); only what a moderator says about a period is new here.

-- The moderator's assessment of a period (§5.1: relevance of the direction, degree to which the
-- tasks are solved), each scored 1–5 with a written justification. Never overwritten: a new
-- assessment of the same period is a new row, the latest counts and the earlier ones stay visible.
CREATE TABLE evaluation_assessments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint NOT NULL REFERENCES communities (id),
  period_from  timestamptz NOT NULL,
  period_to    timestamptz NOT NULL CHECK (period_to > period_from),
  relevance    smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
  solution     smallint NOT NULL CHECK (solution BETWEEN 1 AND 5),
  text         text NOT NULL,
  author_id    bigint NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX evaluation_assessments_period
  ON evaluation_assessments (community_id, period_from, period_to, id);

-- Whether a community's evaluation summary is open to everyone (§3 openness), as a moderator set
-- it: every change is a row with who and when; the latest counts. Without a row it is not public.
CREATE TABLE evaluation_publicity (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint  NOT NULL REFERENCES communities (id),
  public       boolean NOT NULL,
  changed_by   bigint  NOT NULL REFERENCES users (id),
  changed_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX evaluation_publicity_community ON evaluation_publicity (community_id, id);

CREATE TRIGGER evaluation_assessments_append_only BEFORE UPDATE OR DELETE ON evaluation_assessments
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER evaluation_assessments_no_truncate BEFORE TRUNCATE ON evaluation_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER evaluation_publicity_append_only BEFORE UPDATE OR DELETE ON evaluation_publicity
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER evaluation_publicity_no_truncate BEFORE TRUNCATE ON evaluation_publicity
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A page's first publication is its earliest 'published' status change: the results of a period
-- are read by it (the period's publications by time, then whether the page had an earlier one).
CREATE INDEX page_status_changes_published ON page_status_changes (page_id, changed_at)
  WHERE status = 'published';
CREATE INDEX page_status_changes_published_at ON page_status_changes (changed_at)
  WHERE status = 'published';
-- Each participant's ledger rows of a period, counted by kind from the index alone (measured with
-- 1,000,000 rows in one community: the heap lookups for the kind were most of the time).
CREATE INDEX contributions_community_user ON contributions (community_id, user_id, created_at)
  INCLUDE (kind);
-- Comments are a handful among a million edits: found without reading the others.
CREATE INDEX contributions_comments ON contributions (community_id, created_at)
  WHERE kind = 'comment';
