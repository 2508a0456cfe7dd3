package org.leifeng.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A series with the shifts it generated so far, moved or cancelled ones included. Generation has reached
 * {@code generatedUntil}; {@code endsOn} (inclusive) or {@code active = false} stop it.
 */
public record SeriesView(long id, long activityId, String rrule, LocalDate startsOn, LocalTime startTime,
        int durationMinutes, int capacity, String position, int horizonDays, LocalDate generatedUntil,
        LocalDate endsOn, boolean active, OffsetDateTime endedAt, List<ShiftView> shifts) {

    SeriesView withShifts(List<ShiftView> generated) {
        return new SeriesView(id, activityId, rrule, startsOn, startTime, durationMinutes, capacity, position,
                horizonDays, generatedUntil, endsOn, active, endedAt, List.copyOf(generated));
    }
}
