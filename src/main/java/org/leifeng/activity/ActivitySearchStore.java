package org.leifeng.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for finding published activities. Only the filters asked for become conditions, so each combination gets a
 * plan of its own (bench/activity-search/explain.sql shows them). The page is chosen first from the sort keys
 * alone; names, places and counts are read for the page's rows only.
 */
@Repository
class ActivitySearchStore {

    private static final double METERS_PER_DEGREE = 111_320;
    /** Haversine on a sphere of the Earth's mean radius: exact enough to order places in one city. */
    private static final String DISTANCE = """
            2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - :lat) / 2), 2)
                + cos(radians(:lat)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - :lon) / 2), 2)))""";
    /** The next open shift and the free places of the open shifts still to come. */
    private static final String UPCOMING = """
            LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
                    sum(s.capacity - s.confirmed - s.pending) AS free_places
                FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > :now) u ON TRUE""";

    private final JdbcClient jdbc;

    ActivitySearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code path}: the organisation subtree to stay in, or null for the whole city. */
    PageResult<ActivitySummary> find(ActivitySearchQuery query, String path, OffsetDateTime now, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", now);
        List<String> where = new ArrayList<>(List.of("a.status IN ('PUBLISHED', 'COMPLETED')"));
        String join = "";
        if (path != null) {
            join += " JOIN organisation o ON o.id = a.organisation_id";
            where.add("o.path LIKE :path");
            params.put("path", path + "%");
        }
        if (query.category() != null) {
            where.add("a.category = :category");
            params.put("category", query.category().name());
        }
        if (query.from() != null || query.to() != null) {
            where.add(overlapping(query, params));
        }
        if (query.q() != null) {
            where.add("(a.title ILIKE :q OR a.description ILIKE :q)");
            params.put("q", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.near()) {
            params.put("lat", query.lat());
            params.put("lon", query.lon());
            if (query.withinMeters() != null) {
                double dLat = query.withinMeters() / METERS_PER_DEGREE;
                double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(query.lat())));
                where.add("a.latitude BETWEEN :minLat AND :maxLat AND a.longitude BETWEEN :minLon AND :maxLon");
                where.add(DISTANCE + " <= :within");
                params.putAll(Map.of("minLat", query.lat() - dLat, "maxLat", query.lat() + dLat,
                        "minLon", query.lon() - dLon, "maxLon", query.lon() + dLon, "within", query.withinMeters()));
            }
        }
        boolean upcoming = query.hasFreePlaces() || !query.near();
        if (query.hasFreePlaces()) {
            where.add("u.free_places > 0");
        }
        // The distance orders by itself; otherwise the next shift first, then the most recent of those held.
        String keys = query.near() ? DISTANCE + " AS k1, NULL::timestamptz AS k2" : "NULL::float8 AS k1, u.next_shift_at AS k2";
        String sql = """
                WITH hit AS (
                    SELECT a.id, %s, count(*) OVER () AS total
                    FROM activity a%s%s
                    WHERE %s
                    ORDER BY k1 NULLS LAST, k2 NULLS LAST, a.id DESC
                    LIMIT :limit OFFSET :offset)
                SELECT a.id, a.title, a.category, a.organisation_id, org.name AS organisation_name, a.address,
                    a.latitude, a.longitude, u.next_shift_at, coalesce(u.free_places, 0) AS free_places,
                    round(h.k1) AS distance, h.total
                FROM hit h JOIN activity a ON a.id = h.id JOIN organisation org ON org.id = a.organisation_id
                %s
                ORDER BY h.k1 NULLS LAST, h.k2 NULLS LAST, a.id DESC"""
                .formatted(keys, join, upcoming ? "\n" + UPCOMING : "", String.join("\n  AND ", where), UPCOMING);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Row> rows = jdbc.sql(sql).params(params).query(ActivitySearchStore::row).list();
        long total = rows.isEmpty() ? count(sql, params, page) : rows.get(0).total();
        return new PageResult<>(rows.stream().map(Row::summary).toList(), page.page(), page.size(), total);
    }

    /** A shift of the activity, not cancelled, overlaps [from, to); it lasts at most a day, which bounds the scan. */
    private static String overlapping(ActivitySearchQuery query, Map<String, Object> params) {
        List<String> shift = new ArrayList<>(List.of("s.activity_id = a.id", "s.status = 'OPEN'"));
        if (query.from() != null) {
            shift.add("s.starts_at > :fromLessADay AND s.ends_at > :from");
            params.put("from", query.from());
            params.put("fromLessADay", query.from().minus(Duration.ofHours(24)));
        }
        if (query.to() != null) {
            shift.add("s.starts_at < :to");
            params.put("to", query.to());
        }
        return "EXISTS (SELECT 1 FROM shift s WHERE " + String.join(" AND ", shift) + ")";
    }

    /** A page past the end has no rows to carry the total: count once more from the first page. */
    private long count(String sql, Map<String, Object> params, PageRequest page) {
        if (page.page() == 0) {
            return 0;
        }
        Map<String, Object> first = new HashMap<>(params);
        first.put("offset", 0);
        first.put("limit", 1);
        return jdbc.sql(sql).params(first).query(ActivitySearchStore::row).optional().map(Row::total).orElse(0L);
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        Double distance = rs.getObject("distance", Double.class);
        return new Row(new ActivitySummary(rs.getLong("id"), rs.getString("title"), Category.valueOf(rs.getString("category")),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("address"),
                rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                rs.getObject("next_shift_at", OffsetDateTime.class), rs.getLong("free_places"),
                distance == null ? null : Math.round(distance)), rs.getLong("total"));
    }

    private record Row(ActivitySummary summary, long total) {
    }
}
