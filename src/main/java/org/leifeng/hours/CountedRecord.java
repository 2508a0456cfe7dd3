package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A service record that counts (a credit, or a manual entry once approved) with its hours as they stand after any
 * correction: one line of an organisation's records export.
 */
public record CountedRecord(long recordId, LocalDate serviceDate, long volunteerId, long organisationId,
        String activityTitle, Instant servedFrom, Instant servedUntil, BigDecimal hours) {
}
