-- People served (服务对象人次): recorded by the organiser once an activity has been held. Kept on the activity; the
-- reporting module keeps its own copy per activity, dated on the activity's last shift.
ALTER TABLE activity ADD COLUMN people_served INT CHECK (people_served >= 0 AND people_served <= 10000000);
ALTER TABLE activity ADD COLUMN people_served_at TIMESTAMPTZ;

CREATE TABLE report_people_served (
    activity_id     BIGINT PRIMARY KEY,
    organisation_id BIGINT NOT NULL,
    day             DATE   NOT NULL,
    people          INT    NOT NULL CHECK (people >= 0),
    -- Events arrive in any order: an older recording never overwrites a newer one.
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_people_served_idx ON report_people_served (organisation_id, day);
