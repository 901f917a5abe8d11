-- The moderators' review queue: pages waiting «на проверке» and published pages whose latest
-- revision is newer than the reviewed one. The header counts them on every screen a moderator
-- sees, so they are found through an index of their own, by community, whatever the number of
-- pages (the predicate is the queue's condition, written the same way in its queries).
CREATE INDEX pages_awaiting_review ON pages (community_id)
  WHERE status = 'review' OR (status = 'published' AND current_revision > reviewed_revision);

-- Recent changes are read newest first, across the site or filtered by author.
CREATE INDEX revisions_author ON revisions (author_id, id);

-- A personal token per user for the Atom feed of recent changes: a feed reader cannot log in, so
-- the feed's address carries a secret. Only its SHA-256 is kept (a leaked database gives no
-- working address); regenerating replaces it and revoking removes it, so this is not history.
CREATE TABLE feed_tokens (
  user_id    bigint PRIMARY KEY REFERENCES users (id),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
