package org.leifeng.volunteer;

/** A volunteer has registered; published in the registering transaction. */
public record VolunteerRegistered(long volunteerId, long accountId, long organisationId) {
}
