package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The bench's window on the ledger's own hashing and star levels (package-private in the application), so entries
 * written in bulk by the city generator chain exactly as {@link Ledger} would chain them and pass
 * {@code --leifeng.verify-ledger}.
 */
public final class CityLedgerChain {

    public static final String GENESIS = LedgerHash.GENESIS;
    private static final StarLevels STAR_LEVELS = new StarLevels(null);

    private CityLedgerChain() {
    }

    /** The hash of an entry as the application computes it (hours and delta with one decimal). */
    public static String hash(long volunteerId, int seq, EntryKind kind, Long refersTo, Long activityId,
            String activityTitle, Long shiftId, long organisationId, Instant servedFrom, Instant servedUntil,
            LocalDate serviceDate, BigDecimal hours, BigDecimal delta, String note, Long recordedBy, Instant recordedAt,
            String prevHash) {
        EntryDraft draft = new EntryDraft(kind, refersTo, activityId, activityTitle, shiftId, organisationId, servedFrom,
                servedUntil, serviceDate, hours, delta, note, null, recordedBy);
        return LedgerHash.of(volunteerId, seq, draft, recordedAt, prevHash);
    }

    /** The star level of a total under the default thresholds (100, 300, 600, 1000, 1500 hours). */
    public static int starLevel(BigDecimal totalHours) {
        return STAR_LEVELS.levelFor(totalHours);
    }
}
