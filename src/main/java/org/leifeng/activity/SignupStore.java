package org.leifeng.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for sign-ups and the shift counters they move. Every operation locks the shift row before any sign-up row
 * (the counter UPDATE or {@link #lockShift}), so concurrent sign-ups, cancellations and promotions of one shift
 * queue on that row and never deadlock.
 */
@Repository
class SignupStore {

    private static final String VIEW = """
            SELECT s.id, s.shift_id, sh.activity_id, s.volunteer_id, s.status, s.waitlist_position, s.created_at,
                   s.decided_at, s.reason, sh.starts_at, sh.ends_at, a.title
            FROM signup s JOIN shift sh ON sh.id = s.shift_id JOIN activity a ON a.id = sh.activity_id""";

    private final JdbcClient jdbc;

    SignupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Signs volunteers up for one shift in one round trip (the SQL function {@code claim_signups}), in the order given:
     * under the shift's row lock each takes a place if one is free (+1 {@code as}: CONFIRMED or PENDING) or else, when
     * {@code waitlist}, the next position in line. One outcome per volunteer, in the same order; a sign-up refused by a
     * constraint (a second live one, an overlapping one) is undone alone and names the constraint. Run it in a
     * transaction: nobody may be answered before it commits.
     */
    List<Claim> claimAll(long shiftId, List<Long> volunteers, List<Long> createdBy, SignupStatus as, boolean waitlist) {
        Claim[] outcomes = new Claim[volunteers.size()];
        jdbc.sql("""
                SELECT ordinal, signup_id, signup_status, line_position, signed_up_at, shift_starts_at, shift_ends_at,
                       refused_by
                FROM claim_signups(:shift, :volunteers, :as, :waitlist, :createdBy)""")
                .param("shift", shiftId).param("volunteers", volunteers.toArray(Long[]::new)).param("as", as.name())
                .param("waitlist", waitlist).param("createdBy", createdBy.toArray(Long[]::new))
                .query(rs -> {
                    outcomes[rs.getInt(1) - 1] = claim(rs);
                });
        return List.of(outcomes);
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        Long id = rs.getObject(2, Long.class);
        if (id == null) {
            return new Claim(null, rs.getString(8));
        }
        return new Claim(new Claimed(id, SignupStatus.valueOf(rs.getString(3)), rs.getObject(4, Long.class),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class)), null);
    }

    /** What {@link #claimAll} did for one volunteer: a sign-up, or none, refused by a constraint or not. */
    record Claim(Claimed claimed, String refusedBy) {
    }

    /** The sign-up {@link #claimAll} inserted, with the shift's times as they were under the lock. */
    record Claimed(long id, SignupStatus status, Long waitlistPosition, OffsetDateTime createdAt,
            OffsetDateTime shiftStartsAt, OffsetDateTime shiftEndsAt) {
    }

    /** Takes a place if one is free: +1 confirmed or pending. False when the shift is full or not open. */
    boolean claimPlace(long shiftId, SignupStatus as) {
        return jdbc.sql("UPDATE shift SET " + counter(as) + " = " + counter(as) + " + 1"
                        + " WHERE id = :id AND status = 'OPEN' AND confirmed + pending < capacity")
                .param("id", shiftId).update() == 1;
    }

    /** Adds to a counter whose place is already held (a PENDING sign-up becoming CONFIRMED): no capacity check. */
    void claimPlaceUnconditionally(long shiftId, SignupStatus as) {
        jdbc.sql("UPDATE shift SET " + counter(as) + " = " + counter(as) + " + 1 WHERE id = :id")
                .param("id", shiftId).update();
    }

    void lockShift(long shiftId) {
        jdbc.sql("SELECT id FROM shift WHERE id = :id FOR UPDATE").param("id", shiftId).query(Long.class).optional();
    }

    long insert(long shiftId, long volunteerId, SignupStatus status, Long waitlistPosition, Long createdBy) {
        return jdbc.sql("""
                INSERT INTO signup (shift_id, volunteer_id, status, during, waitlist_position, created_by)
                SELECT :shift, :volunteer, :status, tstzrange(starts_at, ends_at), :position, :createdBy
                FROM shift WHERE id = :shift
                RETURNING id""")
                .param("shift", shiftId).param("volunteer", volunteerId).param("status", status.name())
                .param("position", waitlistPosition).param("createdBy", createdBy)
                .query(Long.class).single();
    }

    /** Gives back what a sign-up in {@code status} held: a place, or a spot in line. */
    void release(long shiftId, SignupStatus status) {
        if (SignupStatus.LIVE.contains(status)) {
            jdbc.sql("UPDATE shift SET " + counter(status) + " = " + counter(status) + " - 1 WHERE id = :id")
                    .param("id", shiftId).update();
        }
    }

    /** Moves a sign-up from one status to another if it is still in {@code from}; answers whether it did. */
    boolean changeStatus(long signupId, SignupStatus from, SignupStatus to, Long decidedBy, String reason) {
        return jdbc.sql("""
                UPDATE signup SET status = :to, decided_at = clock_timestamp(), decided_by = :by, reason = :reason,
                    waitlist_position = CASE WHEN :to = 'WAITLISTED' THEN waitlist_position END
                WHERE id = :id AND status = :from""")
                .param("id", signupId).param("from", from.name()).param("to", to.name()).param("by", decidedBy)
                .param("reason", reason).update() == 1;
    }

    /**
     * Promotes the first in line into a freed place, as {@code to} (CONFIRMED, or PENDING under manual approval).
     * Answers the promoted sign-up, empty when nobody waits or no place is free.
     */
    Optional<Long> promoteFirst(long shiftId, SignupStatus to) {
        Optional<Long> first = jdbc.sql("""
                SELECT id FROM signup WHERE shift_id = :shift AND status = 'WAITLISTED'
                ORDER BY waitlist_position LIMIT 1 FOR UPDATE""")
                .param("shift", shiftId).query(Long.class).optional();
        if (first.isEmpty() || !claimPlace(shiftId, to)) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE shift SET waitlisted = waitlisted - 1 WHERE id = :id").param("id", shiftId).update();
        jdbc.sql("UPDATE signup SET status = :to, waitlist_position = NULL, decided_at = clock_timestamp() WHERE id = :id")
                .param("id", first.get()).param("to", to.name()).update();
        return first;
    }

    Optional<SignupView> find(long signupId) {
        return jdbc.sql(VIEW + " WHERE s.id = :id").param("id", signupId).query(SignupStore::view).optional();
    }

    /** The volunteer's live (pending, confirmed or waitlisted) sign-up for the shift, in one query. */
    Optional<SignupView> liveSignup(long shiftId, long volunteerId) {
        return jdbc.sql(VIEW + " WHERE s.shift_id = :shift AND s.volunteer_id = :volunteer"
                        + " AND s.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')")
                .param("shift", shiftId).param("volunteer", volunteerId).query(SignupStore::view).optional();
    }

    PageResult<SignupView> ofShift(long shiftId, SignupStatus status, PageRequest page) {
        String where = " WHERE s.shift_id = :shift AND (CAST(:status AS TEXT) IS NULL OR s.status = :status)";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM signup s" + where).param("shift", shiftId).param("status", statusName)
                .query(Long.class).single();
        List<SignupView> items = jdbc.sql(VIEW + where + " ORDER BY s.waitlist_position NULLS FIRST, s.id LIMIT :limit OFFSET :offset")
                .param("shift", shiftId).param("status", statusName).param("limit", page.size())
                .param("offset", page.offset()).query(SignupStore::view).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    PageResult<SignupView> ofVolunteer(long volunteerId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM signup WHERE volunteer_id = :volunteer").param("volunteer", volunteerId)
                .query(Long.class).single();
        List<SignupView> items = jdbc.sql(VIEW + " WHERE s.volunteer_id = :volunteer ORDER BY sh.starts_at DESC, s.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("volunteer", volunteerId).param("limit", page.size()).param("offset", page.offset())
                .query(SignupStore::view).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Ends every live sign-up of a cancelled shift; answers the volunteers who held one. */
    List<Long> cancelAllOf(long shiftId) {
        return jdbc.sql("""
                UPDATE signup SET status = 'CANCELLED', decided_at = clock_timestamp(), reason = 'shift cancelled',
                    waitlist_position = NULL
                WHERE shift_id = :shift AND status IN ('PENDING', 'CONFIRMED', 'WAITLISTED') RETURNING volunteer_id""")
                .param("shift", shiftId).query(Long.class).list();
    }

    private static String counter(SignupStatus status) {
        return switch (status) {
            case CONFIRMED -> "confirmed";
            case PENDING -> "pending";
            case WAITLISTED -> "waitlisted";
            default -> throw new IllegalArgumentException(status + " holds nothing on the shift");
        };
    }

    static SignupView view(ResultSet rs, int row) throws SQLException {
        return new SignupView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                SignupStatus.valueOf(rs.getString(5)), rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12), null, null);
    }
}
