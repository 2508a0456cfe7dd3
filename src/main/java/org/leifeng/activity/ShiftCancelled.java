package org.leifeng.activity;

import java.util.List;

/** A shift was cancelled: its sign-ups ended, and these volunteers are to be told. */
public record ShiftCancelled(long shiftId, long activityId, List<Long> volunteerIds) {
}
