package org.leifeng.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A line of the volunteer list: masked, as everywhere. */
public record VolunteerSummary(long id, long accountId, String volunteerNumber, String name, IdType idType,
        String idNumberMasked, String phoneMasked, LocalDate birthDate, Sex sex, long organisationId,
        VolunteerStatus status, OffsetDateTime registeredAt) {
}
