package org.leifeng.activity;

/** A sign-up ended before the shift: cancelled by the volunteer or organiser, or rejected. */
public record SignUpCancelled(long signupId, long shiftId, long volunteerId, SignupStatus endedAs) {
}
