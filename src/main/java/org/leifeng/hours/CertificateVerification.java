package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What anyone may learn of a certificate by its number: whether it is still valid, and enough to compare it with
 * the paper — the name masked (张**), the hours, the issuers and the date. Nothing else of the volunteer.
 */
public record CertificateVerification(String number, boolean valid, CertificateStatus status, String volunteerName,
        BigDecimal totalHours, OffsetDateTime issuedAt, String issuer, List<String> issuers,
        OffsetDateTime supersededAt) {
}
