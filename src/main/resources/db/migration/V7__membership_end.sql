-- Who ended a membership period and why, kept apart from changed_by (the period's last change):
-- a member who left and a member removed by a moderator must read differently in the history,
-- with the moderator's note when there is one (§3 openness; regulation §4.4 composition changes).
ALTER TABLE memberships ADD COLUMN ended_by bigint REFERENCES users (id);
ALTER TABLE memberships ADD COLUMN end_note text;
UPDATE memberships SET ended_by = changed_by WHERE ended_at IS NOT NULL;
