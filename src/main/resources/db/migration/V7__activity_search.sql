-- Finding published activities (GET /api/v1/activities). Only PUBLISHED and COMPLETED activities are ever listed,
-- so the activity indexes are partial on them. Text search uses ILIKE without an index: pg_trgm extracts no
-- trigrams from CJK characters in a C-locale database, so a trigram index would not serve Chinese queries.

CREATE INDEX activity_listed_category_idx ON activity (category, id) WHERE status IN ('PUBLISHED', 'COMPLETED');
CREATE INDEX activity_listed_organisation_idx ON activity (organisation_id, id) WHERE status IN ('PUBLISHED', 'COMPLETED');
-- Bounding-box prefilter of "near a point" (latitude range, then longitude within the index).
CREATE INDEX activity_listed_point_idx ON activity (latitude, longitude) WHERE status IN ('PUBLISHED', 'COMPLETED');

-- The next open shift and the free places of an activity, read per listed activity without visiting the heap.
CREATE INDEX shift_open_by_activity_idx ON shift (activity_id, starts_at) INCLUDE (capacity, confirmed, pending)
    WHERE status = 'OPEN';
-- Shifts overlapping a date range: a shift lasts at most 24 hours, so "ends after from" is also "starts after
-- from - 24 h", which bounds the range scan.
CREATE INDEX shift_open_starts_idx ON shift (starts_at, activity_id) INCLUDE (ends_at) WHERE status = 'OPEN';
