package org.leifeng.activity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The organiser recorded how many people an activity served (the whole number, not a change), dated on the day of
 * its last shift (Asia/Shanghai); published in the recording transaction. Readers keep the latest {@code recordedAt}:
 * events may reach them in any order.
 */
public record PeopleServedRecorded(long activityId, long organisationId, LocalDate day, int peopleServed,
        Instant recordedAt) {
}
