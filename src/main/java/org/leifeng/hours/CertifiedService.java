package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger as a certificate reads it: a volunteer's credited records, each with the organisation that recorded it
 * (谁记录谁证明), and their total. Implemented by the ledger of this module.
 */
interface CertifiedService {

    List<Record> creditedRecordsOf(long volunteerId);

    /** One credited record after corrections: its hours are what counts today. */
    record Record(LocalDate serviceDate, String activityTitle, long organisationId, BigDecimal hours) {
    }
}
