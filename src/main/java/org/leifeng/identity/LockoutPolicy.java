package org.leifeng.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a client waits before its next password for an account is checked, from the wrong passwords of the
 * last {@code window}. Nobody can lock an account against its owner: failures are counted per account and client
 * address, and only the account as a whole is paced.
 * <ul>
 * <li>One address: its first {@code freeFailures} failures on an account cost nothing; after each further one it
 * waits {@code firstDelay}, doubling, at most {@code maxDelay} (by default 1, 2, 4, 8, then 15 minutes: about a
 * dozen guesses an hour). The owner, from another address, is not affected.</li>
 * <li>All addresses together: once an account has {@code accountFailures} failures, it takes one attempt per
 * {@code accountPace} after its latest failure, from anywhere (by default 10, then one a minute: at most about 70
 * guesses an hour however many addresses guess). Strangers can slow the owner to one try a minute, never lock
 * them out.</li>
 * </ul>
 * A success clears the failures of that address on that account, not those of others.
 */
record LockoutPolicy(Duration window, int freeFailures, Duration firstDelay, Duration maxDelay, int accountFailures,
        Duration accountPace) {

    static final LockoutPolicy DEFAULT = new LockoutPolicy(Duration.ofHours(1), 5, Duration.ofMinutes(1),
            Duration.ofMinutes(15), 10, Duration.ofMinutes(1));

    /** Failures at or after this instant count. */
    Instant countSince(Instant now) {
        return now.minus(window);
    }

    /**
     * Seconds, rounded up, before the password of the next attempt is checked; zero: now.
     *
     * @param fromAddress the failures within the window of this address on this account
     * @param overall the failures within the window of the account from every address
     */
    long secondsToWait(Failures fromAddress, Failures overall, Instant now) {
        Instant next = Instant.MIN;
        if (fromAddress.count() >= freeFailures) {
            next = fromAddress.latest().plus(delayAfter(fromAddress.count()));
        }
        if (overall.count() >= accountFailures && overall.latest().plus(accountPace).isAfter(next)) {
            next = overall.latest().plus(accountPace);
        }
        if (!next.isAfter(now)) {
            return 0;
        }
        return (Duration.between(now, next).toMillis() + 999) / 1000;
    }

    /** The wait after the {@code failures}-th failure of one address, {@code failures >= freeFailures}. */
    Duration delayAfter(int failures) {
        int doublings = failures - freeFailures;
        if (doublings >= 30 || firstDelay.multipliedBy(1L << doublings).compareTo(maxDelay) >= 0) {
            return maxDelay;
        }
        return firstDelay.multipliedBy(1L << doublings);
    }

    /** How many failures within the window, and the latest of them (null when none). */
    record Failures(int count, Instant latest) {

        static final Failures NONE = new Failures(0, null);
    }
}
