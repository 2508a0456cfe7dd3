package org.leifeng.organisation;

import java.time.OffsetDateTime;

/** A team someone belongs to, for other modules and for "my teams": {@code leader} when they lead it. */
public record TeamSummary(long teamId, long organisationId, String organisationName, String name, boolean active,
        boolean leader, OffsetDateTime joinedAt) {
}
