package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.leifeng.identity.LockoutPolicy.Failures;

class LockoutPolicyTest {

    private final LockoutPolicy policy = LockoutPolicy.DEFAULT;
    private final Instant now = Instant.parse("2026-03-05T10:00:00.123456789Z");

    private Failures failures(int count, Duration ago) {
        return new Failures(count, now.minus(ago));
    }

    @Test
    void defaultCountsAnHourAllowsFiveFreeFailuresPerAddressThenOneToFifteenMinutesAndPacesAnAccountAfterTen() {
        assertThat(policy).isEqualTo(new LockoutPolicy(Duration.ofHours(1), 5, Duration.ofMinutes(1),
                Duration.ofMinutes(15), 10, Duration.ofMinutes(1)));
        assertThat(policy.countSince(now)).isEqualTo(now.minus(Duration.ofHours(1)));
    }

    @Test
    void noFailuresMeanNoWait() {
        assertThat(policy.secondsToWait(Failures.NONE, Failures.NONE, now)).isZero();
    }

    @Test
    void fourFailuresFromOneAddressCostNothing() {
        Failures four = failures(4, Duration.ZERO);

        assertThat(policy.secondsToWait(four, four, now)).isZero();
    }

    @Test
    void theFifthFailureMakesThatAddressWaitAMinute() {
        Failures five = failures(5, Duration.ZERO);

        assertThat(policy.secondsToWait(five, five, now)).isEqualTo(60);
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theWaitRunsFromTheLatestFailureAndIsRoundedUpToWholeSeconds() {
        Failures sixHalfAMinuteAgo = failures(6, Duration.ofSeconds(30).plusNanos(1));

        assertThat(policy.secondsToWait(sixHalfAMinuteAgo, sixHalfAMinuteAgo, now)).isEqualTo(90);
        Failures fiveAMinuteAgo = failures(5, Duration.ofMinutes(1));
        assertThat(policy.secondsToWait(fiveAMinuteAgo, fiveAMinuteAgo, now)).isZero();
    }

    @Test
    void anotherAddressDoesNotWaitForAStrangersFailures() {
        Failures strangers = failures(9, Duration.ofSeconds(1));

        assertThat(policy.secondsToWait(Failures.NONE, strangers, now)).isZero();
    }

    @Test
    void tenFailuresFromAnywherePaceTheAccountToOneAttemptAMinuteForEveryone() {
        Failures crowd = failures(10, Duration.ofSeconds(20));

        assertThat(policy.secondsToWait(Failures.NONE, crowd, now)).isEqualTo(40);
        assertThat(policy.secondsToWait(Failures.NONE, failures(10, Duration.ofMinutes(1)), now)).isZero();
    }

    @Test
    void theLongerOfTheTwoWaitsApplies() {
        Failures own = failures(9, Duration.ofMinutes(1));
        Failures crowd = failures(30, Duration.ofSeconds(1));

        assertThat(policy.secondsToWait(own, crowd, now)).isEqualTo(14 * 60);
        assertThat(policy.secondsToWait(failures(5, Duration.ofSeconds(50)), crowd, now)).isEqualTo(59);
    }
}
