package org.leifeng.activity;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A recurring shift as an organiser describes it: the RRULE subset of {@link RecurrenceRule}, a local start time in
 * Asia/Shanghai, a duration of at most 24 hours. It starts on {@code startsOn} (default today); shifts are generated
 * {@code horizonWeeks} ahead (default {@code leifeng.recurrence.horizon}).
 */
public record NewSeries(@NotBlank @Size(max = 200) String rrule, @NotNull LocalTime startTime,
        @NotNull @Min(1) @Max(1440) Integer durationMinutes, @NotNull @Min(1) @Max(100_000) Integer capacity,
        @Size(max = 100) String position, LocalDate startsOn, @Min(1) @Max(52) Integer horizonWeeks) {
}
