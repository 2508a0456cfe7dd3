package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A record of service as people see it: the entry that recorded it with the decisions and corrections that followed
 * folded in. {@code hours} is what counts today, {@code recordedHours} what was first recorded; {@code reason} the
 * last word on it (rejection, refusal or correction).
 */
public record ServiceRecordView(long id, long volunteerId, ServiceRecordSource source,
        ServiceRecordStatus status, Long activityId,
        String activityTitle, long organisationId, LocalDate serviceDate, Instant servedFrom, Instant servedUntil,
        BigDecimal hours, BigDecimal recordedHours, String note, String reason, int corrections,
        Long lastCorrectionId, Long recordedBy, Instant recordedAt) {
}
