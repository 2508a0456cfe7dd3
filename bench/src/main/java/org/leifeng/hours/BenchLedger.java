package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Bench-side door to the ledger's package-private hashing ({@link LedgerHash}) and star levels ({@link StarLevels}):
 * seeded service records are chained exactly as {@code Ledger} chains the entries it appends, so the application's
 * own verification ({@code GET /api/v1/hours/verification}) finds every link intact.
 */
public final class BenchLedger {

    /** The previous hash of a volunteer's first entry. */
    public static final String GENESIS = LedgerHash.GENESIS;

    private BenchLedger() {
    }

    /**
     * The hash of a CREDIT entry (attended time, counted at once) as {@code Hours.credit} drafts it for an
     * attendance: no note, recorded by nobody (the volunteer scanned out), its source the attendance.
     */
    public static String creditHash(long volunteerId, int seq, long activityId, String activityTitle, long shiftId,
            long organisationId, Instant servedFrom, Instant servedUntil, LocalDate serviceDate, BigDecimal hours,
            String sourceKey, Instant recordedAt, String prevHash) {
        return LedgerHash.of(volunteerId, seq, credit(activityId, activityTitle, shiftId, organisationId, servedFrom,
                servedUntil, serviceDate, hours, sourceKey), recordedAt, prevHash);
    }

    /**
     * The hash of any entry without a source (a credit written in bulk, a CORRECTION with its note and recorder), as
     * {@code Ledger} computes it; hours and delta with one decimal.
     */
    public static String entryHash(long volunteerId, int seq, EntryKind kind, Long refersTo, Long activityId,
            String activityTitle, Long shiftId, long organisationId, Instant servedFrom, Instant servedUntil,
            LocalDate serviceDate, BigDecimal hours, BigDecimal delta, String note, Long recordedBy, Instant recordedAt,
            String prevHash) {
        return LedgerHash.of(volunteerId, seq, new EntryDraft(kind, refersTo, activityId, activityTitle, shiftId,
                organisationId, servedFrom, servedUntil, serviceDate, hours, delta, note, null, recordedBy), recordedAt,
                prevHash);
    }

    /** The star level the application gives a total under its default thresholds. */
    public static int starLevel(BigDecimal totalHours) {
        return new StarLevels(null).levelFor(totalHours);
    }

    static EntryDraft credit(long activityId, String activityTitle, long shiftId, long organisationId,
            Instant servedFrom, Instant servedUntil, LocalDate serviceDate, BigDecimal hours, String sourceKey) {
        return new EntryDraft(EntryKind.CREDIT, null, activityId, activityTitle, shiftId, organisationId, servedFrom,
                servedUntil, serviceDate, hours, hours, null, sourceKey, null);
    }
}
