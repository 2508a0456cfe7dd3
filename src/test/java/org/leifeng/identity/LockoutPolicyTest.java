package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-03-05T10:00:00Z");

    @Test
    void defaultIsFiveFailuresInFifteenMinutesForFifteenMinutes() {
        assertThat(LockoutPolicy.DEFAULT).isEqualTo(policy);
    }

    @Test
    void failuresCountFromTheStartOfTheWindowWhenNeverLocked() {
        assertThat(policy.countFailuresSince(now, null)).isEqualTo(now.minus(Duration.ofMinutes(15)));
    }

    @Test
    void failuresBeforeTheEndOfARecentLockDoNotCountAgain() {
        Instant lockEnded = now.minus(Duration.ofMinutes(5));

        assertThat(policy.countFailuresSince(now, lockEnded)).isEqualTo(lockEnded);
    }

    @Test
    void anOldLockDoesNotShortenTheWindow() {
        Instant longAgo = now.minus(Duration.ofHours(3));

        assertThat(policy.countFailuresSince(now, longAgo)).isEqualTo(now.minus(Duration.ofMinutes(15)));
    }

    @Test
    void aLockEndingExactlyAtTheWindowStartIsTheWindowStart() {
        Instant windowStart = now.minus(Duration.ofMinutes(15));

        assertThat(policy.countFailuresSince(now, windowStart)).isEqualTo(windowStart);
    }

    @Test
    void fourFailuresEarnNoLock() {
        assertThat(policy.lockUntil(0, now)).isEmpty();
        assertThat(policy.lockUntil(4, now)).isEmpty();
    }

    @Test
    void theFifthFailureLocksForFifteenMinutes() {
        assertThat(policy.lockUntil(5, now)).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(policy.lockUntil(9, now)).contains(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void noSecondsLeftWhenNotLockedOrLockOver() {
        assertThat(policy.secondsLeft(null, now)).isZero();
        assertThat(policy.secondsLeft(now.minusSeconds(1), now)).isZero();
        assertThat(policy.secondsLeft(now, now)).isZero();
    }

    @Test
    void secondsLeftAreRoundedUp() {
        assertThat(policy.secondsLeft(now.plusMillis(1), now)).isEqualTo(1);
        assertThat(policy.secondsLeft(now.plusMillis(1000), now)).isEqualTo(1);
        assertThat(policy.secondsLeft(now.plusMillis(1001), now)).isEqualTo(2);
        assertThat(policy.secondsLeft(now.plus(Duration.ofMinutes(15)), now)).isEqualTo(900);
    }
}
