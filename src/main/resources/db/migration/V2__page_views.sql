-- Demand for published materials (regulation §5.1): views per page and day. Nothing about the
-- viewer is kept — no address, no user, no session — only the count.
CREATE TABLE page_views (
  page_id bigint NOT NULL REFERENCES pages (id),
  day     date   NOT NULL,
  views   bigint NOT NULL CHECK (views > 0),
  PRIMARY KEY (page_id, day)
);
