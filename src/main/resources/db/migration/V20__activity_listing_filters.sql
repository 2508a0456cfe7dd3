-- The search's category and organisation filters, and whether the activity has a place, on activity_listing itself
-- (benchmark issue 7).
--
-- The page of a category or a district was found by walking activity_listing_order_idx (next shift first) and
-- probing activity for each row until twenty matched. The planner expects a match every twelfth row, but categories
-- and organisers are not spread evenly over time: a category whose activities are all held already sits behind every
-- activity still to come, so its first page probed 50,000 activities (150,000 buffers, 160-320 ms each under load,
-- half of the database's time in the bench mix). With the activity's category and organiser copied into the listing,
-- an index per filter gives each category its own order, and the counts of these filters read the narrow listing.
-- "Near a point" without a radius lists every activity with a place: its total is counted here too, instead of over
-- the point index of activity, whose index-only scan visits the wide activity rows until VACUUM has marked them
-- all-visible (8,000 blocks per count right after a bulk load).

ALTER TABLE activity_listing ADD COLUMN category VARCHAR(20), ADD COLUMN organisation_id BIGINT,
    ADD COLUMN located BOOLEAN;
UPDATE activity_listing l SET category = a.category, organisation_id = a.organisation_id,
    located = a.latitude IS NOT NULL
FROM activity a WHERE a.id = l.activity_id;
ALTER TABLE activity_listing ALTER COLUMN category SET NOT NULL, ALTER COLUMN organisation_id SET NOT NULL,
    ALTER COLUMN located SET NOT NULL;

-- A category's page is the first rows of its own range, in the listing's order.
CREATE INDEX activity_listing_category_idx ON activity_listing (category, next_shift_at ASC NULLS LAST, activity_id DESC)
    WHERE listed;
-- A subtree is a couple of dozen organisations: their rows are read together (about a ninth of a city for a district)
-- and sorted, whatever their dates.
CREATE INDEX activity_listing_organisation_idx ON activity_listing (organisation_id, next_shift_at ASC NULLS LAST, activity_id DESC)
    WHERE listed;

CREATE OR REPLACE FUNCTION refresh_activity_listing(target BIGINT) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO activity_listing (activity_id, listed, next_shift_at, has_free_places, refreshed_at, category,
                                  organisation_id, located)
    SELECT a.id, a.status IN ('PUBLISHED', 'COMPLETED'), u.next_shift_at, coalesce(u.has_free_places, FALSE), now(),
           a.category, a.organisation_id, a.latitude IS NOT NULL
    FROM activity a
    LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
                              bool_or(s.capacity > s.confirmed + s.pending) AS has_free_places
                       FROM shift s
                       WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE a.id = target
    ON CONFLICT (activity_id) DO UPDATE
        SET listed = excluded.listed, next_shift_at = excluded.next_shift_at,
            has_free_places = excluded.has_free_places, refreshed_at = excluded.refreshed_at,
            category = excluded.category, organisation_id = excluded.organisation_id, located = excluded.located;
$$;

-- An organiser may change the category and the place (PATCH /activities/{id}); the listing follows them like the
-- status.
DROP TRIGGER activity_listing_of_activity ON activity;
CREATE CONSTRAINT TRIGGER activity_listing_of_activity
    AFTER INSERT OR UPDATE OF status, category, organisation_id, latitude ON activity
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refresh_listing_of_activity();

ANALYZE activity_listing;
