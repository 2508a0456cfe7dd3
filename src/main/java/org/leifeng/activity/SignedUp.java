package org.leifeng.activity;

/** A volunteer took a place or a spot in line; published in the sign-up's transaction. */
public record SignedUp(long signupId, long shiftId, long activityId, long volunteerId, SignupStatus status) {
}
