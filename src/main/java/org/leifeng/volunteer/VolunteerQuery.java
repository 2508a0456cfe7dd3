package org.leifeng.volunteer;

/**
 * What administrators search volunteers by: a name prefix, a volunteer number, a mobile number (matched exactly
 * through its blind index), a skill, a team. Blank criteria are dropped.
 */
public record VolunteerQuery(Long organisationId, String name, String volunteerNumber, String phone, String skill,
        Long teamId, boolean includeClosed) {

    public VolunteerQuery {
        name = blankToNull(name);
        volunteerNumber = blankToNull(volunteerNumber);
        phone = blankToNull(phone);
        skill = blankToNull(skill);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
