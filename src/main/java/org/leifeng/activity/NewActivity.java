package org.leifeng.activity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An activity as an organiser describes it (API.md), with its first shifts. */
public record NewActivity(
        @NotBlank @Size(max = 200) String title,
        @NotNull Category category,
        @NotNull @Positive Long organisationId,
        @Positive Long teamId,
        @Size(max = 10_000) String description,
        @Valid Place place,
        @Min(0) @Max(120) Integer minAge,
        @Min(0) @Max(120) Integer maxAge,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> requiredSkills,
        Boolean insuranceRequired,
        Boolean teamOnly,
        OffsetDateTime recruitmentOpensAt,
        OffsetDateTime recruitmentClosesAt,
        @NotNull Approval approval,
        Boolean waitlist,
        @Valid Contact contact,
        @Size(max = 500) List<@Valid @NotNull NewShift> shifts) {

    public NewActivity {
        requiredSkills = requiredSkills == null ? List.of() : requiredSkills.stream().map(String::strip).distinct().toList();
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        insuranceRequired = Boolean.TRUE.equals(insuranceRequired);
        teamOnly = Boolean.TRUE.equals(teamOnly);
        waitlist = waitlist == null || waitlist;
        description = description == null ? "" : description;
    }

    @AssertTrue(message = "{activity.validation.ages}")
    boolean isAgeRangeOrdered() {
        return ActivityRules.agesOrdered(minAge, maxAge);
    }

    @AssertTrue(message = "{activity.validation.window}")
    boolean isWindowOrdered() {
        return ActivityRules.windowOrdered(recruitmentOpensAt, recruitmentClosesAt);
    }

    @AssertTrue(message = "{activity.validation.teamOnly}")
    boolean isTeamOnlyWithTeam() {
        return !teamOnly || teamId != null;
    }

    /** Where it happens; the geofence of check-in is {@code radiusMeters} around the point. */
    public record Place(@Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Min(10) @Max(100_000) Integer radiusMeters) {

        @AssertTrue(message = "{activity.validation.point}")
        boolean isPointComplete() {
            return (lat == null) == (lon == null);
        }
    }

    public record Contact(@Size(max = 50) String name, @Size(max = 20) String phone) {
    }
}
