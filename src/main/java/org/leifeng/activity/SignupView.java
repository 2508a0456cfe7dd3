package org.leifeng.activity;

import java.time.OffsetDateTime;

import org.leifeng.volunteer.VolunteerLabel;

/**
 * A sign-up; {@code waitlistPosition} orders the line of a shift. {@code volunteerNumber} and {@code volunteerName}
 * are filled in the organiser's list of a shift's sign-ups only.
 */
public record SignupView(long id, long shiftId, long activityId, long volunteerId, SignupStatus status,
        Long waitlistPosition, OffsetDateTime createdAt, OffsetDateTime decidedAt, String reason,
        OffsetDateTime shiftStartsAt, OffsetDateTime shiftEndsAt, String activityTitle, String volunteerNumber,
        String volunteerName) {

    SignupView labelled(VolunteerLabel label) {
        return label == null ? this : new SignupView(id, shiftId, activityId, volunteerId, status, waitlistPosition,
                createdAt, decidedAt, reason, shiftStartsAt, shiftEndsAt, activityTitle, label.volunteerNumber(),
                label.name());
    }
}
