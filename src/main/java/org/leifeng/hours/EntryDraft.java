package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An entry about to be appended: everything but its place in the chain, its time and its hashes. Whatever the caller
 * passes, it holds each value in its {@link StoredForm}: the hash is taken over exactly what the insert stores.
 */
record EntryDraft(EntryKind kind, Long refersTo, Long activityId, String activityTitle, Long shiftId,
        long organisationId, Instant servedFrom, Instant servedUntil, LocalDate serviceDate, BigDecimal hours,
        BigDecimal delta, String note, String sourceKey, Long recordedBy) {

    EntryDraft {
        // The lengths are those of the columns (V11).
        activityTitle = StoredForm.text(activityTitle, 200);
        servedFrom = StoredForm.instant(servedFrom);
        servedUntil = StoredForm.instant(servedUntil);
        hours = StoredForm.hours(hours);
        delta = StoredForm.hours(delta);
        note = StoredForm.text(note, 500);
        sourceKey = StoredForm.text(sourceKey, 80);
    }

    /** The same fact, deciding or correcting the record {@code entry} with these hours and this effect on the total. */
    static EntryDraft about(LedgerEntry entry, EntryKind kind, BigDecimal hours, BigDecimal delta, String note,
            long recordedBy) {
        return new EntryDraft(kind, entry.id(), entry.activityId(), entry.activityTitle(), entry.shiftId(),
                entry.organisationId(), entry.servedFrom(), entry.servedUntil(), entry.serviceDate(), hours, delta, note,
                null, recordedBy);
    }
}
