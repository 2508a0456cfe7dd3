package org.leifeng.reporting;

import java.math.BigDecimal;

/**
 * The figures of a subtree and period (API.md {@code /stats/overview}). {@code volunteers}: registered with the
 * subtree's organisations by the end of the period; {@code activeVolunteers}: credited with service the subtree
 * organised in the period; {@code participations}: credited records (person-times); {@code peopleServed}: what
 * organisers recorded for the activities held in the period. Requests and ratings come with the service requests
 * module and are zero until then.
 */
public record Figures(long volunteers, long newRegistrations, long activeVolunteers, long activities,
        long participations, BigDecimal serviceHours, BigDecimal averageHoursPerActiveVolunteer, long peopleServed,
        long requestsCompleted, BigDecimal averageRating) {
}
