package org.leifeng.activity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.leifeng.volunteer.VolunteerFacts;

/**
 * Who may take part in a shift (DOMAIN.md): old enough and young enough on the shift's day, with the skills asked
 * for, in the team when the activity is for its members only, insured when the activity requires it. All reasons
 * are given at once, so a volunteer learns everything that stands in the way.
 */
final class Eligibility {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private Eligibility() {
    }

    static List<IneligibilityReason> reasonsAgainst(ActivityView activity, ShiftView shift, VolunteerFacts volunteer,
            boolean teamMember) {
        List<IneligibilityReason> reasons = new ArrayList<>();
        if (!volunteer.active()) {
            reasons.add(IneligibilityReason.VOLUNTEER_CLOSED);
            return reasons;
        }
        LocalDate day = shift.startsAt().atZoneSameInstant(CITY_ZONE).toLocalDate();
        if (volunteer.birthDate() != null) {
            int age = volunteer.ageOn(day);
            if (activity.minAge() != null && age < activity.minAge()) {
                reasons.add(IneligibilityReason.TOO_YOUNG);
            }
            if (activity.maxAge() != null && age > activity.maxAge()) {
                reasons.add(IneligibilityReason.TOO_OLD);
            }
        }
        if (!volunteer.skills().containsAll(activity.requiredSkills())) {
            reasons.add(IneligibilityReason.MISSING_SKILLS);
        }
        if (activity.teamOnly() && !teamMember) {
            reasons.add(IneligibilityReason.NOT_IN_TEAM);
        }
        if (activity.insuranceRequired() && !volunteer.insuredOn(day)) {
            reasons.add(IneligibilityReason.NOT_INSURED);
        }
        return reasons;
    }
}
