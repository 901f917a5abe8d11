-- Images in pages (README: "Images in pages"). Previews are kept in attachment_previews (V27): a
-- resized copy of an image wider than a page, made on first view, stored as a blob like any file
-- (derived data: deleting a row only makes the preview again).

-- Files kept aside for a page that does not have them yet: the pictures of a Word document
-- imported into the editor, and images pasted into a page not saved yet. Their contents are
-- stored blobs at once; the editor carries the token, and saving the page makes each of them a
-- file of the page (in one transaction) and deletes the rows. Only the user who sent them sees
-- them, in the community they were sent to. Not history: rows that were never saved with a page
-- are removed by housekeeping after a week (their blobs stay, as every blob does).
CREATE TABLE attachment_pending (
  token        uuid   NOT NULL,
  name         text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  blob_id      bigint NOT NULL REFERENCES attachment_blobs (id),
  user_id      bigint NOT NULL REFERENCES users (id),
  community_id bigint NOT NULL REFERENCES communities (id),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX attachment_pending_name ON attachment_pending (token, lower(name));
CREATE INDEX attachment_pending_age ON attachment_pending (created_at);
