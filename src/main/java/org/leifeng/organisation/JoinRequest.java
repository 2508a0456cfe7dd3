package org.leifeng.organisation;

import java.time.OffsetDateTime;

/** An account's request to join a team, and how it was decided. */
public record JoinRequest(long id, long teamId, long accountId, String message, JoinRequestStatus status,
        Long decidedBy, OffsetDateTime decidedAt, String reason, OffsetDateTime createdAt) {
}
