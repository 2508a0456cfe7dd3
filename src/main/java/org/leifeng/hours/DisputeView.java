package org.leifeng.hours;

import java.time.Instant;

/** A volunteer's question about a record and, once resolved, the organiser's answer. */
public record DisputeView(long id, long recordId, long volunteerId, long organisationId, String comment,
        Instant openedAt, DisputeStatus status, String reply, Long correctionId, Instant resolvedAt) {

    static DisputeView of(HoursStore.Dispute dispute) {
        return new DisputeView(dispute.id(), dispute.entryId(), dispute.volunteerId(), dispute.organisationId(),
                dispute.comment(), dispute.openedAt(), dispute.status(), dispute.reply(), dispute.correctionId(),
                dispute.resolvedAt());
    }
}
