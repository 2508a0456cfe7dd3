package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The figures of a period ({@code from} to {@code to}, both days included), the previous period of the same length,
 * hours by category, and how many of the subtree's volunteers have each star level (now, not for the period).
 */
public record Overview(long organisationId, String organisationName, LocalDate from, LocalDate to,
        @JsonUnwrapped Figures figures, Figures previous, Map<String, BigDecimal> hoursByCategory,
        Map<Integer, Long> starLevels) {
}
