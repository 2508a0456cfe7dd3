package org.leifeng.activity;

import java.time.OffsetDateTime;
import java.util.List;

/** An activity as the API and pages show it, with its shifts. */
public record ActivityView(long id, String title, Category category, long organisationId, Long teamId,
        String description, NewActivity.Place place, Integer minAge, Integer maxAge, List<String> requiredSkills,
        boolean insuranceRequired, boolean teamOnly, OffsetDateTime recruitmentOpensAt,
        OffsetDateTime recruitmentClosesAt, Approval approval, boolean waitlist, NewActivity.Contact contact,
        ActivityStatus status, boolean backfilled, OffsetDateTime publishedAt, List<ShiftView> shifts) {
}
