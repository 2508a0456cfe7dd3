package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Counted hours of one organiser, activity ({@code null}: none) and day, with the new records among them. */
public record DailyService(long organisationId, Long activityId, LocalDate day, BigDecimal hours, long participations) {
}
