package org.leifeng.hours;

import java.math.BigDecimal;
import java.util.List;

/** A volunteer's hours (API.md {@code GET /volunteers/{id}/hours}): total, star level, the next level's hours. */
public record VolunteerHours(long volunteerId, BigDecimal totalHours, int starLevel, BigDecimal nextLevelAt,
        List<ServiceRecordView> records, List<DisputeView> disputes) {
}
