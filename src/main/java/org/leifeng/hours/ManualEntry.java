package org.leifeng.hours;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.leifeng.platform.InvalidInput;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** API.md {@code POST /service-records}: service done without the QR code, entered by the organiser. */
public record ManualEntry(@NotNull @Positive Long volunteerId, @NotNull @Positive Long activityId,
        @NotNull OffsetDateTime startedAt, @NotNull OffsetDateTime endedAt, @Size(max = 500) String note) {

    public ManualEntry {
        note = note == null || note.isBlank() ? null : note.strip();
        if (startedAt != null && endedAt != null && !endedAt.isAfter(startedAt)) {
            throw new InvalidInput("endedAt", "hours.endedBeforeStarted");
        }
        if (startedAt != null && endedAt != null && Duration.between(startedAt, endedAt).toHours() >= 24) {
            throw new InvalidInput("endedAt", "hours.longerThanADay");
        }
    }
}
