package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Counted hours of one volunteer for one organiser on one day. */
public record VolunteerDay(long organisationId, LocalDate day, long volunteerId, BigDecimal hours) {
}
