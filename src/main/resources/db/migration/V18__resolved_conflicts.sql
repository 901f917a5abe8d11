-- Conflict resolution made explicit: a save that settles an edit conflict records with which
-- revision it conflicted, so the history says «разрешён конфликт с версией N» and a colleague's
-- overwritten words can be found (compare N with the resolution). Written once with the revision;
-- revisions stay insert-only (their triggers still refuse UPDATE and DELETE).
ALTER TABLE revisions ADD COLUMN resolved_conflict_with integer
  CHECK (resolved_conflict_with > 0 AND resolved_conflict_with < number);
