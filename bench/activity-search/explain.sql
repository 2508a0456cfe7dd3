-- EXPLAIN (ANALYZE, BUFFERS) of each filter combination as ActivitySearchStore issues it (parameters inlined).
-- psql -h localhost -p 54340 -U postgres -d leifeng -f explain.sql
\set ON_ERROR_STOP on
\echo === default
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === subtree
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a JOIN organisation o ON o.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND o.path LIKE (SELECT path FROM organisation WHERE name = '龙亭区') || '%'
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === category
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND a.category = 'HEALTH'
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === dateRange
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND EXISTS (SELECT 1 FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now() + interval '9 days' AND s.ends_at > now() + interval '10 days' AND s.starts_at < now() + interval '17 days')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === textChinese
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND (a.title ILIKE '%义诊%' OR a.description ILIKE '%义诊%')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === textEnglish
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND (a.title ILIKE '%first aid%' OR a.description ILIKE '%first aid%')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === near
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, 2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - 34.79) / 2), 2)
    + cos(radians(34.79)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - 114.35) / 2), 2))) AS k1, NULL::timestamptz AS k2, count(*) OVER () AS total
    FROM activity a
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === nearWithin5km
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, 2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - 34.79) / 2), 2)
    + cos(radians(34.79)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - 114.35) / 2), 2))) AS k1, NULL::timestamptz AS k2, count(*) OVER () AS total
    FROM activity a
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND a.latitude BETWEEN 34.79 - 5000/111320.0 AND 34.79 + 5000/111320.0 AND a.longitude BETWEEN 114.35 - 5000/111320.0/cos(radians(34.79)) AND 114.35 + 5000/111320.0/cos(radians(34.79))  AND 2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - 34.79) / 2), 2)
    + cos(radians(34.79)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - 114.35) / 2), 2))) <= 5000
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === hasFreePlaces
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND u.free_places > 0
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === combined
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a JOIN organisation o ON o.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')  AND o.path LIKE (SELECT path FROM organisation WHERE name = '龙亭区') || '%'  AND a.category = 'HEALTH'  AND EXISTS (SELECT 1 FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now() + interval '9 days' AND s.ends_at > now() + interval '10 days' AND s.starts_at < now() + interval '17 days')  AND u.free_places > 0
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 0)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;

\echo === page50
EXPLAIN (ANALYZE, BUFFERS)
WITH hit AS (
    SELECT a.id, NULL::float8 AS k1, u.next_shift_at AS k2, count(*) OVER () AS total
    FROM activity a
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE 
a.status IN ('PUBLISHED', 'COMPLETED')
    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
    LIMIT 20 OFFSET 1000)
SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
    round(h.k1) AS distance, h.total
FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
        sum(s.capacity - s.confirmed - s.pending) AS free_places
    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC;
