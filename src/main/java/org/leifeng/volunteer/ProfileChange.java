package org.leifeng.volunteer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.leifeng.platform.Masking;
import org.leifeng.volunteer.VolunteerProfile.Availability;

/** What a volunteer (or an administrator over them) may change: the real-name data is fixed at registration. */
public record ProfileChange(
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> tags,
        @Size(max = 20) List<@NotNull @Positive Long> serviceAreaIds,
        @Size(max = 21) List<@Valid @NotNull Availability> availability,
        @Valid EmergencyContact emergencyContact) {

    public ProfileChange {
        skills = skills == null ? List.of() : skills.stream().map(String::strip).map(Volunteers::upper).distinct().toList();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
        serviceAreaIds = serviceAreaIds == null ? List.of() : serviceAreaIds.stream().distinct().toList();
        availability = availability == null ? List.of() : List.copyOf(availability);
    }

    /**
     * The profile's changeable parts as they stand, for merging a PATCH onto; without the emergency contact, whose
     * phone is only held masked (a PATCH replaces the contact whole or leaves it).
     */
    static ProfileChange of(VolunteerProfile profile) {
        return new ProfileChange(profile.skills().stream().map(VolunteerProfile.Skill::code).toList(), profile.tags(),
                profile.serviceAreaIds(), profile.availability(), null);
    }

    @AssertTrue(message = "{volunteer.validation.availability}")
    boolean isAvailabilityOrdered() {
        return availability.stream().allMatch(window -> window.day() != null && window.from() != null
                && window.to() != null && window.from().isBefore(window.to()));
    }

    public record EmergencyContact(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 20) String phone,
            @NotBlank @Size(max = 30) String relation) {

        @Override
        public String toString() {
            return "EmergencyContact[" + name + ", " + Masking.phone(phone) + ", " + relation + "]";
        }
    }
}
