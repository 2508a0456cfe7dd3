package org.leifeng.volunteer;

import java.time.LocalDate;
import java.util.Set;

/** What other modules need to decide whether a volunteer may take part: no documents, no phone numbers. */
public record VolunteerFacts(long id, long accountId, long organisationId, LocalDate birthDate, Set<String> skills,
        LocalDate insuredUntil, boolean active) {

    public int ageOn(LocalDate day) {
        return Volunteers.ageOn(birthDate, day);
    }

    public boolean insuredOn(LocalDate day) {
        return insuredUntil != null && !insuredUntil.isBefore(day);
    }
}
