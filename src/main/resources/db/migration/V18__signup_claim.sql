-- A sign-up decided and written in one round trip. The shift's row lock is held from the lock below until the
-- transaction ends; doing the decision and the insert here, instead of four or five statements sent one by one from
-- the application, keeps that time short when everyone signs up for the same shift at once (bench/).
--
-- The same steps as before, in order: lock the shift row; take a place if one is free (+1 confirmed, or pending
-- under manual approval); otherwise, if the activity keeps a line, take the next position in it; insert the sign-up
-- with what it got. Each statement of a volatile function reads the latest committed rows, so under the lock the
-- place-or-line decision sees every place freed before it (a freed place is never left empty while this sign-up
-- waits). The constraints stay the guards: shift_never_overbooked, signup_live_once and signup_no_overlap refuse,
-- and a refusal rolls back everything the call did. No row when the shift is not open, or full without a line.
CREATE FUNCTION claim_signup(target_shift BIGINT, target_volunteer BIGINT, wanted VARCHAR, keeps_line BOOLEAN,
                             creator BIGINT)
    RETURNS TABLE (signup_id BIGINT, signup_status VARCHAR, line_position BIGINT, signed_up_at TIMESTAMPTZ,
                   shift_starts_at TIMESTAMPTZ, shift_ends_at TIMESTAMPTZ)
    LANGUAGE plpgsql AS $$
DECLARE
    placed   BOOLEAN;
    line_pos BIGINT;
    starts   TIMESTAMPTZ;
    ends     TIMESTAMPTZ;
BEGIN
    PERFORM 1 FROM shift sh WHERE sh.id = target_shift FOR NO KEY UPDATE;
    UPDATE shift sh SET confirmed = sh.confirmed + CASE WHEN wanted = 'CONFIRMED' THEN 1 ELSE 0 END,
                        pending = sh.pending + CASE WHEN wanted = 'PENDING' THEN 1 ELSE 0 END
    WHERE sh.id = target_shift AND sh.status = 'OPEN' AND sh.confirmed + sh.pending < sh.capacity
    RETURNING sh.starts_at, sh.ends_at INTO starts, ends;
    placed := FOUND;
    IF NOT placed THEN
        IF NOT keeps_line THEN
            RETURN;
        END IF;
        UPDATE shift sh SET waitlisted = sh.waitlisted + 1, waitlist_serial = sh.waitlist_serial + 1
        WHERE sh.id = target_shift AND sh.status = 'OPEN'
        RETURNING sh.waitlist_serial, sh.starts_at, sh.ends_at INTO line_pos, starts, ends;
        IF NOT FOUND THEN
            RETURN;
        END IF;
    END IF;
    RETURN QUERY
        INSERT INTO signup AS s (shift_id, volunteer_id, status, during, waitlist_position, created_by)
        VALUES (target_shift, target_volunteer, CASE WHEN placed THEN wanted ELSE 'WAITLISTED' END,
                tstzrange(starts, ends), line_pos, creator)
        RETURNING s.id, s.status, s.waitlist_position, s.created_at, lower(s.during), upper(s.during);
END $$;
