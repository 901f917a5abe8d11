-- The activity plan of a community (§4.8), per academic year (1 September – 31 August, written
-- '2026/27'). An item never changes in place: every change is a new version, so the plan as it
-- stood on any past date can be shown (evaluation reads it, §5.1). The item's current state is its
-- latest version; versions are numbered 1..N under the item's row lock, as page revisions are.
CREATE TABLE plan_items (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint NOT NULL REFERENCES communities (id),
  year         text NOT NULL CHECK (year ~ '^[0-9]{4}/[0-9]{2}$'),
  created_by   bigint NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX plan_items_community_year ON plan_items (community_id, year);

-- Who is responsible and which pages are the results are arrays of ids in the order given: a
-- version is a snapshot read whole, users and pages are never deleted, and a child table per
-- version would double the writes of a change that touches neither.
CREATE TABLE plan_item_versions (
  item_id     bigint NOT NULL REFERENCES plan_items (id),
  version     integer NOT NULL CHECK (version > 0),
  valid_from  timestamptz NOT NULL DEFAULT clock_timestamp(),
  changed_by  bigint NOT NULL REFERENCES users (id),
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  form        text NOT NULL CHECK (form IN ('in-person', 'remote', 'mixed')),
  starts      date NOT NULL,
  due         date NOT NULL CHECK (due >= starts),
  status      text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),
  outcome     text NOT NULL DEFAULT '',
  responsible bigint[] NOT NULL DEFAULT '{}',
  results     bigint[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (item_id, version)
);

CREATE TRIGGER plan_items_append_only BEFORE UPDATE OR DELETE ON plan_items
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER plan_items_no_truncate BEFORE TRUNCATE ON plan_items
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER plan_item_versions_append_only BEFORE UPDATE OR DELETE ON plan_item_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER plan_item_versions_no_truncate BEFORE TRUNCATE ON plan_item_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A plan item done counts for each person responsible for it, once per item and person: marking
-- it done again after reopening it, or editing it while it stays done, adds nothing (the unique
-- index makes that the database's rule; it holds only the plan's rows, not the whole ledger).
ALTER TABLE contributions ADD COLUMN plan_item_id bigint REFERENCES plan_items (id);
ALTER TABLE contributions DROP CONSTRAINT contributions_kind_check;
ALTER TABLE contributions ADD CONSTRAINT contributions_kind_check
  CHECK (kind IN ('revision', 'page_created', 'comment', 'upload', 'review', 'meeting',
                  'plan_item'));
CREATE UNIQUE INDEX contributions_plan_item ON contributions (plan_item_id, user_id)
  WHERE plan_item_id IS NOT NULL;
