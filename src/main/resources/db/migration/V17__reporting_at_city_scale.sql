-- Reporting at a city's scale (10,000,000 ledger entries, 1,000,000 volunteers).
--
-- 1. Published read views. Rebuilding the figures entry by entry through the modules' Java APIs took minutes per
--    million entries; these views let the reporting module rebuild set by set inside PostgreSQL. Each view belongs to
--    the module that owns its table (named in the comment) and is that module's published, read-only contract:
--    change it together with the table, keep its columns.

-- hours: every ledger entry that changes a volunteer's total, and whether it is a new record (a participation)
-- rather than a correction.
CREATE VIEW hours_counted_entry AS
    SELECT id, volunteer_id, organisation_id, activity_id, service_date, delta,
           (kind <> 'CORRECTION' AND delta > 0) AS new_record
    FROM service_entry WHERE delta <> 0;

-- hours: each volunteer's star level as the ledger has it.
CREATE VIEW hours_star_level AS
    SELECT volunteer_id, star_level FROM hours_account;

-- volunteer: who registered where and when.
CREATE VIEW volunteer_registration AS
    SELECT id AS volunteer_id, organisation_id, registered_at FROM volunteer;

-- activity: what reporting groups service by.
CREATE VIEW activity_fact AS
    SELECT id AS activity_id, category, team_id FROM activity;

-- activity: people served as the organiser recorded them, dated on the last shift held (Asia/Shanghai).
CREATE VIEW activity_people_served AS
    SELECT a.id AS activity_id, a.organisation_id, a.people_served AS people,
           (coalesce((SELECT max(s.starts_at) FROM shift s WHERE s.activity_id = a.id AND s.starts_at < now()),
                     a.people_served_at) AT TIME ZONE 'Asia/Shanghai')::date AS day,
           a.people_served_at AS recorded_at
    FROM activity a WHERE a.people_served IS NOT NULL;

-- 2. Idempotency without a row per fact: a rebuild records the highest ledger entry and volunteer it included
--    (taken while appends and registrations wait), and events about anything at or below that mark are known to
--    be applied; report_applied keeps only the facts applied since.
CREATE TABLE report_watermark (
    source VARCHAR(20) PRIMARY KEY CHECK (source IN ('hours', 'registration')),
    up_to  BIGINT NOT NULL
);

-- 3. Figures of days before today only change when a fact about a past day arrives (a correction, a late
--    check-out, a back-filled record) or on a rebuild: this counter says when, so the application can reuse what
--    it computed for past days until then.
CREATE TABLE report_version (
    only_row     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    past_changes BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO report_version DEFAULT VALUES;

-- 4. Indexes for periods: every figure reads a range of days, for a whole city or a district. Who served is read by
--    day first (the past days' set of active volunteers, today's volunteers), and the service sums and people served
--    come from their indexes alone.
ALTER TABLE report_volunteer_day DROP CONSTRAINT report_volunteer_day_pkey;
ALTER TABLE report_volunteer_day ADD CONSTRAINT report_volunteer_day_pkey
    PRIMARY KEY (day, organisation_id, volunteer_id) INCLUDE (hours);
DROP INDEX report_service_day_day_idx;
CREATE INDEX report_service_day_day_idx ON report_service_day (day, organisation_id)
    INCLUDE (hours, participations, activity_id, category);
DROP INDEX report_people_served_idx;
CREATE INDEX report_people_served_idx ON report_people_served (day, organisation_id) INCLUDE (people);
