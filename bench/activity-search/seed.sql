-- 100,000 published activities for the search benchmark, on top of the demo city (run after the application has
-- started once and loaded it). Organisations: every active node under the city; categories evenly; one to three
-- shifts each over a year (half past, half to come); points inside Kaifeng (lat 34.6-34.9, lon 114.2-114.7).
-- Titles mix the demo's Chinese words and English ones so text queries hit a few percent of rows.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_org AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM organisation WHERE active AND parent_id IS NOT NULL;
CREATE TEMP TABLE bench_word (n INT, zh TEXT, en TEXT);
INSERT INTO bench_word VALUES (0, '社区环境整治', 'community clean-up'), (1, '关爱空巢老人', 'elderly care visit'),
    (2, '文明交通劝导', 'traffic civility'), (3, '义诊进社区', 'free clinic'), (4, '垃圾分类宣传', 'waste sorting'),
    (5, '留守儿童陪伴', 'children reading'), (6, '古城文化讲解', 'heritage guide'), (7, '应急救护培训', 'first aid training'),
    (8, '植树护绿', 'tree planting'), (9, '理论宣讲', 'outreach talk'), (10, '菊花文化节服务', 'chrysanthemum festival'),
    (11, '便民服务', 'neighbourhood help'), (12, '防汛巡查', 'flood patrol');

INSERT INTO activity (organisation_id, title, category, description, address, latitude, longitude, radius_meters,
                      approval, status, backfilled, published_at)
SELECT o.id,
       w.zh || ' 第' || g || '期',
       (ARRAY['CIVILITY','ELDERLY','CHILDREN','ENVIRONMENT','TRAFFIC','COMMUNITY','CULTURE','HEALTH','EMERGENCY',
              'EVENTS','EDUCATION','OTHER'])[1 + g % 12],
       '开封市志愿服务活动。' || w.en || ' volunteering, session ' || g,
       '开封市基准测试地址' || g,
       34.6 + random() * 0.3, 114.2 + random() * 0.5, 300,
       CASE WHEN g % 10 = 0 THEN 'MANUAL' ELSE 'AUTO' END,
       CASE WHEN g % 2 = 0 THEN 'COMPLETED' ELSE 'PUBLISHED' END,
       g % 2 = 0, now()
FROM generate_series(1, 100000) g
JOIN bench_org o ON o.n = g % (SELECT count(*) FROM bench_org)
JOIN bench_word w ON w.n = g % 13;

-- Completed activities: shifts in the past year; published ones: shifts in the coming year.
INSERT INTO shift (activity_id, starts_at, ends_at, capacity, confirmed)
SELECT a.id, t.starts, t.starts + interval '3 hours', 20, CASE WHEN a.id % 4 = 1 THEN 20 ELSE a.id % 15 END
FROM activity a
CROSS JOIN LATERAL generate_series(0, (a.id % 3)::int) k
CROSS JOIN LATERAL (SELECT date_trunc('hour', now())
        + (CASE WHEN a.status = 'COMPLETED' THEN -1 ELSE 1 END) * ((a.id * 7919 % 360 + 1) * interval '1 day')
        + k * interval '7 days' + (a.id % 10) * interval '1 hour' AS starts) t
WHERE a.address LIKE '开封市基准测试地址%'
  AND (a.status = 'PUBLISHED' OR t.starts + interval '3 hours' < now());
COMMIT;
ANALYZE activity;
ANALYZE shift;
SELECT status, count(*) FROM activity GROUP BY status;
SELECT count(*) AS shifts FROM shift;
