package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Month by month over the last twelve months: service hours and active volunteers. */
public record Trend(long organisationId, List<Point> months) {

    public record Point(LocalDate month, BigDecimal serviceHours, long activeVolunteers) {
    }
}
