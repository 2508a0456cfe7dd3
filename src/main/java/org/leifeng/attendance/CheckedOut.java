package org.leifeng.attendance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A volunteer's attendance at a shift ended and is ready to be credited; published in the transaction that closed
 * it. {@code servedFrom}/{@code servedUntil} is the attended time clipped to the shift's widened window (what the
 * ledger checks for overlaps), {@code creditedHours} the hours by the rule of {@link org.leifeng.platform.ServiceTime}.
 * {@code closedByAccountId} is set when an organiser resolved a check-in without check-out (shift closing) or
 * checked the volunteer out at the kiosk; {@code null} when the volunteer scanned the code themself.
 */
public record CheckedOut(long attendanceId, long volunteerId, long activityId, long shiftId, long organisationId,
        Instant checkedInAt, Instant checkedOutAt, Instant servedFrom, Instant servedUntil, BigDecimal creditedHours,
        Long closedByAccountId) {
}
