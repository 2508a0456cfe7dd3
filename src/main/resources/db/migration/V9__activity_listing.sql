-- Finding activities fast on a city's worth of them (issue 4: under 50 ms on 100,000 activities).
--
-- 1. activity_listing: per activity, whether it is listed, its next open shift still to come and whether any such
--    shift has a free place. The search sorts and filters on it through indexes instead of computing the next shift
--    of every activity. Deferred constraint triggers keep it current: they run at commit, after every row lock the
--    transaction takes, so a sign-up (shift row, then the listing row) never waits in a cycle with an organiser's
--    change. A shift's update queues a refresh only when something the listing shows changes: its status, its time,
--    or whether it has a free place at all — so a burst of sign-ups on one shift refreshes it once, when it fills.
--    Time moves shifts from "to come" to "started": a job refreshes the rows whose next shift has begun.
-- 2. search_terms: the words of the title and description for a GIN index. pg_trgm needs three characters and
--    Chinese queries are often two (义诊), so CJK text is indexed as single characters and pairs of characters,
--    other text as the 'simple' configuration's lower-case words (details below).
-- 3. Nearest first: earthdistance's ll_to_earth points in a GiST index order by chord distance, which orders exactly
--    like the great-circle distance, so a page of the nearest activities is a KNN index scan.

CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE activity_listing (
    activity_id     BIGINT PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
    listed          BOOLEAN NOT NULL,
    next_shift_at   TIMESTAMPTZ,
    has_free_places BOOLEAN NOT NULL,
    refreshed_at    TIMESTAMPTZ NOT NULL
);

-- Default order: the next shift first, then the most recent of those held (no shift to come: NULL, last).
CREATE INDEX activity_listing_order_idx ON activity_listing (next_shift_at ASC NULLS LAST, activity_id DESC)
    WHERE listed;
CREATE INDEX activity_listing_free_idx ON activity_listing (next_shift_at ASC NULLS LAST, activity_id DESC)
    WHERE listed AND has_free_places;
-- The roll-forward job finds listings whose next shift has started.
CREATE INDEX activity_listing_due_idx ON activity_listing (next_shift_at) WHERE next_shift_at IS NOT NULL;

CREATE FUNCTION refresh_activity_listing(target BIGINT) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO activity_listing (activity_id, listed, next_shift_at, has_free_places, refreshed_at)
    SELECT a.id, a.status IN ('PUBLISHED', 'COMPLETED'), u.next_shift_at, coalesce(u.has_free_places, FALSE), now()
    FROM activity a
    LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
                              bool_or(s.capacity > s.confirmed + s.pending) AS has_free_places
                       FROM shift s
                       WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now()) u ON TRUE
    WHERE a.id = target
    ON CONFLICT (activity_id) DO UPDATE
        SET listed = excluded.listed, next_shift_at = excluded.next_shift_at,
            has_free_places = excluded.has_free_places, refreshed_at = excluded.refreshed_at;
$$;

CREATE FUNCTION refresh_listing_of_activity() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_activity_listing(NEW.id);
    RETURN NULL;
END $$;

CREATE FUNCTION refresh_listing_of_shift() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM refresh_activity_listing(OLD.activity_id);
    ELSE
        PERFORM refresh_activity_listing(NEW.activity_id);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER activity_listing_of_activity
    AFTER INSERT OR UPDATE OF status ON activity
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refresh_listing_of_activity();

CREATE CONSTRAINT TRIGGER activity_listing_of_new_shift
    AFTER INSERT OR DELETE ON shift
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refresh_listing_of_shift();

CREATE CONSTRAINT TRIGGER activity_listing_of_changed_shift
    AFTER UPDATE ON shift
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
          OR (OLD.capacity > OLD.confirmed + OLD.pending) IS DISTINCT FROM (NEW.capacity > NEW.confirmed + NEW.pending))
    EXECUTE FUNCTION refresh_listing_of_shift();

SELECT refresh_activity_listing(id) FROM activity;

-- Text. CJK characters and pairs of adjacent CJK characters at their character positions, everything else as the
-- 'simple' configuration's lower-case words at their word positions. A query of one CJK character looks for it; a
-- longer run looks for its pairs as a phrase ('空巢' <-> '巢老' <-> '老人'), which holds exactly when the run occurs
-- in the text; every other word must be present as a word, in any order (first aid), which the index answers without
-- reading the rows (prefixes would make it read them all). Positions above 16383 (tsvector's limit) collapse, which only loosens
-- phrases in very long texts.
CREATE FUNCTION activity_search_terms(body TEXT) RETURNS TSVECTOR LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', regexp_replace(body, '[㐀-鿿豈-﫿]+', ' ', 'g'))
        || coalesce((SELECT string_agg(quote_literal(term) || ':' || least(pos, 16383), ' ')::TSVECTOR
                     FROM (SELECT pos, c, lead(c) OVER (ORDER BY pos) AS following
                           FROM regexp_split_to_table(body, '') WITH ORDINALITY AS chars (c, pos)) chars,
                          LATERAL (VALUES (c), (CASE WHEN following ~ '^[㐀-鿿豈-﫿]$' THEN c || following END))
                              AS terms (term)
                     WHERE c ~ '^[㐀-鿿豈-﫿]$' AND term IS NOT NULL), ''::TSVECTOR);
$$;

-- NULL when the text has no term at all (only punctuation): the caller then filters by ILIKE alone.
CREATE FUNCTION activity_search_query(q TEXT) RETURNS TSQUERY LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(concat_ws(' & ', words, runs), '')::TSQUERY
    FROM (SELECT (SELECT string_agg(quote_literal(word), ' & ')
                  FROM unnest(tsvector_to_array(to_tsvector('simple', regexp_replace(q, '[㐀-鿿豈-﫿]+', ' ', 'g'))))
                      AS word) AS words,
                 (SELECT string_agg(CASE WHEN length(run) = 1 THEN quote_literal(run)
                                         ELSE '(' || (SELECT string_agg(quote_literal(substr(run, i, 2)), ' <-> '
                                                                        ORDER BY i)
                                                      FROM generate_series(1, length(run) - 1) AS i) || ')' END,
                                    ' & ')
                  FROM (SELECT m[1] AS run FROM regexp_matches(q, '[㐀-鿿豈-﫿]+', 'g') AS m) r) AS runs) parts;
$$;

ALTER TABLE activity ADD COLUMN search_terms TSVECTOR
    GENERATED ALWAYS AS (activity_search_terms(coalesce(title, '') || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX activity_search_terms_idx ON activity USING gin (search_terms) WHERE status IN ('PUBLISHED', 'COMPLETED');

CREATE INDEX activity_listed_earth_idx ON activity USING gist (ll_to_earth(latitude, longitude))
    WHERE status IN ('PUBLISHED', 'COMPLETED') AND latitude IS NOT NULL AND longitude IS NOT NULL;
