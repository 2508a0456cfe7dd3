package org.leifeng.volunteer;

import java.time.OffsetDateTime;

/** That a volunteer registered with an organisation, and when: a fact for figures, nothing personal. */
public record VolunteerRegistration(long volunteerId, long organisationId, OffsetDateTime registeredAt) {
}
