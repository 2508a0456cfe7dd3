package org.leifeng.activity;

import java.time.OffsetDateTime;

/**
 * A published activity in a list. {@code nextShiftAt} is the start of its next open shift (none once all are past),
 * {@code freePlaces} the free places of its open future shifts, {@code distanceMeters} only when a point was given.
 */
public record ActivitySummary(long id, String title, Category category, long organisationId, String organisationName,
        String address, Double lat, Double lon, OffsetDateTime nextShiftAt, long freePlaces, Long distanceMeters) {

    ActivitySummary withOrganisationName(String name) {
        return new ActivitySummary(id, title, category, organisationId, name, address, lat, lon, nextShiftAt, freePlaces,
                distanceMeters);
    }
}
