-- Sign-ups that arrive together for one shift are decided in one transaction, in arrival order (SignupBatcher).
-- One transaction means one WAL flush for the whole group: with the shift's row lock held until commit, a flush per
-- sign-up made the flush time (2.8-4.4 ms under load) the ceiling of a sign-up burst. Durability stays synchronous:
-- nobody is answered before the group's commit is on disk.
--
-- Per sign-up, the steps of claim_signup (V18): take a place if one is free (+1 confirmed, or pending under manual
-- approval); otherwise, if the activity keeps a line, the next position in it; insert the sign-up. A volunteer who
-- already has a live sign-up for the shift, or one that overlaps it, gets none and the row names the constraint that
-- would refuse it (signup_live_once, signup_no_overlap); the others of the group go on. Those look-ups see the
-- group's own earlier sign-ups, and under the shift's lock nobody else signs up for this shift. They are looked up
-- rather than caught in an EXCEPTION block: a block per sign-up would make a subtransaction each, and more than 64
-- in one transaction slow every other session's snapshots. The constraints stay the guards (with
-- shift_never_overbooked for capacity): a violation they still raise, an overlapping sign-up for another shift
-- committed at the same moment, rolls the whole group back and the application decides its sign-ups one by one.
-- A row with signup_id NULL and refused_by NULL: the shift is not open, or full without a line.
CREATE FUNCTION claim_signups(target_shift BIGINT, volunteers BIGINT[], wanted VARCHAR, keeps_line BOOLEAN,
                              creators BIGINT[])
    RETURNS TABLE (ordinal INT, signup_id BIGINT, signup_status VARCHAR, line_position BIGINT, signed_up_at TIMESTAMPTZ,
                   shift_starts_at TIMESTAMPTZ, shift_ends_at TIMESTAMPTZ, refused_by TEXT)
    LANGUAGE plpgsql AS $$
DECLARE
    shift_time TSTZRANGE;
    placed     BOOLEAN;
    line_pos   BIGINT;
    starts     TIMESTAMPTZ;
    ends       TIMESTAMPTZ;
BEGIN
    SELECT tstzrange(sh.starts_at, sh.ends_at) INTO shift_time FROM shift sh WHERE sh.id = target_shift
        FOR NO KEY UPDATE;
    FOR i IN 1 .. coalesce(array_length(volunteers, 1), 0) LOOP
        ordinal := i;
        signup_id := NULL;
        signup_status := NULL;
        line_position := NULL;
        signed_up_at := NULL;
        shift_starts_at := NULL;
        shift_ends_at := NULL;
        refused_by := NULL;
        line_pos := NULL;
        IF EXISTS (SELECT 1 FROM signup s WHERE s.shift_id = target_shift AND s.volunteer_id = volunteers[i]
                   AND s.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')) THEN
            refused_by := 'signup_live_once';
        ELSIF EXISTS (SELECT 1 FROM signup s WHERE s.volunteer_id = volunteers[i] AND s.during && shift_time
                      AND s.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')) THEN
            refused_by := 'signup_no_overlap';
        ELSE
            UPDATE shift sh SET confirmed = sh.confirmed + CASE WHEN wanted = 'CONFIRMED' THEN 1 ELSE 0 END,
                                pending = sh.pending + CASE WHEN wanted = 'PENDING' THEN 1 ELSE 0 END
            WHERE sh.id = target_shift AND sh.status = 'OPEN' AND sh.confirmed + sh.pending < sh.capacity
            RETURNING sh.starts_at, sh.ends_at INTO starts, ends;
            placed := FOUND;
            IF NOT placed AND keeps_line THEN
                UPDATE shift sh SET waitlisted = sh.waitlisted + 1, waitlist_serial = sh.waitlist_serial + 1
                WHERE sh.id = target_shift AND sh.status = 'OPEN'
                RETURNING sh.waitlist_serial, sh.starts_at, sh.ends_at INTO line_pos, starts, ends;
            END IF;
            IF placed OR line_pos IS NOT NULL THEN
                INSERT INTO signup AS s (shift_id, volunteer_id, status, during, waitlist_position, created_by)
                VALUES (target_shift, volunteers[i], CASE WHEN placed THEN wanted ELSE 'WAITLISTED' END,
                        tstzrange(starts, ends), line_pos, creators[i])
                RETURNING s.id, s.status, s.waitlist_position, s.created_at, lower(s.during), upper(s.during)
                    INTO signup_id, signup_status, line_position, signed_up_at, shift_starts_at, shift_ends_at;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END $$;

-- Every sign-up now goes through claim_signups, a group of one included.
DROP FUNCTION claim_signup(BIGINT, BIGINT, VARCHAR, BOOLEAN, BIGINT);
