package org.leifeng.organisation;

import java.time.OffsetDateTime;

/** One membership: live while {@code leftAt} is null; a closed one says who ended it and why. */
public record TeamMember(long membershipId, long accountId, boolean leader, OffsetDateTime joinedAt,
        OffsetDateTime leftAt, Long endedBy, MembershipEnd endReason, String endNote) {
}
