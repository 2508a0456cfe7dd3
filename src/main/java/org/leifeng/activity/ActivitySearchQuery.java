package org.leifeng.activity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.Problem;

/**
 * What someone looks for among published activities; every filter is optional. {@code from}/{@code to} keep the
 * activities with a shift overlapping the range; {@code lat}/{@code lon} order by distance from the point, and
 * {@code withinMeters} (with a point only) drops those farther away.
 */
public record ActivitySearchQuery(Long organisationId, Category category, OffsetDateTime from, OffsetDateTime to,
        String q, Double lat, Double lon, Integer withinMeters, boolean hasFreePlaces) {

    public static final int MAX_TEXT = 100;
    public static final int MAX_WITHIN_METERS = 200_000;

    public ActivitySearchQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (organisationId != null && organisationId < 1) {
            errors.add(new Problem.FieldError("organisationId", "must be positive"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        if (q != null && q.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("q", "at most " + MAX_TEXT + " characters"));
        }
        if ((lat == null) != (lon == null)) {
            errors.add(new Problem.FieldError(lat == null ? "lat" : "lon", "lat and lon go together"));
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            errors.add(new Problem.FieldError("lat", "must be between -90 and 90"));
        }
        if (lon != null && !(lon >= -180 && lon <= 180)) {
            errors.add(new Problem.FieldError("lon", "must be between -180 and 180"));
        }
        if (withinMeters != null && (lat == null || withinMeters < 1 || withinMeters > MAX_WITHIN_METERS)) {
            errors.add(new Problem.FieldError("withinMeters", "needs lat and lon; 1 to " + MAX_WITHIN_METERS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    boolean near() {
        return lat != null;
    }
}
