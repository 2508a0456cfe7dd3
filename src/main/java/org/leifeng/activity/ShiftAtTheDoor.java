package org.leifeng.activity;

import java.util.Optional;

/**
 * A shift with its activity (without its other shifts) and one volunteer's live sign-up of it, read together: what a
 * check-in at the door checks. {@code signup} is null when the volunteer has no live sign-up of the shift.
 */
public record ShiftAtTheDoor(ShiftView shift, ActivityView activity, SignupView signup) {

    public Optional<SignupView> liveSignup() {
        return Optional.ofNullable(signup);
    }
}
