package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An entry about to be appended: everything but its place in the chain, its time and its hashes. */
record EntryDraft(EntryKind kind, Long refersTo, Long activityId, String activityTitle, Long shiftId,
        long organisationId, Instant servedFrom, Instant servedUntil, LocalDate serviceDate, BigDecimal hours,
        BigDecimal delta, String note, String sourceKey, Long recordedBy) {

    EntryDraft {
        hours = hours.setScale(1);
        delta = delta.setScale(1);
    }

    /** The same fact, deciding or correcting the record {@code entry} with these hours and this effect on the total. */
    static EntryDraft about(LedgerEntry entry, EntryKind kind, BigDecimal hours, BigDecimal delta, String note,
            long recordedBy) {
        return new EntryDraft(kind, entry.id(), entry.activityId(), entry.activityTitle(), entry.shiftId(),
                entry.organisationId(), entry.servedFrom(), entry.servedUntil(), entry.serviceDate(), hours, delta, note,
                null, recordedBy);
    }
}
