package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A volunteer's counted hours changed by {@code hours} (negative when a correction lowered them), for service on
 * {@code serviceDate} (Asia/Shanghai) recorded by {@code organisationId}. Published in the appending transaction;
 * readers (reporting) key on {@code entryId} to stay idempotent. {@code correctsEntryId} names the corrected record.
 */
public record HoursCredited(long entryId, long volunteerId, long organisationId, Long activityId, LocalDate serviceDate,
        BigDecimal hours, Long correctsEntryId) {
}
