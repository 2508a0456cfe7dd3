package org.leifeng.attendance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A volunteer's attendance at a shift. {@code status}: CHECKED_IN (no check-out yet), CHECKED_OUT, or CLOSED (the
 * organiser closed it without credit). Names and numbers are filled for the organiser's lists only.
 */
public record AttendanceView(long id, long shiftId, long activityId, long volunteerId, String volunteerNumber,
        String volunteerName, String status, Instant checkedInAt, String checkInMethod, Instant checkedOutAt,
        String checkOutMethod, BigDecimal creditedHours) {
}
