package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A certificate as its holder lists and downloads it. */
public record CertificateIssued(String number, String pdfUrl, String verifyUrl, BigDecimal totalHours,
        OffsetDateTime issuedAt, boolean valid) {
}
