package org.leifeng.identity;

import java.time.OffsetDateTime;

/** One line of the audit log. {@code outcome} is the HTTP status the request was answered with. */
public record AuditEntry(long id, OffsetDateTime occurredAt, Long actorId, String actorName, String remoteAddress,
        String action, String entityType, String entityId, Long organisationId, Integer outcome, String detail) {
}
