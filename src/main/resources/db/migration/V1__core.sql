-- Metodichka core schema: people, communities, pages and their append-only history.
-- Keys ending in _key are lower-cased (Locale.ROOT, NFC) in Java, so case-insensitive uniqueness
-- does not depend on the database's collation (lower() ignores Cyrillic under the C locale).

CREATE TABLE institutions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  short_name  text,
  kind        text NOT NULL DEFAULT 'school'
              CHECK (kind IN ('school', 'kindergarten', 'college', 'centre', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login          text NOT NULL,
  login_key      text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  -- Contact only. Never used to find or link an account: an OIDC identity is found by
  -- (issuer, subject) alone, so a local account with the same e-mail cannot take it over.
  email          text,
  institution_id bigint REFERENCES institutions (id),
  position       text,
  is_admin       boolean NOT NULL DEFAULT false,
  is_methodist   boolean NOT NULL DEFAULT false,
  auth_source    text NOT NULL CHECK (auth_source IN ('local', 'oidc')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz
);

CREATE TABLE local_credentials (
  user_id       bigint PRIMARY KEY REFERENCES users (id),
  password_hash text NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE external_identities (
  issuer     text NOT NULL,
  subject    text NOT NULL,
  user_id    bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);

-- Server-side sessions: any node can check a token, and logout ends it everywhere.
-- Only a SHA-256 of the token is stored, so a database dump does not hand out live sessions.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Consecutive failed logins per login name (existing or not), to slow down guessing.
CREATE TABLE login_failures (
  login_key       text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failure_at timestamptz NOT NULL
);

CREATE TABLE communities (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL,
  slug_key    text NOT NULL UNIQUE,
  name        text NOT NULL,
  task        text NOT NULL,
  description text NOT NULL DEFAULT '',
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  bigint REFERENCES users (id)
);

-- One row per period of one user in one role. A role change ends the current row
-- (end_reason 'role_changed') and opens a new one; rows are never deleted.
CREATE TABLE memberships (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint NOT NULL REFERENCES communities (id),
  user_id      bigint NOT NULL REFERENCES users (id),
  role         text NOT NULL CHECK (role IN ('member', 'moderator', 'expert')),
  status       text NOT NULL CHECK (status IN ('requested', 'active', 'left', 'rejected')),
  requested_at timestamptz,
  started_at   timestamptz,
  ended_at     timestamptz,
  end_reason   text CHECK (end_reason IN ('left', 'removed', 'role_changed', 'rejected')),
  order_number text,
  order_date   date,
  changed_by   bigint REFERENCES users (id)
);
CREATE UNIQUE INDEX memberships_current
  ON memberships (community_id, user_id) WHERE status IN ('requested', 'active');
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE pages (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id     bigint NOT NULL REFERENCES communities (id),
  slug             text NOT NULL,
  slug_key         text NOT NULL,
  title            text NOT NULL,
  title_key        text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('resource', 'practice', 'project', 'product',
                     'article', 'methodological-development', 'other')),
  status           text NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'review', 'published', 'archived')),
  parent_id        bigint REFERENCES pages (id),
  position         integer NOT NULL DEFAULT 0,
  current_revision integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  published_at     timestamptz,
  UNIQUE (community_id, slug_key)
);
CREATE INDEX pages_title ON pages (community_id, title_key);

-- The history. Append-only: see the triggers below.
CREATE TABLE revisions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id       bigint NOT NULL REFERENCES pages (id),
  number        integer NOT NULL CHECK (number > 0),
  base_number   integer,            -- the revision the author started from (older when merged)
  author_id     bigint NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  summary       text NOT NULL DEFAULT '',
  title         text NOT NULL,
  kind          text NOT NULL,
  markdown      text NOT NULL,
  metadata      jsonb NOT NULL DEFAULT '{}',
  size          integer NOT NULL,   -- characters of markdown, kept for history listings
  content_hash  bytea NOT NULL,     -- SHA-256 of title and markdown
  merged        boolean NOT NULL DEFAULT false,
  reverted_from integer,
  UNIQUE (page_id, number)
);

-- Wiki links of each revision, written with it; backlinks are read from the current revisions.
CREATE TABLE page_links (
  revision_id      bigint NOT NULL REFERENCES revisions (id),
  target_community text NOT NULL,   -- slug_key of the target community
  target_slug_key  text NOT NULL,   -- the link text made into a slug
  target_title_key text NOT NULL,   -- the link text as a title key
  PRIMARY KEY (revision_id, target_community, target_title_key)
);
CREATE INDEX page_links_target ON page_links (target_community, target_slug_key);
CREATE INDEX page_links_target_title ON page_links (target_community, target_title_key);

CREATE TABLE page_status_changes (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id    bigint NOT NULL REFERENCES pages (id),
  status     text NOT NULL,
  changed_by bigint NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The ledger evaluation is computed from (DESIGN.md "Contribution"), written in the act's transaction.
CREATE TABLE contributions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id),
  community_id  bigint NOT NULL REFERENCES communities (id),
  page_id       bigint REFERENCES pages (id),
  revision_id   bigint REFERENCES revisions (id),
  kind          text NOT NULL CHECK (kind IN ('revision', 'page_created', 'comment', 'upload',
                  'review', 'meeting')),
  chars_added   integer NOT NULL DEFAULT 0,
  chars_removed integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX contributions_community ON contributions (community_id, created_at);
CREATE INDEX contributions_user ON contributions (user_id, created_at);

-- Results of saves that carried an Idempotency-Key, so a retried request gets the first answer.
CREATE TABLE idempotency_keys (
  user_id         bigint NOT NULL REFERENCES users (id),
  key             text NOT NULL,
  request_hash    bytea NOT NULL,
  response_status integer NOT NULL,
  response        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE app_state (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- Append-only is a property of the database, not only of the code.
CREATE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER page_links_append_only BEFORE UPDATE OR DELETE ON page_links
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER contributions_append_only BEFORE UPDATE OR DELETE ON contributions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER contributions_no_truncate BEFORE TRUNCATE ON contributions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER page_status_changes_append_only BEFORE UPDATE OR DELETE ON page_status_changes
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER memberships_no_delete BEFORE DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
