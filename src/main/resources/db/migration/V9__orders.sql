-- Orders (приказы) of the centre that confirm the composition of communities (regulation §4.4).
-- Every change of composition — a membership period of a member or moderator starting or ending —
-- waits for an order; issuing one records which changes it confirmed. Issued orders are never
-- changed: a mistake is corrected by a later order, so both tables are append-only.

CREATE TABLE orders (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number     text NOT NULL,          -- as the centre writes it: 15-од
  number_key text NOT NULL,          -- lower-cased without spaces (Java), for uniqueness
  date       date NOT NULL,          -- the date the order was signed
  issued_by  bigint NOT NULL REFERENCES users (id),
  issued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  note       text
);
-- Orders are numbered anew each calendar year (Russian office practice): «№ 1-од» of 2027 is
-- another order than «№ 1-од» of 2026, but two orders of one year never share a number.
CREATE UNIQUE INDEX orders_number_per_year ON orders (number_key, (extract(year FROM date)));

-- The composition changes each order confirmed: the start or the end of a membership period.
-- The primary key makes a change confirmed once at most.
CREATE TABLE order_items (
  order_id      bigint NOT NULL REFERENCES orders (id),
  membership_id bigint NOT NULL REFERENCES memberships (id),
  event         text NOT NULL CHECK (event IN ('start', 'end')),
  PRIMARY KEY (membership_id, event)
);
CREATE INDEX order_items_order ON order_items (order_id);

CREATE TRIGGER orders_append_only BEFORE UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER orders_no_truncate BEFORE TRUNCATE ON orders
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER order_items_append_only BEFORE UPDATE OR DELETE ON order_items
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER order_items_no_truncate BEFORE TRUNCATE ON order_items
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- What confirmed each membership period's start and end: the one place that says so, read by the
-- orders and by the membership history. An issued order that lists the event (order_items), else
-- an order entered by hand on the admin screens or through the API: a period's own order for its
-- start; for the end of a period ended by a role change, the order of the period that replaced it
-- (one act, one order). Neither: the event is pending. One row per membership, so a query that
-- joins it by membership_id reads a few index entries.
CREATE VIEW membership_orders AS
SELECT m.id AS membership_id,
       s.order_id AS start_order_id, m.order_number AS start_hand_number,
       m.order_date AS start_hand_date,
       e.order_id AS end_order_id, next.order_number AS end_hand_number,
       next.order_date AS end_hand_date
  FROM memberships m
  LEFT JOIN order_items s ON s.membership_id = m.id AND s.event = 'start'
  LEFT JOIN order_items e ON e.membership_id = m.id AND e.event = 'end'
  LEFT JOIN LATERAL (
    SELECT n.order_number, n.order_date FROM memberships n
     WHERE m.end_reason = 'role_changed' AND n.community_id = m.community_id
       AND n.user_id = m.user_id AND n.started_at = m.ended_at AND n.order_number IS NOT NULL
     LIMIT 1) next ON true;

-- The changes of composition: the start and the end of each period of a member or moderator
-- (experts are not the composition), with what confirmed them (membership_orders).
CREATE VIEW composition_events AS
SELECT m.id AS membership_id, 'start'::text AS event, m.community_id, m.user_id, m.role,
       m.started_at AS at, NULL::text AS end_reason, NULL::text AS end_note,
       o.start_hand_number AS hand_number, o.start_hand_date AS hand_date,
       o.start_order_id AS order_id
  FROM memberships m JOIN membership_orders o ON o.membership_id = m.id
 WHERE m.started_at IS NOT NULL AND m.role IN ('member', 'moderator')
UNION ALL
SELECT m.id, 'end', m.community_id, m.user_id, m.role, m.ended_at, m.end_reason, m.end_note,
       o.end_hand_number, o.end_hand_date, o.end_order_id
  FROM memberships m JOIN membership_orders o ON o.membership_id = m.id
 WHERE m.started_at IS NOT NULL AND m.ended_at IS NOT NULL AND m.role IN ('member', 'moderator');

-- A person's periods in a community: the lateral join above finds the period that replaced one.
CREATE INDEX memberships_community_user ON memberships (community_id, user_id, started_at);
