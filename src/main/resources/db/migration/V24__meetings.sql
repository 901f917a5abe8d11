-- Meetings of a community (§4.3), in person or remote. A meeting never changes in place: every
-- change (cancelling included) is a new version numbered 1..N under the meeting's row lock, as
-- plan items are; the current meeting is its latest version, and its calendar SEQUENCE is the
-- version less one (RFC 5545 starts at 0). Cancelling is a version with cancelled = true: a
-- cancelled meeting stays listed, and calendars get STATUS:CANCELLED.
CREATE TABLE meetings (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id bigint NOT NULL REFERENCES communities (id),
  created_by   bigint NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX meetings_community ON meetings (community_id);

CREATE TABLE meeting_versions (
  meeting_id    bigint NOT NULL REFERENCES meetings (id),
  version       integer NOT NULL CHECK (version > 0),
  valid_from    timestamptz NOT NULL DEFAULT clock_timestamp(),
  changed_by    bigint NOT NULL REFERENCES users (id),
  title         text NOT NULL,
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
  form          text NOT NULL CHECK (form IN ('in-person', 'remote')),
  place         text NOT NULL DEFAULT '',
  -- The remote meeting's address: only the community's insiders ever read it (MeetingReader).
  link          text NOT NULL DEFAULT '',
  agenda        text NOT NULL DEFAULT '',
  plan_item_id  bigint REFERENCES plan_items (id),
  minutes_page  bigint REFERENCES pages (id),
  cancelled     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (meeting_id, version)
);
-- Upcoming meetings on the front page and /me: by start, current versions only (read with
-- DISTINCT ON / LATERAL by meeting).
CREATE INDEX meeting_versions_starts ON meeting_versions (starts_at);

-- Each person's answer, the latest only: an answer is a plan, not a record the centre keeps.
CREATE TABLE meeting_rsvps (
  meeting_id  bigint NOT NULL REFERENCES meetings (id),
  user_id     bigint NOT NULL REFERENCES users (id),
  answer      text NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
  answered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (meeting_id, user_id)
);

-- Attendance as recorded, append-only: every time the moderator records a list, one row for each
-- person who came in or went out of it (present = false: withdrawn, a correction). The current
-- attendance is each person's latest row (meeting_attendees keeps it ready for evaluation).
CREATE TABLE meeting_attendance_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  bigint NOT NULL REFERENCES meetings (id),
  user_id     bigint NOT NULL REFERENCES users (id),
  present     boolean NOT NULL,
  changed_by  bigint NOT NULL REFERENCES users (id),
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX meeting_attendance_changes_meeting ON meeting_attendance_changes (meeting_id, id);

-- Who attended now: derived from meeting_attendance_changes in the same transaction (rows come
-- and go with corrections; the history above keeps every one).
CREATE TABLE meeting_attendees (
  meeting_id bigint NOT NULL REFERENCES meetings (id),
  user_id    bigint NOT NULL REFERENCES users (id),
  PRIMARY KEY (meeting_id, user_id)
);

-- Personal calendar feeds: like feed_tokens (the Atom feed), one secret per user, only its
-- SHA-256 kept.
CREATE TABLE calendar_tokens (
  user_id    bigint PRIMARY KEY REFERENCES users (id),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER meetings_append_only BEFORE UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER meetings_no_truncate BEFORE TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER meeting_versions_append_only BEFORE UPDATE OR DELETE ON meeting_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER meeting_versions_no_truncate BEFORE TRUNCATE ON meeting_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER meeting_attendance_changes_append_only
  BEFORE UPDATE OR DELETE ON meeting_attendance_changes
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER meeting_attendance_changes_no_truncate BEFORE TRUNCATE ON meeting_attendance_changes
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Attending a meeting counts once per meeting and person (the ledger is append-only, so a person
-- taken off the list keeps their row; evaluation counts a meeting row only while the person is in
-- meeting_attendees, see EvaluationRepository). The row is dated at the meeting's start, so it
-- falls in the period of the meeting rather than of its paperwork.
ALTER TABLE contributions ADD COLUMN meeting_id bigint REFERENCES meetings (id);
CREATE UNIQUE INDEX contributions_meeting ON contributions (meeting_id, user_id)
  WHERE meeting_id IS NOT NULL;

-- Attendance counts only while the person is on the meeting's list, so the evaluation reads it
-- from the ledger (by this index) and the monthly counts of V23 leave it out.
CREATE INDEX contributions_meetings ON contributions (community_id, created_at)
  WHERE meeting_id IS NOT NULL;
CREATE OR REPLACE FUNCTION count_contribution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.meeting_id IS NULL THEN
    INSERT INTO contribution_months AS m (community_id, user_id, month, kind, n)
    VALUES (NEW.community_id, NEW.user_id,
            date_trunc('month', NEW.created_at AT TIME ZONE 'Europe/Moscow')
              AT TIME ZONE 'Europe/Moscow',
            NEW.kind, 1)
    ON CONFLICT (community_id, month, user_id, kind) DO UPDATE SET n = m.n + 1;
  END IF;
  RETURN NULL;
END $$;
