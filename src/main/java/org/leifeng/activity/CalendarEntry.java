package org.leifeng.activity;

import java.time.OffsetDateTime;

/** One shift as a calendar shows it. */
record CalendarEntry(long shiftId, long activityId, String title, String position, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String address, Double lat, Double lon, String description) {

    static CalendarEntry of(ActivityView activity, ShiftView shift) {
        NewActivity.Place place = activity.place();
        return new CalendarEntry(shift.id(), activity.id(), activity.title(), shift.position(), shift.startsAt(),
                shift.endsAt(), place == null ? null : place.address(), place == null ? null : place.lat(),
                place == null ? null : place.lon(), activity.description());
    }
}
