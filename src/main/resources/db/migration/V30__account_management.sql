-- Accounts the centre manages (issue 19 §3): what administrators changed about whom, kept for
-- ever (the regulation's openness: who granted or took a right, who disabled an account), and the
-- one-time links that let a person set a local password.

-- Append-only: one row per changed right or state. kind is what changed, old/new values as text.
CREATE TABLE account_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  actor_id   bigint REFERENCES users (id),   -- null: the person themselves through a reset link
  kind       text NOT NULL CHECK (kind IN ('admin_granted', 'admin_revoked', 'methodist_granted',
               'methodist_revoked', 'disabled', 'enabled', 'password_reset_issued',
               'password_reset_used', 'password_changed', 'imported', 'profile_changed')),
  detail     text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX account_events_user ON account_events (user_id, id);

CREATE TRIGGER account_events_append_only BEFORE UPDATE OR DELETE ON account_events
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER account_events_no_truncate BEFORE TRUNCATE ON account_events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A link to set a local password: only the SHA-256 of its token is stored, it works once and
-- until expires_at. Issuing a new one for the same person makes older unused ones void.
CREATE TABLE password_resets (
  token_hash bytea PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  created_by bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id);
