package org.leifeng.activity;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A shift to add: ends after it starts and lasts at most 24 hours; 1 to 100,000 places. */
public record NewShift(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
        @NotNull @Min(1) @Max(100_000) Integer capacity, @Size(max = 100) String position) {

    @AssertTrue(message = "{activity.validation.shiftTimes}")
    boolean isEndAfterStartWithinADay() {
        return startsAt == null || endsAt == null
                || (endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(Duration.ofHours(24)) <= 0);
    }
}
