package org.leifeng.activity;

import java.util.Set;

/** A sign-up's state. PENDING and CONFIRMED hold a place; WAITLISTED waits in line; the others hold nothing. */
public enum SignupStatus {
    PENDING, CONFIRMED, WAITLISTED, CANCELLED, REJECTED, NO_SHOW, ATTENDED;

    public static final Set<SignupStatus> LIVE = Set.of(PENDING, CONFIRMED, WAITLISTED);

    public boolean holdsAPlace() {
        return this == PENDING || this == CONFIRMED;
    }
}
