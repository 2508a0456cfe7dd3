package org.leifeng.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The read models' rows of today (the days a request reads that {@link PastFigures} does not keep) for a whole scope,
 * read once per request in four queries and shared by every subtree it shows: the ranking's children, the trend's
 * current month.
 *
 * @param volunteers  per organisation, the volunteers with hours on each day (one may appear more than once)
 * @param services    per organisation, activity and category: hours and participations
 * @param registrations per organisation
 * @param people      people served per organisation
 */
record LiveRows(Map<Long, long[]> volunteers, List<Service> services, Map<Long, Long> registrations,
        Map<Long, Long> people) {

    static final LiveRows NONE = new LiveRows(Map.of(), List.of(), Map.of(), Map.of());

    record Service(long organisationId, long activityId, String category, BigDecimal hours, long participations) {
    }
}
