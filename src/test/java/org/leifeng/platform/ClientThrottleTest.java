package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.leifeng.platform.ClientThrottle.Action;
import org.leifeng.platform.ClientThrottle.Limit;

class ClientThrottleTest {

    /** Starts at an arbitrary point, as System.nanoTime() does, and moves only when told. */
    private final AtomicLong nanos = new AtomicLong(7_123_456_789_012L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final ClientThrottle throttle = new ClientThrottle(clock, Map.of(Action.SIGN_IN, new Limit(3, 5),
            Action.REGISTRATION, new Limit(2, 100)));

    private void pass(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private void admitTimes(int times, Action action, String address) {
        for (int i = 0; i < times; i++) {
            throttle.admit(action, address);
        }
    }

    @Test
    void refusesTheAttemptBeyondAMinutesAllowanceWithTheSecondsUntilOneMoreIsAllowed() {
        admitTimes(3, Action.SIGN_IN, "198.51.100.7");

        assertThatThrownBy(() -> throttle.admit(Action.SIGN_IN, "198.51.100.7"))
                .isInstanceOfSatisfying(TooManyAttempts.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(429);
                    assertThat(refused.code()).isEqualTo("problem.tooManyFromAddress");
                    // The minute's three tokens come back one every 20 seconds.
                    assertThat(refused.retryAfterSeconds()).isEqualTo(20);
                });
    }

    @Test
    void retryAfterIsRoundedUpAndTheAttemptPassesOnceItHasElapsed() {
        admitTimes(3, Action.SIGN_IN, "198.51.100.8");
        pass(Duration.ofSeconds(5).plusNanos(1));

        assertThatThrownBy(() -> throttle.admit(Action.SIGN_IN, "198.51.100.8"))
                .isInstanceOfSatisfying(TooManyAttempts.class, refused -> assertThat(refused.retryAfterSeconds())
                        .isEqualTo(15));
        pass(Duration.ofSeconds(15));
        throttle.admit(Action.SIGN_IN, "198.51.100.8");
    }

    @Test
    void theHourlyAllowanceHoldsWhenEveryMinuteIsWithinItsOwn() {
        for (int i = 0; i < 5; i++) {
            throttle.admit(Action.SIGN_IN, "198.51.100.9");
            pass(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> throttle.admit(Action.SIGN_IN, "198.51.100.9"))
                .isInstanceOfSatisfying(TooManyAttempts.class, refused -> assertThat(refused.retryAfterSeconds())
                        .isBetween(60L, 12 * 60L));
    }

    @Test
    void addressesAndActionsAreCountedApart() {
        admitTimes(3, Action.SIGN_IN, "198.51.100.10");

        throttle.admit(Action.SIGN_IN, "198.51.100.11");
        admitTimes(2, Action.REGISTRATION, "198.51.100.10");
        assertThatThrownBy(() -> throttle.admit(Action.REGISTRATION, "198.51.100.10"))
                .isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void anIpv6NetworkIsCountedAsOneClient() {
        throttle.admit(Action.REGISTRATION, "2001:db8:85a3:7:1::1");
        throttle.admit(Action.REGISTRATION, "2001:db8:85a3:7:ffff::2");

        assertThatThrownBy(() -> throttle.admit(Action.REGISTRATION, "2001:db8:85a3:7:abcd::3"))
                .isInstanceOf(TooManyAttempts.class);
        throttle.admit(Action.REGISTRATION, "2001:db8:85a3:8::1");
    }

    @Test
    void aChangedLimitAppliesToAddressesNotSeenBefore() {
        throttle.limit(Action.REGISTRATION, new Limit(1, 1));

        throttle.admit(Action.REGISTRATION, "203.0.113.5");
        assertThatThrownBy(() -> throttle.admit(Action.REGISTRATION, "203.0.113.5"))
                .isInstanceOfSatisfying(TooManyAttempts.class, refused -> assertThat(refused.retryAfterSeconds())
                        .isEqualTo(3600));
    }
}
