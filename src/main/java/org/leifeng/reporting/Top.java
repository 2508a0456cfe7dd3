package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The activities and teams of a subtree with the most service hours in a period. */
public record Top(long organisationId, LocalDate from, LocalDate to, List<Item> activities, List<Item> teams) {

    public record Item(long id, String name, BigDecimal serviceHours, long participations) {
    }
}
