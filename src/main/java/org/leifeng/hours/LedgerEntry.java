package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One stored entry of a volunteer's chain, exactly as hashed (V11 {@code service_entry}). */
record LedgerEntry(long id, long volunteerId, int seq, EntryKind kind, Long refersTo, Long activityId,
        String activityTitle, Long shiftId, long organisationId, Instant servedFrom, Instant servedUntil,
        LocalDate serviceDate, BigDecimal hours, BigDecimal delta, String note, String sourceKey, Long recordedBy,
        Instant recordedAt, String prevHash, String hash) {
}
