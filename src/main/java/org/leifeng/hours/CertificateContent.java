package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a certificate says, frozen at issue (stored as JSON beside the PDF): later corrections of the ledger never
 * change an issued certificate; they mark it superseded. The ID number is only ever held masked.
 */
record CertificateContent(String number, long volunteerId, String volunteerName, String idType, String idNumberMasked,
        String volunteerNumber, BigDecimal totalHours, List<Item> records, List<String> issuers,
        OffsetDateTime issuedAt, String verifyUrl) {

    /** One credited service: when, what, who recorded it (谁组织谁记录), how long. */
    record Item(LocalDate date, String activity, String organiser, BigDecimal hours) {
    }
}
