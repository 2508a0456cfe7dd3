-- Read models of the reporting module: figures kept current by the events of other modules (HoursCredited,
-- VolunteerRegistered), idempotent through report_applied, and rebuildable from the ledger and the registrations.
-- Hours count where the service happened (service_date, Asia/Shanghai) and for the organisation that recorded it.

CREATE TABLE report_service_day (
    organisation_id BIGINT        NOT NULL,
    day             DATE          NOT NULL,
    activity_id     BIGINT        NOT NULL,   -- 0: service without an activity
    category        VARCHAR(20)   NOT NULL,
    hours           NUMERIC(14, 1) NOT NULL DEFAULT 0,
    participations  INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, day, activity_id)
);
CREATE INDEX report_service_day_day_idx ON report_service_day (day, organisation_id) INCLUDE (hours, participations);

-- Who served where and when: distinct active volunteers of any subtree and period.
CREATE TABLE report_volunteer_day (
    organisation_id BIGINT        NOT NULL,
    day             DATE          NOT NULL,
    volunteer_id    BIGINT        NOT NULL,
    hours           NUMERIC(8, 1) NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, day, volunteer_id)
);

CREATE TABLE report_registration_day (
    organisation_id BIGINT NOT NULL,
    day             DATE   NOT NULL,
    registrations   INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, day)
);

-- Every source fact applied once: hours:<entry id>, registration:<volunteer id>.
CREATE TABLE report_applied (
    source VARCHAR(40) PRIMARY KEY
);
