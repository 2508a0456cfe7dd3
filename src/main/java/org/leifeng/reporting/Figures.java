package org.leifeng.reporting;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of a subtree and period (API.md {@code /stats/overview}). {@code volunteers}: registered with the
 * subtree's organisations by the end of the period; {@code activeVolunteers}: credited with service the subtree
 * organised in the period; {@code participations}: credited records (person-times); {@code peopleServed}: what
 * organisers recorded for the activities held in the period. The platform does not count service requests and their
 * ratings yet (the service requests module will): {@code requestsCompleted} and {@code averageRating} are null, and
 * answered as such rather than left out, so clients see the fields API.md promises.
 */
public record Figures(long volunteers, long newRegistrations, long activeVolunteers, long activities,
        long participations, BigDecimal serviceHours, BigDecimal averageHoursPerActiveVolunteer, long peopleServed,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long requestsCompleted,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal averageRating) {

    /** Figures without requests and ratings, which nothing counts yet. */
    static Figures withoutRequests(long volunteers, long newRegistrations, long activeVolunteers, long activities,
            long participations, BigDecimal serviceHours, BigDecimal averageHoursPerActiveVolunteer, long peopleServed) {
        return new Figures(volunteers, newRegistrations, activeVolunteers, activities, participations, serviceHours,
                averageHoursPerActiveVolunteer, peopleServed, null, null);
    }
}
