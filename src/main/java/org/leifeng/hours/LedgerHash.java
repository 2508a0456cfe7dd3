package org.leifeng.hours;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an entry: SHA-256 over its canonical form, which includes the previous entry's hash. The canonical form
 * is version 1: {@code leifeng-ledger-v1} then every field in a fixed order, each written as its length in UTF-8
 * bytes, a colon and the value ({@code 5:CREDIT}), absent values as {@code -}. Lengths make the form unambiguous
 * whatever a note contains; every value is in its {@link StoredForm} (what PostgreSQL stores, so the verification
 * recomputes the same form from the row): instants ISO-8601 UTC to the microsecond, hours plain with one decimal. The entry's database id is not part of it: its place is {@code volunteerId} and {@code seq}.
 */
final class LedgerHash {

    /** The "previous hash" of a volunteer's first entry. */
    static final String GENESIS = "0".repeat(64);

    private LedgerHash() {
    }

    static String of(long volunteerId, int seq, EntryDraft draft, Instant recordedAt, String prevHash) {
        StringBuilder form = new StringBuilder("leifeng-ledger-v1");
        field(form, volunteerId);
        field(form, seq);
        field(form, draft.kind());
        field(form, draft.refersTo());
        field(form, draft.activityId());
        field(form, draft.activityTitle());
        field(form, draft.shiftId());
        field(form, draft.organisationId());
        field(form, draft.servedFrom());
        field(form, draft.servedUntil());
        field(form, draft.serviceDate());
        field(form, draft.hours());
        field(form, draft.delta());
        field(form, draft.note());
        field(form, draft.sourceKey());
        field(form, draft.recordedBy());
        field(form, recordedAt);
        field(form, prevHash);
        return sha256(form.toString());
    }

    /** Recomputes a stored entry's hash from its fields, for the verification. */
    static String of(LedgerEntry entry) {
        return of(entry.volunteerId(), entry.seq(), entry.draft(), entry.recordedAt(), entry.prevHash());
    }

    private static void field(StringBuilder form, Object value) {
        String text;
        if (value == null) {
            text = null;
        } else if (value instanceof BigDecimal number) {
            text = number.setScale(1).toPlainString();
        } else {
            text = value.toString();   // Instant: ISO-8601 UTC; LocalDate: yyyy-MM-dd; enums and numbers: their names
        }
        form.append('|');
        if (text == null) {
            form.append('-');
        } else {
            form.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
        }
    }

    private static String sha256(String form) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
