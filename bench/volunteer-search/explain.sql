-- The administrators' volunteer search as VolunteerStore issues it, on the 1,000,000-volunteer database.
-- psql -h localhost -p <port> -U postgres -d leifeng -v district="'龙亭区'" -f explain.sql
\pset pager off
\echo '== 1. city administrator, first page (newest first) =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id, v.name FROM volunteer v WHERE TRUE AND v.status = 'ACTIVE' ORDER BY v.id DESC LIMIT 20 OFFSET 0;
\echo '== 1b. its total =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM volunteer v WHERE TRUE AND v.status = 'ACTIVE';
\echo '== 2. district administrator (organisation_id = ANY(subtree ids)), first page =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id, v.name FROM volunteer v
WHERE v.organisation_id = ANY((SELECT array_agg(id) FROM organisation WHERE path LIKE (SELECT path FROM organisation WHERE name = :district) || '%')::bigint[])
  AND v.status = 'ACTIVE' ORDER BY v.id DESC LIMIT 20;
\echo '== 2b. its total =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM volunteer v
WHERE v.organisation_id = ANY((SELECT array_agg(id) FROM organisation WHERE path LIKE (SELECT path FROM organisation WHERE name = :district) || '%')::bigint[])
  AND v.status = 'ACTIVE';
\echo '== 3. exact phone through the blind index =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id FROM volunteer v WHERE v.phone_index = (SELECT phone_index FROM volunteer WHERE id = 500000) AND v.status = 'ACTIVE'
ORDER BY v.id DESC LIMIT 20;
\echo '== 4. volunteer number =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id FROM volunteer v WHERE v.volunteer_number = 'B00000500000' AND v.status = 'ACTIVE' ORDER BY v.id DESC LIMIT 20;
\echo '== 5. name prefix (two characters) =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id FROM volunteer v WHERE v.name LIKE '王伟%' AND v.status = 'ACTIVE' ORDER BY v.id DESC LIMIT 20;
\echo '== 5b. its total =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM volunteer v WHERE v.name LIKE '王伟%' AND v.status = 'ACTIVE';
\echo '== 6. skill =='
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id FROM volunteer v WHERE EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer_id = v.id AND s.skill_code = 'DRIVING')
  AND v.status = 'ACTIVE' ORDER BY v.id DESC LIMIT 20;
