-- More read models of reporting: the team that organised each activity's service (top teams), and each volunteer's
-- star level with the organisation they belong to (star distribution of a subtree).
ALTER TABLE report_service_day ADD COLUMN team_id BIGINT;
CREATE INDEX report_service_day_team_idx ON report_service_day (team_id) WHERE team_id IS NOT NULL;

CREATE TABLE report_star (
    volunteer_id    BIGINT   PRIMARY KEY,
    organisation_id BIGINT   NOT NULL,
    level           SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 10)
);
CREATE INDEX report_star_organisation_idx ON report_star (organisation_id, level);
