package org.leifeng.attendance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A volunteer's attendance at a shift ({@link AttendanceStatus}). Names and numbers are filled for the organiser's
 * lists only.
 */
public record AttendanceView(long id, long shiftId, long activityId, long volunteerId, String volunteerNumber,
        String volunteerName, AttendanceStatus status, Instant checkedInAt, AttendanceMethod checkInMethod,
        Instant checkedOutAt, AttendanceMethod checkOutMethod, BigDecimal creditedHours) {
}
