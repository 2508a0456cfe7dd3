package org.leifeng.activity;

import java.time.OffsetDateTime;

/** A sign-up; {@code waitlistPosition} orders the line of a shift. */
public record SignupView(long id, long shiftId, long activityId, long volunteerId, SignupStatus status,
        Long waitlistPosition, OffsetDateTime createdAt, OffsetDateTime decidedAt, String reason,
        OffsetDateTime shiftStartsAt, OffsetDateTime shiftEndsAt, String activityTitle) {
}
