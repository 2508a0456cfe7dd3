package org.leifeng.hours;

import java.math.BigDecimal;

/** A volunteer's total reached a new star level (1–5); published once per level reached, in the appending transaction. */
public record StarLevelReached(long volunteerId, int level, BigDecimal totalHours) {
}
