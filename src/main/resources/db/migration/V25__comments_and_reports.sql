-- Discussion under pages (§3 mutual support) and ethics reports (§3 ethical norms).

-- A comment on a page; a reply names the top-level comment it answers (one level of replies). The
-- row holds the comment's state (its latest text, deleted by its author, hidden by a moderator);
-- every text it ever had is in comment_versions and every deletion and hiding in comment_acts, both
-- append-only: nothing said is ever lost.
CREATE TABLE comments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id       bigint  NOT NULL REFERENCES pages (id),
  author_id     bigint  NOT NULL REFERENCES users (id),
  parent_id     bigint  REFERENCES comments (id),
  markdown      text    NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  edited_at     timestamptz,
  deleted_at    timestamptz,
  hidden_at     timestamptz,
  hidden_by     bigint REFERENCES users (id),
  hidden_reason text
);
CREATE INDEX comments_page ON comments (page_id, id);
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE comment_versions (
  comment_id bigint  NOT NULL REFERENCES comments (id),
  version    integer NOT NULL,
  markdown   text    NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (comment_id, version)
);

CREATE TABLE comment_acts (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  comment_id bigint NOT NULL REFERENCES comments (id),
  kind       text   NOT NULL CHECK (kind IN ('deleted', 'hidden')),
  user_id    bigint NOT NULL REFERENCES users (id),
  reason     text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX comment_acts_comment ON comment_acts (comment_id);

CREATE TRIGGER comment_versions_append_only BEFORE UPDATE OR DELETE ON comment_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER comment_versions_no_truncate BEFORE TRUNCATE ON comment_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER comment_acts_append_only BEFORE UPDATE OR DELETE ON comment_acts
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER comment_acts_no_truncate BEFORE TRUNCATE ON comment_acts
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A comment counts in the ledger once, as it is posted.
ALTER TABLE contributions ADD COLUMN comment_id bigint REFERENCES comments (id);
CREATE UNIQUE INDEX contributions_comment ON contributions (comment_id)
  WHERE comment_id IS NOT NULL;

-- Revisions hidden by a moderator from everyone but the community's moderators and administrators
-- (a breach of the ethical norms: personal data, offence). The hiding is its own act; the revision
-- itself stays as it was.
CREATE TABLE revision_hidings (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id    bigint  NOT NULL REFERENCES pages (id),
  revision   integer NOT NULL,
  hidden_by  bigint  NOT NULL REFERENCES users (id),
  reason     text    NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (page_id, revision)
);
CREATE TRIGGER revision_hidings_append_only BEFORE UPDATE OR DELETE ON revision_hidings
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER revision_hidings_no_truncate BEFORE TRUNCATE ON revision_hidings
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Ethics reports: a user reports a page, one of its revisions or a comment; the community's
-- moderators resolve it (dismissed, the thing hidden, the page reverted) with a note the reporter
-- reads.
CREATE TABLE reports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reporter_id  bigint NOT NULL REFERENCES users (id),
  community_id bigint NOT NULL REFERENCES communities (id),
  page_id      bigint NOT NULL REFERENCES pages (id),
  target_kind  text   NOT NULL CHECK (target_kind IN ('page', 'revision', 'comment')),
  revision     integer,
  comment_id   bigint REFERENCES comments (id),
  reason       text   NOT NULL CHECK (reason IN ('spam', 'offensive', 'copyright',
                                                  'personal-data', 'other')),
  text         text   NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  status       text   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  action       text   CHECK (action IN ('dismissed', 'hidden', 'reverted')),
  note         text,
  resolved_by  bigint REFERENCES users (id),
  resolved_at  timestamptz,
  CHECK ((target_kind = 'revision') = (revision IS NOT NULL)),
  CHECK ((target_kind = 'comment') = (comment_id IS NOT NULL)),
  CHECK ((status = 'resolved') = (action IS NOT NULL))
);
CREATE INDEX reports_open ON reports (community_id, id) WHERE status = 'open';
CREATE INDEX reports_reporter ON reports (reporter_id, id);

-- A page's discussion is part of its screen: a comment posted, edited, deleted or hidden through
-- any server reaches every server's cached page views the way a save does, through the search
-- indexer's change queue (the page is read again: cheap, one page).
CREATE FUNCTION comment_changed_for_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_changes (page_id) VALUES (NEW.page_id);
  PERFORM pg_notify('search_changes', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER comments_page_changed AFTER INSERT OR UPDATE ON comments
  FOR EACH ROW EXECUTE FUNCTION comment_changed_for_pages();
