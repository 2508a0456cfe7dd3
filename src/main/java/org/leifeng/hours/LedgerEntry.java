package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One stored entry of a volunteer's chain, exactly as hashed (V11 {@code service_entry}). */
record LedgerEntry(long id, long volunteerId, int seq, EntryKind kind, Long refersTo, Long activityId,
        String activityTitle, Long shiftId, long organisationId, Instant servedFrom, Instant servedUntil,
        LocalDate serviceDate, BigDecimal hours, BigDecimal delta, String note, String sourceKey, Long recordedBy,
        Instant recordedAt, String prevHash, String hash) {

    /**
     * The entry a draft becomes when appended at {@code seq} of the volunteer's chain. A stored row is read as it is
     * ({@code HoursStore}), not through a draft, so that the verification sees exactly what is stored.
     */
    static LedgerEntry appended(long id, long volunteerId, int seq, EntryDraft draft, Instant recordedAt,
            String prevHash, String hash) {
        return new LedgerEntry(id, volunteerId, seq, draft.kind(), draft.refersTo(), draft.activityId(),
                draft.activityTitle(), draft.shiftId(), draft.organisationId(), draft.servedFrom(), draft.servedUntil(),
                draft.serviceDate(), draft.hours(), draft.delta(), draft.note(), draft.sourceKey(), draft.recordedBy(),
                recordedAt, prevHash, hash);
    }

    /** What the entry says, as a draft would say it: the part of it that {@link LedgerHash} hashes with its place. */
    EntryDraft draft() {
        return new EntryDraft(kind, refersTo, activityId, activityTitle, shiftId, organisationId, servedFrom,
                servedUntil, serviceDate, hours, delta, note, sourceKey, recordedBy);
    }
}
