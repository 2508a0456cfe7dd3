-- Adds 1,000,000 synthetic volunteers (with accounts) to a Leifeng database, spread over every organisation of the
-- tree, for measuring the administrators' volunteer search. Document and phone columns hold random bytes of the
-- right shape (nobody's data); blind indexes are distinct 32-byte hashes, unique like real ones.
-- Run against a scratch database only: psql -h localhost -p <port> -U postgres -d leifeng -f seed-1m.sql
\timing on
BEGIN;
CREATE TEMP TABLE orgs AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM organisation WHERE parent_id IS NOT NULL;
INSERT INTO account (username, password_hash)
SELECT 'bench-' || g, '$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1KM9ZnH7iXv1rHWzZeq3b5e'
FROM generate_series(1, 1000000) g;
INSERT INTO volunteer (account_id, volunteer_number, organisation_id, name, id_type, id_number_cipher, id_number_key,
                       id_number_index, id_number_masked, phone_cipher, phone_key, phone_index, phone_masked,
                       birth_date, sex, consent_version, consented_at)
SELECT a.id,
       'B' || lpad(g::text, 11, '0'),
       o.id,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10]
           || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳'])[1 + (g / 10) % 12]
           || (ARRAY['','华','明','红','平'])[1 + (g / 120) % 5],
       'RESIDENT_ID', sha512(('d' || g)::bytea), 'k1', sha256(('i' || g)::bytea), '4102**********0000',
       sha512(('m' || g)::bytea), 'k1', sha256(('p' || g)::bytea), '170****0000',
       date '1950-01-01' + (g % 20000), CASE WHEN g % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, '2026-11', now()
FROM generate_series(1, 1000000) g
JOIN account a ON a.username = 'bench-' || g
JOIN orgs o ON o.n = 1 + g % (SELECT count(*) FROM orgs);
INSERT INTO volunteer_skill (volunteer_id, skill_code)
SELECT v.id, (ARRAY['FIRST_AID','TUTORING','IT','DRIVING','ELDERLY_CARE','PHOTOGRAPHY'])[1 + v.id % 6]
FROM volunteer v WHERE v.volunteer_number LIKE 'B%' AND v.id % 3 = 0;
COMMIT;
ANALYZE account; ANALYZE volunteer; ANALYZE volunteer_skill;
