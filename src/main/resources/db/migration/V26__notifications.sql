-- Watching and notifications (issue 17 §4).

-- What a user watches: a page (page_id set) or a whole community (page_id null). Pages a user
-- edits are watched automatically (auto = true) unless the user turned that off.
CREATE TABLE watches (
  user_id      bigint NOT NULL REFERENCES users (id),
  community_id bigint NOT NULL REFERENCES communities (id),
  page_id      bigint REFERENCES pages (id),
  auto         boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX watches_page ON watches (user_id, page_id) WHERE page_id IS NOT NULL;
CREATE UNIQUE INDEX watches_community ON watches (user_id, community_id) WHERE page_id IS NULL;
-- The watchers of a page and of a community, read at each event.
CREATE INDEX watches_by_page ON watches (page_id) WHERE page_id IS NOT NULL;
CREATE INDEX watches_by_community ON watches (community_id) WHERE page_id IS NULL;

-- A user's choices: whether edited pages are watched; and the last notification a daily digest
-- carried to them.
CREATE TABLE notification_prefs (
  user_id     bigint PRIMARY KEY REFERENCES users (id),
  auto_watch  boolean NOT NULL DEFAULT true,
  digested_to bigint NOT NULL DEFAULT 0
);

-- How each kind reaches the user by e-mail; no row = immediately.
CREATE TABLE notification_delivery (
  user_id  bigint NOT NULL REFERENCES users (id),
  kind     text NOT NULL,
  delivery text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'off')),
  PRIMARY KEY (user_id, kind)
);

-- One notification of one user, written in the transaction of the act it tells about. The text is
-- kept as the act's facts (kind, title, link, who), rendered in the reader's language when shown.
CREATE TABLE notifications (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  kind         text NOT NULL,
  community_id bigint REFERENCES communities (id),
  page_id      bigint REFERENCES pages (id),
  actor_id     bigint REFERENCES users (id),
  title        text NOT NULL,
  detail       text NOT NULL DEFAULT '',
  link         text NOT NULL,
  event_at     timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
-- The header's unread count: one index range per screen.
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Mails to send, written in the same transaction as the notification they carry (or by the digest
-- round). The worker claims rows with FOR UPDATE SKIP LOCKED, so one node sends each; message_id
-- is fixed when the row is written, so a mail sent again after a crash is the same message.
CREATE TABLE mail_outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES users (id),
  notification_id bigint REFERENCES notifications (id),
  kind            text NOT NULL,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  link            text NOT NULL,
  unsubscribe     text NOT NULL,
  message_id      text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  last_error      text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Plan items already announced as overdue (for their due date), so the daily round tells once.
CREATE TABLE plan_overdue_notices (
  item_id    bigint NOT NULL REFERENCES plan_items (id),
  due        date NOT NULL,
  noticed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, due)
);
