-- Reporting counts an activity's hours under its current category, as a rebuild does: when an organiser changes the
-- category (ActivityCategoryChanged), the activity's rows in report_service_day move to the new one. This table keeps
-- the latest change applied per activity, so that an older change reaching reporting later is ignored.
CREATE TABLE report_activity_category (
    activity_id BIGINT      PRIMARY KEY,
    category    VARCHAR(20) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
-- No index on report_service_day (activity_id): every credit would maintain it, while a change of category is rare
-- and its rows are moved in the background.
