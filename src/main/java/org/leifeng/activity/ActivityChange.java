package org.leifeng.activity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The description of an activity as its organiser changes it; the organiser, team and shifts change elsewhere.
 * Sign-ups already made stay as they are: new rules apply to new sign-ups.
 */
public record ActivityChange(
        @NotBlank @Size(max = 200) String title,
        @NotNull Category category,
        @Size(max = 10_000) String description,
        @Valid NewActivity.Place place,
        @Min(0) @Max(120) Integer minAge,
        @Min(0) @Max(120) Integer maxAge,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> requiredSkills,
        Boolean insuranceRequired,
        OffsetDateTime recruitmentOpensAt,
        OffsetDateTime recruitmentClosesAt,
        @NotNull Approval approval,
        Boolean waitlist,
        @Valid NewActivity.Contact contact) {

    public ActivityChange {
        requiredSkills = requiredSkills == null ? List.of() : requiredSkills.stream().map(String::strip).distinct().toList();
        insuranceRequired = Boolean.TRUE.equals(insuranceRequired);
        waitlist = waitlist == null || waitlist;
        description = description == null ? "" : description;
    }

    /** The activity's changeable description as it stands, for merging a PATCH onto. */
    static ActivityChange of(ActivityView activity) {
        return new ActivityChange(activity.title(), activity.category(), activity.description(), activity.place(),
                activity.minAge(), activity.maxAge(), activity.requiredSkills(), activity.insuranceRequired(),
                activity.recruitmentOpensAt(), activity.recruitmentClosesAt(), activity.approval(), activity.waitlist(),
                activity.contact());
    }

    @AssertTrue(message = "{activity.validation.ages}")
    boolean isAgeRangeOrdered() {
        return ActivityRules.agesOrdered(minAge, maxAge);
    }

    @AssertTrue(message = "{activity.validation.window}")
    boolean isWindowOrdered() {
        return ActivityRules.windowOrdered(recruitmentOpensAt, recruitmentClosesAt);
    }
}
