-- Independent experts (§5.2). Everything here is history: rights granted and withdrawn, rubric
-- versions, invitations and submitted reviews are only ever added (triggers below), so what an
-- expert scored, under which criteria, stays as it was.

-- The global expert right, as events: the latest row of a user says whether they hold it now
-- (with OIDC later, a realm role is mirrored here). Per-community 'expert' memberships predate it
-- and grant nothing in this feature.
CREATE TABLE expert_rights (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  granted    boolean NOT NULL,
  changed_by bigint NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX expert_rights_user ON expert_rights (user_id, id);

-- The rubric: each edit by an administrator is a new version; an invitation keeps the version it
-- was made under, so a review is always read against the criteria its expert scored.
CREATE TABLE rubric_versions (
  version    integer PRIMARY KEY CHECK (version > 0),
  created_by bigint REFERENCES users (id),          -- null: the default rubric of this migration
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE rubric_criteria (
  version     integer NOT NULL REFERENCES rubric_versions (version),
  position    integer NOT NULL CHECK (position > 0),
  code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (version, position),
  UNIQUE (version, code)
);

INSERT INTO rubric_versions (version) VALUES (1);
INSERT INTO rubric_criteria (version, position, code, title, description) VALUES
  (1, 1, 'relevance', 'Актуальность',
   'Насколько результаты отвечают задачам образования района и запросам педагогов'),
  (1, 2, 'novelty', 'Новизна',
   'Что нового предложено по сравнению с известными практиками'),
  (1, 3, 'practical-value', 'Практическая значимость',
   'Можно ли применить результаты на уроке или в работе методического объединения'),
  (1, 4, 'replicability', 'Возможность тиражирования',
   'Готовы ли материалы к переносу в другие школы без участия авторов'),
  (1, 5, 'presentation', 'Качество оформления',
   'Структура, язык, ссылки на источники, соответствие требованиям к публикации');

-- An invitation (assignment): one expert, one community, a period [period_from, period_to), and
-- optionally chosen published pages (ids: a page renamed later stays the same material).
CREATE TABLE expert_reviews (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id   bigint NOT NULL REFERENCES communities (id),
  expert_id      bigint NOT NULL REFERENCES users (id),
  period_from    timestamptz NOT NULL,
  period_to      timestamptz NOT NULL CHECK (period_to > period_from),
  pages          bigint[] NOT NULL DEFAULT '{}',
  rubric_version integer NOT NULL REFERENCES rubric_versions (version),
  invited_by     bigint NOT NULL REFERENCES users (id),
  invited_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX expert_reviews_community ON expert_reviews (community_id, period_from, period_to);
CREATE INDEX expert_reviews_expert ON expert_reviews (expert_id);

-- A submitted review. A correction is a new submission with the next number; the latest counts,
-- the earlier ones stay readable. Numbers are assigned under the invitation's row lock.
CREATE TABLE expert_submissions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id      bigint NOT NULL REFERENCES expert_reviews (id),
  number         integer NOT NULL CHECK (number > 0),
  recommendation text NOT NULL CHECK (recommendation IN ('recommend', 'revise', 'reject')),
  submitted_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (review_id, number)
);
CREATE TABLE expert_scores (
  submission_id bigint NOT NULL REFERENCES expert_submissions (id),
  code          text NOT NULL,
  score         smallint NOT NULL CHECK (score BETWEEN 0 AND 3),
  comment       text NOT NULL DEFAULT '',
  PRIMARY KEY (submission_id, code)
);

CREATE TRIGGER expert_rights_append_only BEFORE UPDATE OR DELETE ON expert_rights
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_rights_no_truncate BEFORE TRUNCATE ON expert_rights
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER rubric_versions_append_only BEFORE UPDATE OR DELETE ON rubric_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER rubric_versions_no_truncate BEFORE TRUNCATE ON rubric_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER rubric_criteria_append_only BEFORE UPDATE OR DELETE ON rubric_criteria
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER rubric_criteria_no_truncate BEFORE TRUNCATE ON rubric_criteria
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_reviews_append_only BEFORE UPDATE OR DELETE ON expert_reviews
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_reviews_no_truncate BEFORE TRUNCATE ON expert_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_submissions_append_only BEFORE UPDATE OR DELETE ON expert_submissions
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_submissions_no_truncate BEFORE TRUNCATE ON expert_submissions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_scores_append_only BEFORE UPDATE OR DELETE ON expert_scores
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER expert_scores_no_truncate BEFORE TRUNCATE ON expert_scores
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
