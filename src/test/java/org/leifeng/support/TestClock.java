package org.leifeng.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time, moved forward on demand by tests that need a shift to be over or
 * a code to expire, and on demand with nanoseconds that no database column keeps (09:00:00.123456789). Such a test
 * calls {@link #reset()} when done (the suite shares one application).
 */
@TestComponent
@Primary
public class TestClock extends Clock {

    /** The nanoseconds below the microsecond that every instant carries while ticking in nanoseconds. */
    private static final int SUB_MICROSECOND_NANOS = 789;

    private volatile Duration offset = Duration.ZERO;
    private volatile boolean nanoseconds;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on every instant has nanoseconds beyond the microsecond, as a system clock may give. */
    public void tickInNanoseconds() {
        nanoseconds = true;
    }

    public void reset() {
        offset = Duration.ZERO;
        nanoseconds = false;
    }

    @Override
    public Instant instant() {
        Instant now = Instant.now().plus(offset);
        return nanoseconds ? now.truncatedTo(ChronoUnit.MICROS).plusNanos(SUB_MICROSECOND_NANOS) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
