package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every value of an entry as PostgreSQL stores it (V11 {@code service_entry}), so that what is hashed is exactly what
 * the verification later reads back. Instants keep microseconds ({@code TIMESTAMPTZ}): cut here rather than rounded
 * by the driver. Hours keep one decimal ({@code NUMERIC(5,1)}, {@code NUMERIC(6,1)}): a value with more is a caller's
 * error, refused rather than rounded. Text is kept as given (PostgreSQL neither trims nor folds it), except that a
 * {@code VARCHAR(n)} silently cuts trailing spaces beyond n characters. Dates, numbers and kinds are stored as they are.
 */
final class StoredForm {

    private StoredForm() {
    }

    static Instant instant(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }

    static BigDecimal hours(BigDecimal value) {
        return value.setScale(1);
    }

    /** The text a {@code VARCHAR(length)} column keeps; longer text that is not just spaces is refused by the insert. */
    static String text(String value, int length) {
        if (value == null || value.codePointCount(0, value.length()) <= length) {
            return value;
        }
        int cut = value.offsetByCodePoints(0, length);
        return value.substring(cut).chars().allMatch(c -> c == ' ') ? value.substring(0, cut) : value;
    }
}
