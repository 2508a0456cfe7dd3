package org.leifeng.attendance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** Where the phone says it is, and how sure it is (meters); all optional unless the activity has a geofence. */
public record Position(@DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("-180") @DecimalMax("180") Double lon,
        @PositiveOrZero @Max(100_000) Double accuracy) {

    static final Position NONE = new Position(null, null, null);

    boolean known() {
        return lat != null && lon != null;
    }

    /** Great-circle distance in meters (haversine on the Earth's mean radius). */
    double metersTo(double otherLat, double otherLon) {
        double dLat = Math.toRadians(otherLat - lat);
        double dLon = Math.toRadians(otherLon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(otherLat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
