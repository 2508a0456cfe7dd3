package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The direct children of an organisation compared (API.md {@code /stats/ranking}), in the order asked for. */
public record Ranking(long organisationId, LocalDate from, LocalDate to, String by, List<Item> items) {

    public record Item(long organisationId, String name, BigDecimal serviceHours, long activeVolunteers, long volunteers,
            BigDecimal hoursPerVolunteer) {
    }
}
