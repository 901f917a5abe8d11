-- The structure of each community's information resource (regulation §4.8): its moderators arrange
-- the community's pages into an ordered tree. The tree lives on the pages themselves, keyed by page
-- id (so a renamed page keeps its place): parent_id is the page it stands under (NULL at the top),
-- and position is its place in the whole tree read in order (depth first), 0, 1, 2, … . So the
-- community's list, ordered by (position, title_key, id) through pages_listing, reads the tree in
-- order, and the pages before and after one are a step along that index. A page that is not
-- placed in the tree has position UNPLACED (the largest integer) and stands after the tree, by title.
ALTER TABLE pages ALTER COLUMN position SET DEFAULT 2147483647;
-- Nothing arranged pages before this migration: every page starts outside the tree.
UPDATE pages SET position = 2147483647, parent_id = NULL
 WHERE position <> 2147483647 OR parent_id IS NOT NULL;

-- A page's section: the pages under the same parent, in order.
CREATE INDEX pages_children ON pages (parent_id, position) WHERE parent_id IS NOT NULL;

-- Every change of a community's structure: who, when, and the whole tree it made, as it was then
-- ([{"id", "slug", "title", "children": […]}], page ids as the key). Append-only.
-- txid lets every server's indexer (which reads search_changes the same way, V3__search_changes.sql)
-- see that a structure changed, so the pages it caches for visitors (breadcrumbs, the section,
-- previous and next) go on every server within a second.
CREATE TABLE structure_changes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint NOT NULL REFERENCES communities (id),
  changed_by   bigint NOT NULL REFERENCES users (id),
  changed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  tree         jsonb NOT NULL,
  txid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX structure_changes_community ON structure_changes (community_id, id);
CREATE INDEX structure_changes_txid ON structure_changes (txid);

CREATE TRIGGER structure_changes_append_only BEFORE UPDATE OR DELETE ON structure_changes
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER structure_changes_no_truncate BEFORE TRUNCATE ON structure_changes
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

CREATE FUNCTION structure_changed_for_caches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Delivered at commit; wakes the indexers, which read the row by its txid.
  PERFORM pg_notify('search_changes', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER structure_changes_notify AFTER INSERT ON structure_changes
  FOR EACH STATEMENT EXECUTE FUNCTION structure_changed_for_caches();
