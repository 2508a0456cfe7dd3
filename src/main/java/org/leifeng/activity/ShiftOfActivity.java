package org.leifeng.activity;

/** A shift with its activity, read together; {@code activity} comes without its other shifts. */
public record ShiftOfActivity(ShiftView shift, ActivityView activity) {
}
