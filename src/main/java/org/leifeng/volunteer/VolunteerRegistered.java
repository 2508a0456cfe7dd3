package org.leifeng.volunteer;

import java.time.OffsetDateTime;

/**
 * A volunteer has registered; published in the registering transaction. {@code registeredAt} is the stored registration
 * time, so a listener that runs late (or after a restart) still counts the registration on its own day.
 */
public record VolunteerRegistered(long volunteerId, long accountId, long organisationId, OffsetDateTime registeredAt) {
}
