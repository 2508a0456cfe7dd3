package org.leifeng.hours;

/**
 * Why attended time is recorded as REFUSED rather than credited. The code is the refused entry's note: it is part of
 * the ledger's hashed text and names the message {@code hoursPages.refused.<code>}, so it never changes.
 */
enum CreditRefusal {
    /** The time overlaps time already credited to the volunteer. */
    OVERLAP("overlap"),
    /** The day would count more than 24 hours. */
    DAY_LIMIT("day-limit");

    private final String code;

    CreditRefusal(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
