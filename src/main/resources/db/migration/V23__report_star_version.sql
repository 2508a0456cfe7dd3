-- The dashboard's star levels are counted over every starred volunteer of a scope (30,000 rows for a city of a
-- million, 4.5 ms a request) though they change only when a volunteer's level or organisation does: this counter
-- says when, so the application can reuse the counts until then, as it reuses past days' figures (V17).
ALTER TABLE report_version ADD COLUMN star_changes BIGINT NOT NULL DEFAULT 0;

-- Today's registrations are read for a whole scope on every request, by day first like the other figures of a period
-- (V17): through the primary key (organisation, day) that was one descent per organisation, 600 pages for a city.
CREATE INDEX report_registration_day_day_idx ON report_registration_day (day, organisation_id) INCLUDE (registrations);
