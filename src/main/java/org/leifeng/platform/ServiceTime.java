package org.leifeng.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The credit rule of DOMAIN.md "Hours", shared by the modules that turn time into hours (attendance answers a
 * check-out with it, the ledger credits manual entries with it): check-out − check-in clipped to the shift's window
 * widened by the grace, then rounded — a remainder under 15 min counts 0, 15–44 min half an hour, 45 min or more a
 * whole hour — and never more than the shift's own length.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTime.Settings.class)
public class ServiceTime {

    private final Settings settings;

    ServiceTime(Settings settings) {
        this.settings = settings;
    }

    /** How far before its start and after its end a shift's window is widened (default 30 min). */
    public Duration grace() {
        return settings.grace();
    }

    /** The part of [{@code from}, {@code to}) inside the shift's widened window; zero length when they miss it. */
    public Interval clip(Instant from, Instant to, Instant shiftStartsAt, Instant shiftEndsAt) {
        Instant start = max(from, shiftStartsAt.minus(grace()));
        Instant end = min(to, shiftEndsAt.plus(grace()));
        return end.isAfter(start) ? new Interval(start, end) : new Interval(start, start);
    }

    /** Credited hours for time spent on a shift: clipped, rounded, capped at the shift's length. */
    public BigDecimal credit(Instant checkIn, Instant checkOut, Instant shiftStartsAt, Instant shiftEndsAt) {
        BigDecimal hours = round(clip(checkIn, checkOut, shiftStartsAt, shiftEndsAt).length());
        BigDecimal cap = exact(Duration.between(shiftStartsAt, shiftEndsAt));
        return hours.min(cap);
    }

    /** Rounds a duration by the 15/45-minute rule, to one decimal ({@code 2.5}). */
    public BigDecimal round(Duration served) {
        if (served.isNegative()) {
            return BigDecimal.ZERO.setScale(1);
        }
        long wholeHours = served.toHours();
        Duration remainder = served.minusHours(wholeHours);
        BigDecimal fraction = remainder.compareTo(settings.fullHourFrom()) >= 0 ? BigDecimal.ONE
                : remainder.compareTo(settings.halfHourFrom()) >= 0 ? new BigDecimal("0.5") : BigDecimal.ZERO;
        return BigDecimal.valueOf(wholeHours).add(fraction).setScale(1);
    }

    /** A duration in hours to one decimal, rounded down to the half hour (a shift's own length as a cap). */
    private static BigDecimal exact(Duration length) {
        long halfHours = length.toMinutes() / 30;
        return BigDecimal.valueOf(halfHours).divide(BigDecimal.valueOf(2)).setScale(1);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A half-open span of time. */
    public record Interval(Instant start, Instant end) {

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** {@code leifeng.service-time.*}: the grace and the rounding thresholds, configurable per deployment. */
    @ConfigurationProperties("leifeng.service-time")
    record Settings(Duration grace, Duration halfHourFrom, Duration fullHourFrom) {

        Settings {
            grace = grace == null ? Duration.ofMinutes(30) : grace;
            halfHourFrom = halfHourFrom == null ? Duration.ofMinutes(15) : halfHourFrom;
            fullHourFrom = fullHourFrom == null ? Duration.ofMinutes(45) : fullHourFrom;
        }
    }
}
