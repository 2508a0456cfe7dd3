package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The direct children of an organisation compared (API.md {@code /stats/ranking}), in the order asked for, with a row
 * for the organisation's own level ({@code ownLevel}, {@code organisationId} the organisation itself): the service it
 * organised and the volunteers registered with it directly. So the rows' hours, and their registered volunteers, add
 * up to the organisation's overview; active volunteers do not, as one may serve in several rows.
 */
public record Ranking(long organisationId, LocalDate from, LocalDate to, String by, List<Item> items) {

    public record Item(long organisationId, String name, BigDecimal serviceHours, long activeVolunteers, long volunteers,
            BigDecimal hoursPerVolunteer, boolean ownLevel) {
    }
}
