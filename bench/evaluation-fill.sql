-- The evaluation benchmark's district (bench/evaluation.sh): 200 communities, one of them large —
-- 1,000 members over two academic years, 100,000 published pages, 1,000,000 ledger rows, 500,000
-- days of views, 60 plan items — and 199 of an ordinary size (20 members, 100 pages, 2,000 ledger
-- rows, 3,000 days of views, 10 plan items), with 2,000 pages of other communities citing the
-- large one. Every row is inserted as the history tables allow (inserts only). The pages' search
-- triggers are off while filling: the benchmark measures the evaluation, not the indexer.
ALTER TABLE pages DISABLE TRIGGER USER;

INSERT INTO users (login, login_key, display_name, auth_source)
SELECT 'bench' || g, 'bench' || g, 'Участник ' || g, 'local' FROM generate_series(1, 5000) g;

INSERT INTO communities (slug, slug_key, name, task, created_at)
SELECT 'bench-c' || g, 'bench-c' || g, 'Сообщество ' || g, 'Задача сообщества ' || g,
       timestamptz '2024-08-25'
  FROM generate_series(1, 200) g;

-- Members: the large community's 1,000 join over 600 days, a fifth leave 100 days later.
INSERT INTO memberships (community_id, user_id, role, status, started_at, ended_at, end_reason)
SELECT c.id, u.id, 'member', CASE WHEN g % 5 = 0 THEN 'left' ELSE 'active' END,
       timestamptz '2024-09-01' + (g % 600) * interval '1 day',
       CASE WHEN g % 5 = 0 THEN timestamptz '2024-09-01' + (g % 600 + 100) * interval '1 day' END,
       CASE WHEN g % 5 = 0 THEN 'left' END
  FROM generate_series(1, 1000) g
  JOIN users u ON u.login_key = 'bench' || g
  JOIN communities c ON c.slug_key = 'bench-c1';
INSERT INTO memberships (community_id, user_id, role, status, started_at)
SELECT c.id, u.id, 'member', 'active', timestamptz '2024-09-01' + (i * 20) * interval '1 day'
  FROM communities c CROSS JOIN generate_series(1, 20) i
  JOIN users u ON u.login_key = 'bench' || (1000 + (substr(c.slug, 8)::int * 20 + i) % 4000)
 WHERE c.slug_key <> 'bench-c1' AND c.slug_key LIKE 'bench-c%';

-- Pages, published over two years.
INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status, published_at,
                   created_at, updated_at)
SELECT c.id, 'p' || g, 'p' || g, 'Материал ' || g, 'материал ' || g,
       (ARRAY['resource', 'practice', 'project', 'product', 'article',
              'methodological-development', 'other'])[1 + g % 7],
       'published', timestamptz '2024-09-01' + (g % 700) * interval '1 day',
       timestamptz '2024-09-01', timestamptz '2024-09-01'
  FROM generate_series(1, 100000) g JOIN communities c ON c.slug_key = 'bench-c1';
INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status, published_at,
                   created_at, updated_at)
SELECT c.id, 'p' || g, 'p' || g, 'Материал ' || g, 'материал ' || g,
       (ARRAY['resource', 'practice', 'project', 'article'])[1 + g % 4],
       'published', timestamptz '2024-09-01' + (g * 7) * interval '1 day',
       timestamptz '2024-09-01', timestamptz '2024-09-01'
  FROM communities c CROSS JOIN generate_series(1, 100) g
 WHERE c.slug_key <> 'bench-c1' AND c.slug_key LIKE 'bench-c%';

-- First publications, and a tenth published again later (not a result of the later period).
INSERT INTO page_status_changes (page_id, status, changed_by, changed_at)
SELECT p.id, 'published', a.id, p.published_at
  FROM pages p JOIN communities c ON c.id = p.community_id, users a
 WHERE c.slug_key LIKE 'bench-c%' AND a.login_key = 'admin';
INSERT INTO page_status_changes (page_id, status, changed_by, changed_at)
SELECT p.id, 'published', a.id, p.published_at + interval '120 days'
  FROM pages p JOIN communities c ON c.id = p.community_id, users a
 WHERE c.slug_key LIKE 'bench-c%' AND a.login_key = 'admin' AND p.id % 10 = 0;

-- The ledger: 1,000,000 rows of the large community's members over two years, 2,000 per other.
INSERT INTO contributions (user_id, community_id, kind, created_at)
SELECT u.id, c.id,
       (ARRAY['revision', 'revision', 'revision', 'revision', 'revision', 'revision', 'revision',
              'page_created', 'plan_item', 'review'])[1 + g % 10],
       timestamptz '2024-09-01' + (g % 730) * interval '1 day' + (g % 86400) * interval '1 second'
  FROM generate_series(1, 1000000) g
  JOIN users u ON u.login_key = 'bench' || (1 + g % 1000)
  JOIN communities c ON c.slug_key = 'bench-c1';
INSERT INTO contributions (user_id, community_id, kind, created_at)
SELECT m.user_id, m.community_id, 'revision',
       timestamptz '2024-09-01' + ((g * 7 + m.user_id) % 730) * interval '1 day'
  FROM memberships m JOIN communities c ON c.id = m.community_id
  CROSS JOIN generate_series(1, 100) g
 WHERE c.slug_key <> 'bench-c1' AND c.slug_key LIKE 'bench-c%';

-- Views: five days a year of each page of the large community, thirty of the others'.
INSERT INTO page_views (page_id, day, views)
SELECT p.id, date '2024-09-01' + ((p.id * 37 + d * 73) % 730)::int, 1 + (p.id + d) % 20
  FROM pages p JOIN communities c ON c.id = p.community_id
  CROSS JOIN generate_series(1, 10) d
 WHERE c.slug_key = 'bench-c1'
ON CONFLICT DO NOTHING;
INSERT INTO page_views (page_id, day, views)
SELECT p.id, date '2024-09-01' + ((p.id * 11 + d * 23) % 730)::int, 1 + (p.id + d) % 5
  FROM pages p JOIN communities c ON c.id = p.community_id
  CROSS JOIN generate_series(1, 30) d
 WHERE c.slug_key <> 'bench-c1' AND c.slug_key LIKE 'bench-c%'
ON CONFLICT DO NOTHING;

-- Plans: items due over the two years, each planned and then decided (a sixth cancelled).
INSERT INTO plan_items (community_id, year, created_by, created_at)
SELECT c.id, CASE WHEN g % 2 = 0 THEN '2024/25' ELSE '2025/26' END, a.id, timestamptz '2024-09-01'
  FROM communities c CROSS JOIN generate_series(1, 60) g, users a
 WHERE a.login_key = 'admin'
   AND (c.slug_key = 'bench-c1' OR (c.slug_key LIKE 'bench-c%' AND g <= 10));
INSERT INTO plan_item_versions (item_id, version, valid_from, changed_by, title, form, starts, due,
                                status)
SELECT i.id, 1, i.created_at, i.created_by, 'Мероприятие ' || i.id, 'in-person',
       d.due - 7, d.due, 'planned'
  FROM plan_items i JOIN communities c ON c.id = i.community_id
  CROSS JOIN LATERAL (SELECT date '2024-09-10' + ((i.id * 13) % 700)::int AS due) d
 WHERE c.slug_key LIKE 'bench-c%';
INSERT INTO plan_item_versions (item_id, version, valid_from, changed_by, title, form, starts, due,
                                status)
SELECT v.item_id, 2, v.due + interval '1 day', v.changed_by, v.title, v.form, v.starts, v.due,
       CASE WHEN v.item_id % 6 = 0 THEN 'cancelled' ELSE 'done' END
  FROM plan_item_versions v JOIN plan_items i ON i.id = v.item_id
  JOIN communities c ON c.id = i.community_id
 WHERE c.slug_key LIKE 'bench-c%' AND v.version = 1;

-- 2,000 published pages of other communities cite pages of the large one.
INSERT INTO revisions (page_id, number, author_id, created_at, title, kind, markdown, size,
                       content_hash)
SELECT p.id, 1, a.id, p.published_at, p.title, p.kind,
       '[[bench-c1:Материал ' || (p.id % 100000 + 1) || ']]', 30, '\x00'
  FROM pages p JOIN communities c ON c.id = p.community_id, users a
 WHERE c.slug_key <> 'bench-c1' AND c.slug_key LIKE 'bench-c%' AND a.login_key = 'admin'
   AND p.slug_key IN ('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10');
UPDATE pages p SET current_revision = 1, reviewed_revision = 1
  FROM revisions r WHERE r.page_id = p.id AND r.number = 1 AND r.markdown LIKE '[[bench-c1:%';
INSERT INTO page_links (revision_id, target_community, target_slug_key, target_title_key)
SELECT r.id, 'bench-c1', 'материал-' || (r.page_id % 100000 + 1),
       'материал ' || (r.page_id % 100000 + 1)
  FROM revisions r WHERE r.markdown LIKE '[[bench-c1:%';

ALTER TABLE pages ENABLE TRIGGER USER;
-- bench/EvaluationBenchmark runs VACUUM ANALYZE after this file (it cannot run inside it).
