package org.leifeng.activity;

import java.time.OffsetDateTime;

/** A shift with its places: {@code confirmed + pending <= capacity} always holds. */
public record ShiftView(long id, long activityId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
        String position, ShiftStatus status, int confirmed, int pending, int waitlisted) {

    public int freePlaces() {
        return status == ShiftStatus.OPEN ? Math.max(0, capacity - confirmed - pending) : 0;
    }
}
