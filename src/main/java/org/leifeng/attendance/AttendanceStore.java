package org.leifeng.attendance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code attendance} and {@code attendance_option} tables (V10). */
@Repository
class AttendanceStore {

    private static final String COLUMNS = """
            id, shift_id, activity_id, volunteer_id, checked_in_at, check_in_method, checked_out_at,
            check_out_method, credited_hours, closed_without_credit""";

    private final JdbcClient jdbc;

    AttendanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the check-in unless the volunteer has one for the shift already; either way answers the row. */
    AttendanceView checkIn(long shiftId, long volunteerId, long signupId, long activityId, long organisationId,
            Instant at, AttendanceMethod method, Long by) {
        return jdbc.sql("""
                INSERT INTO attendance (shift_id, volunteer_id, signup_id, activity_id, organisation_id, checked_in_at,
                    check_in_method, checked_in_by)
                VALUES (:shift, :volunteer, :signup, :activity, :organisation, :at, :method, :by)
                ON CONFLICT (shift_id, volunteer_id) DO NOTHING
                RETURNING""" + " " + COLUMNS)
                .param("shift", shiftId).param("volunteer", volunteerId).param("signup", signupId)
                .param("activity", activityId).param("organisation", organisationId).param("at", utc(at))
                .param("method", method.name()).param("by", by).query(AttendanceStore::view).optional()
                // A concurrent twin checked in first: its row.
                .orElseGet(() -> find(shiftId, volunteerId).orElseThrow());
    }

    Optional<AttendanceView> find(long shiftId, long volunteerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attendance WHERE shift_id = :shift AND volunteer_id = :volunteer")
                .param("shift", shiftId).param("volunteer", volunteerId).query(AttendanceStore::view).optional();
    }

    Optional<AttendanceView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attendance WHERE id = :id").param("id", id)
                .query(AttendanceStore::view).optional();
    }

    /** Completes an open attendance; false when it was completed or closed first (a concurrent twin). */
    boolean checkOut(long id, Instant at, AttendanceMethod method, Long by, BigDecimal credited) {
        return jdbc.sql("""
                UPDATE attendance SET checked_out_at = :at, check_out_method = :method, checked_out_by = :by,
                    credited_hours = :credited
                WHERE id = :id AND checked_out_at IS NULL AND NOT closed_without_credit""")
                .param("id", id).param("at", utc(at)).param("method", method.name()).param("by", by)
                .param("credited", credited).update() == 1;
    }

    boolean closeWithoutCredit(long id, long by) {
        return jdbc.sql("""
                UPDATE attendance SET closed_without_credit = TRUE, checked_out_by = :by
                WHERE id = :id AND checked_out_at IS NULL AND NOT closed_without_credit""")
                .param("id", id).param("by", by).update() == 1;
    }

    List<AttendanceView> ofShift(long shiftId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attendance WHERE shift_id = :shift ORDER BY checked_in_at, id")
                .param("shift", shiftId).query(AttendanceStore::view).list();
    }

    boolean walkInsAllowed(long shiftId) {
        return jdbc.sql("SELECT coalesce((SELECT walk_ins FROM attendance_option WHERE shift_id = :shift), FALSE)")
                .param("shift", shiftId).query(Boolean.class).single();
    }

    void allowWalkIns(long shiftId, boolean allowed, long by, Instant at) {
        jdbc.sql("""
                INSERT INTO attendance_option (shift_id, walk_ins, changed_by, changed_at)
                VALUES (:shift, :allowed, :by, :at)
                ON CONFLICT (shift_id) DO UPDATE SET walk_ins = excluded.walk_ins, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .param("shift", shiftId).param("allowed", allowed).param("by", by).param("at", utc(at)).update();
    }

    private static AttendanceView view(ResultSet rs, int row) throws SQLException {
        Instant out = instant(rs, "checked_out_at");
        AttendanceStatus status = rs.getBoolean("closed_without_credit") ? AttendanceStatus.CLOSED
                : out == null ? AttendanceStatus.CHECKED_IN : AttendanceStatus.CHECKED_OUT;
        String checkOutMethod = rs.getString("check_out_method");
        return new AttendanceView(rs.getLong("id"), rs.getLong("shift_id"), rs.getLong("activity_id"),
                rs.getLong("volunteer_id"), null, null, status, instant(rs, "checked_in_at"),
                AttendanceMethod.valueOf(rs.getString("check_in_method")), out,
                checkOutMethod == null ? null : AttendanceMethod.valueOf(checkOutMethod),
                rs.getBigDecimal("credited_hours"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
