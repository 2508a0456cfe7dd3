-- claim_signups (V19) decides a group of sign-ups for one shift in one statement instead of a loop of statements.
--
-- The loop ran two look-ups, an UPDATE of the shift's counters and an INSERT per sign-up, each UPDATE leaving another
-- version of the locked shift row. Now the row is read once under its lock, the group is judged and ranked in
-- arrival order, its sign-ups are inserted with one INSERT and the counters move once. Measured with pgbench on the
-- bench's database (one session, 3,000 groups of four for one shift of 1,000 places): 0.72 ms per group for the loop,
-- 0.40 ms for this. The statement is planned once per session (force_generic_plan): planned anew for each call, as
-- PostgreSQL does for a statement's first calls and whenever a custom plan looks cheaper, it cost 2.4 ms a group.
--
-- What each sign-up gets is unchanged:
--   * refused 'signup_live_once' when the volunteer has a live sign-up for the shift, or asked earlier in the group;
--   * refused 'signup_no_overlap' when the volunteer has a live sign-up that overlaps the shift;
--   * otherwise, in arrival order, a place while places are free (confirmed, or pending under manual approval), then
--     the next positions in the line if the activity keeps one; none when the shift is not open, or full without a
--     line (signup_id and refused_by both NULL).
-- The constraints stay the guards: shift_never_overbooked for capacity, signup_live_once and signup_no_overlap for a
-- sign-up the look-ups could not see (an overlapping one for another shift committed at the same moment). A violation
-- rolls the group back, and the application decides its sign-ups one by one (SignupBatcher).
CREATE OR REPLACE FUNCTION claim_signups(target_shift BIGINT, volunteers BIGINT[], wanted VARCHAR, keeps_line BOOLEAN,
                                         creators BIGINT[])
    RETURNS TABLE (ordinal INT, signup_id BIGINT, signup_status VARCHAR, line_position BIGINT, signed_up_at TIMESTAMPTZ,
                   shift_starts_at TIMESTAMPTZ, shift_ends_at TIMESTAMPTZ, refused_by TEXT)
    LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan
    AS $$
DECLARE
    target      shift%ROWTYPE;
    free_places INT := 0;
BEGIN
    SELECT * INTO target FROM shift sh WHERE sh.id = target_shift FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT a.n::INT, NULL::BIGINT, NULL::VARCHAR, NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ,
                            NULL::TIMESTAMPTZ, NULL::TEXT
                     FROM generate_subscripts(volunteers, 1) AS a (n);
        RETURN;
    END IF;
    IF target.status = 'OPEN' THEN
        free_places := greatest(target.capacity - target.confirmed - target.pending, 0);
    END IF;
    RETURN QUERY
    WITH asked AS (
        SELECT a.n::INT AS n, a.volunteer, a.creator
        FROM unnest(volunteers, creators) WITH ORDINALITY AS a (volunteer, creator, n)
    ), judged AS (
        -- A probe per volunteer; LIMIT 1 keeps each a look-up by index. Written as EXISTS sub-queries, the statement
        -- read 5,700 pages per group in the burst, as if it went through all the shift's sign-ups each time.
        SELECT asked.n, asked.volunteer, asked.creator,
               CASE
                   WHEN row_number() OVER (PARTITION BY asked.volunteer ORDER BY asked.n) > 1
                       OR twin.found THEN 'signup_live_once'
                   WHEN overlapping.found THEN 'signup_no_overlap'
               END AS refused
        FROM asked
        LEFT JOIN LATERAL (SELECT true AS found FROM signup s
                           WHERE s.shift_id = target_shift AND s.volunteer_id = asked.volunteer
                             AND s.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
                           LIMIT 1) twin ON true
        LEFT JOIN LATERAL (SELECT true AS found FROM signup s
                           WHERE s.volunteer_id = asked.volunteer
                             AND s.during && tstzrange(target.starts_at, target.ends_at)
                             AND s.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
                           LIMIT 1) overlapping ON true
    ), ranked AS (
        -- The turn of each sign-up that is not refused, in arrival order.
        SELECT judged.*,
               CASE WHEN judged.refused IS NULL
                    THEN row_number() OVER (PARTITION BY judged.refused IS NULL ORDER BY judged.n) END AS turn
        FROM judged
    ), decided AS (
        SELECT ranked.*,
               CASE WHEN ranked.turn <= free_places THEN wanted
                    WHEN ranked.turn IS NOT NULL AND keeps_line AND target.status = 'OPEN' THEN 'WAITLISTED'
               END::VARCHAR AS status,
               CASE WHEN ranked.turn > free_places AND keeps_line AND target.status = 'OPEN'
                    THEN target.waitlist_serial + ranked.turn - free_places END AS line
        FROM ranked
    ), inserted AS (
        INSERT INTO signup AS s (shift_id, volunteer_id, status, during, waitlist_position, created_by)
        SELECT target_shift, d.volunteer, d.status, tstzrange(target.starts_at, target.ends_at), d.line, d.creator
        FROM decided d WHERE d.status IS NOT NULL
        ORDER BY d.n
        RETURNING s.id, s.volunteer_id, s.status, s.waitlist_position, s.created_at
    ), counted AS (
        UPDATE shift sh
        SET confirmed = sh.confirmed + (SELECT count(*) FROM decided d WHERE d.status = 'CONFIRMED'),
            pending = sh.pending + (SELECT count(*) FROM decided d WHERE d.status = 'PENDING'),
            waitlisted = sh.waitlisted + (SELECT count(*) FROM decided d WHERE d.status = 'WAITLISTED'),
            waitlist_serial = sh.waitlist_serial + (SELECT count(*) FROM decided d WHERE d.status = 'WAITLISTED')
        WHERE sh.id = target_shift AND EXISTS (SELECT 1 FROM decided d WHERE d.status IS NOT NULL)
    )
    SELECT d.n, i.id, i.status, i.waitlist_position, i.created_at,
           CASE WHEN i.id IS NOT NULL THEN target.starts_at END, CASE WHEN i.id IS NOT NULL THEN target.ends_at END,
           d.refused
    FROM decided d
    LEFT JOIN inserted i ON d.status IS NOT NULL AND i.volunteer_id = d.volunteer
    ORDER BY d.n;
END $$;
