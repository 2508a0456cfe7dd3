package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceTimeTest {

    private final ServiceTime rule = new ServiceTime(new ServiceTime.Settings(null, null, null));
    private final Instant nine = Instant.parse("2027-03-05T01:00:00Z");
    private final Instant noon = nine.plus(Duration.ofHours(3));

    @ParameterizedTest
    @CsvSource({ "0, 0.0", "14, 0.0", "15, 0.5", "44, 0.5", "45, 1.0", "60, 1.0", "134, 2.0", "135, 2.5", "165, 3.0" })
    void roundsRemaindersByTheFifteenAndFortyFiveMinuteRule(long minutes, String hours) {
        assertThat(rule.round(Duration.ofMinutes(minutes))).isEqualTo(new BigDecimal(hours));
    }

    @Test
    void clipsToTheShiftWindowWidenedByTheGrace() {
        Instant cameEarly = nine.minus(Duration.ofHours(2));
        Instant leftLate = noon.plus(Duration.ofHours(2));

        ServiceTime.Interval served = rule.clip(cameEarly, leftLate, nine, noon);

        assertThat(served.start()).isEqualTo(nine.minus(Duration.ofMinutes(30)));
        assertThat(served.end()).isEqualTo(noon.plus(Duration.ofMinutes(30)));
    }

    @Test
    void neverCreditsMoreThanTheShiftsOwnLength() {
        assertThat(rule.credit(nine.minus(Duration.ofMinutes(30)), noon.plus(Duration.ofMinutes(30)), nine, noon))
                .isEqualTo(new BigDecimal("3.0"));
    }

    @Test
    void creditsPartialAttendanceRounded() {
        assertThat(rule.credit(nine.plus(Duration.ofMinutes(40)), noon, nine, noon)).isEqualTo(new BigDecimal("2.5"));
    }

    @Test
    void creditsNothingForTimeOutsideTheWindow() {
        Instant evening = noon.plus(Duration.ofHours(5));
        assertThat(rule.credit(evening, evening.plus(Duration.ofHours(2)), nine, noon)).isEqualTo(new BigDecimal("0.0"));
    }
}
