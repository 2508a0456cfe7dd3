package org.leifeng.volunteer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** A volunteer as every response and page shows them: documents and phones masked. */
public record VolunteerProfile(long id, long accountId, String volunteerNumber, String name, IdType idType,
        String idNumberMasked, String phoneMasked, LocalDate birthDate, Sex sex, long organisationId,
        VolunteerStatus status,
        List<Skill> skills, List<String> tags, List<Long> serviceAreaIds, List<Availability> availability,
        EmergencyContact emergencyContact, GuardianView guardian, String consentVersion, OffsetDateTime consentedAt,
        OffsetDateTime registeredAt) {

    public record Skill(String code, String nameZh, String nameEn) {
    }

    /** A weekly window when the volunteer can serve, e.g. SATURDAY 09:00–12:00. */
    public record Availability(DayOfWeek day, LocalTime from, LocalTime to) {
    }

    public record EmergencyContact(String name, String phoneMasked, String relation) {
    }

    public record GuardianView(String name, String idNumberMasked, String phoneMasked, String relation,
            OffsetDateTime consentedAt) {
    }
}
