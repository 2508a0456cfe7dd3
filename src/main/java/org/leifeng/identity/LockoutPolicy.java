package org.leifeng.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code maxFailures} failed sign-ins of one account within {@code window}, the account is refused for
 * {@code duration}, whatever password is offered. Failures before the end of a lock do not count again.
 */
record LockoutPolicy(int maxFailures, Duration window, Duration duration) {

    static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** Failures at or after this instant count towards the next lock. */
    Instant countFailuresSince(Instant now, Instant lockedUntil) {
        Instant windowStart = now.minus(window);
        return lockedUntil != null && lockedUntil.isAfter(windowStart) ? lockedUntil : windowStart;
    }

    /** The end of the lock that {@code recentFailures} failures earn, if they earn one. */
    Optional<Instant> lockUntil(int recentFailures, Instant now) {
        return recentFailures >= maxFailures ? Optional.of(now.plus(duration)) : Optional.empty();
    }

    /** Seconds until the lock ends, rounded up; zero when it is not locked. */
    long secondsLeft(Instant lockedUntil, Instant now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return 0;
        }
        return (Duration.between(now, lockedUntil).toMillis() + 999) / 1000;
    }
}
