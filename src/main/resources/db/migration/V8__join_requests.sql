-- Joining by request (§3: participation is voluntary). A request is a membership period in the
-- status 'requested' with the teacher's message; approval makes that period active (it starts
-- then), rejection ends it with the moderator's reason (end_note) and who decided (ended_by), and
-- the teacher may withdraw it. Nothing is deleted: evaluation reads the whole history.
ALTER TABLE memberships ADD COLUMN request_message text;

ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_status_check
  CHECK (status IN ('requested', 'active', 'left', 'rejected', 'withdrawn'));
ALTER TABLE memberships DROP CONSTRAINT memberships_end_reason_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_end_reason_check
  CHECK (end_reason IN ('left', 'removed', 'role_changed', 'rejected', 'withdrawn'));

-- The moderators' queue: the pending requests of a community, oldest first.
CREATE INDEX memberships_requested ON memberships (community_id, requested_at)
  WHERE status = 'requested';
