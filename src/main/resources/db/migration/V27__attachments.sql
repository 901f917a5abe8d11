-- Files attached to pages (README: "Files"). PostgreSQL stays the only source of truth: the
-- contents live here too, deduplicated by SHA-256 and cut into chunks, so pg_dump is the whole
-- backup and no file is ever read into memory whole.

-- One stored content. A blob is written chunk by chunk while it arrives, before its hash is known:
-- sha256 is null until the upload completes, then set (or the blob dropped, when an identical one
-- is already stored). Blobs left without a hash by a dead upload are removed by housekeeping.
CREATE TABLE attachment_blobs (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256     text UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size       bigint NOT NULL DEFAULT 0,
  media_type text NOT NULL DEFAULT 'application/octet-stream',
  width      integer,
  height     integer,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE attachment_chunks (
  blob_id bigint  NOT NULL REFERENCES attachment_blobs (id) ON DELETE CASCADE,
  n       integer NOT NULL,
  bytes   bytea   NOT NULL,
  PRIMARY KEY (blob_id, n)
);
-- Most uploads are compressed already (images, .docx, PDF): no second try at compressing them.
ALTER TABLE attachment_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- A named file of a page; its contents are its versions. hidden mirrors the latest act of
-- attachment_hides (the record of who hid it, when and why).
CREATE TABLE attachments (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id    bigint NOT NULL REFERENCES pages (id),
  name       text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  versions   integer NOT NULL DEFAULT 0,
  hidden     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX attachments_page_name ON attachments (page_id, lower(name));

-- Every upload under a name: append-only, nothing deleted.
CREATE TABLE attachment_versions (
  attachment_id bigint  NOT NULL REFERENCES attachments (id),
  number        integer NOT NULL CHECK (number >= 1),
  blob_id       bigint  NOT NULL REFERENCES attachment_blobs (id),
  uploaded_by   bigint  NOT NULL REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (attachment_id, number)
);
CREATE INDEX attachment_versions_blob ON attachment_versions (blob_id);

-- A moderator hides an attachment (or shows it again): recorded, append-only.
CREATE TABLE attachment_hides (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attachment_id bigint  NOT NULL REFERENCES attachments (id),
  hidden        boolean NOT NULL,
  reason        text    NOT NULL DEFAULT '',
  by_user       bigint  NOT NULL REFERENCES users (id),
  at            timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER attachment_versions_append_only BEFORE UPDATE OR DELETE ON attachment_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER attachment_versions_no_truncate BEFORE TRUNCATE ON attachment_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER attachment_hides_append_only BEFORE UPDATE OR DELETE ON attachment_hides
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER attachment_hides_no_truncate BEFORE TRUNCATE ON attachment_hides
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Downloads per attachment and day: how much a file is in demand, nothing about who took it.
CREATE TABLE attachment_downloads (
  attachment_id bigint NOT NULL REFERENCES attachments (id),
  day           date   NOT NULL,
  count         bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (attachment_id, day)
);

-- Resized previews of images, stored as blobs too.
CREATE TABLE attachment_previews (
  blob_id         bigint  NOT NULL REFERENCES attachment_blobs (id),
  width           integer NOT NULL,
  preview_blob_id bigint  REFERENCES attachment_blobs (id),
  status          text    NOT NULL CHECK (status IN ('done', 'failed')),
  error           text,
  PRIMARY KEY (blob_id, width)
);

-- The text inside a stored content, extracted by Tika in a child JVM: a queue and its outcome.
-- A worker takes a pending row (or a running one whose lease ran out: its node died) and sets it
-- running with a lease; it ends done, failed, timeout (killed at the time limit or out of memory)
-- or too-large, with the error kept. Rows are per content, so identical files are read once.
CREATE TABLE attachment_texts (
  sha256      text PRIMARY KEY,
  status      text NOT NULL DEFAULT 'pending'
              CHECK (status IN ('pending', 'running', 'done', 'failed', 'timeout', 'too-large',
                                'unsupported')),
  text        text,
  error       text,
  attempts    integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX attachment_texts_waiting ON attachment_texts (updated_at)
  WHERE status IN ('pending', 'running');
