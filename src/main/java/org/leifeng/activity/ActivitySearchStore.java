package org.leifeng.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for finding published activities. Three statements, each with an index to walk (V7, V9, V20;
 * bench/activity-search shows the plans): the page's ids in order, the total, then the page's rows. Only the
 * filters asked for become conditions, so each combination gets a plan of its own.
 * <ul>
 * <li>Without words or a point, {@code activity_listing} alone answers: it carries the category and organiser too,
 * so no filter has to probe {@code activity} row by row while walking the order (V20 tells why that is slow).</li>
 * <li>Order: the next shift first, from {@code activity_listing} (kept current by triggers at commit), then those
 * held, most recent first; with a point, nearest first through a KNN scan of {@code ll_to_earth} points, and then
 * only activities that have a place are listed.</li>
 * <li>Text: a CJK run is found where it occurs as written; every other word must be a word of the title or
 * description, in any order ({@code activity_search_query} in V9).</li>
 * </ul>
 */
@Repository
class ActivitySearchStore {

    private static final double METERS_PER_DEGREE = 111_320;
    /** Haversine on a sphere of the Earth's mean radius: exact enough for the distance shown in one city. */
    private static final String DISTANCE = """
            2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - :lat) / 2), 2)
                + cos(radians(:lat)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - :lon) / 2), 2)))""";
    private static final String LISTED = "a.status IN ('PUBLISHED', 'COMPLETED')";

    private final JdbcClient jdbc;
    private final ActivitySearchTotals totals;

    ActivitySearchStore(JdbcClient jdbc, ActivitySearchTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** {@code organisationIds}: the subtree to stay in, or null for the whole city. */
    PageResult<ActivitySummary> find(ActivitySearchQuery query, Collection<Long> organisationIds, OffsetDateTime now,
            PageRequest page) {
        long version = totals.currentVersion();
        Map<String, Object> params = new HashMap<>();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        if (!query.near() && query.q() == null) {
            return listingOnly(query, organisationIds, now, page, params, version);
        }
        List<String> where = conditions(query, organisationIds, params);
        String join = query.hasFreePlaces() || !query.near()
                ? " JOIN activity_listing l ON l.activity_id = a.id AND l.listed" : "";
        String order = query.near()
                ? "ll_to_earth(a.latitude, a.longitude) <-> ll_to_earth(:lat, :lon), a.id DESC"
                : "l.next_shift_at ASC NULLS LAST, l.activity_id DESC";
        List<Long> ids = jdbc.sql("SELECT a.id FROM activity a" + join + "\nWHERE " + and(where, within(query, true))
                + "\nORDER BY " + order + "\nLIMIT :limit OFFSET :offset").params(params).query(Long.class).list();
        long total = total(query, organisationIds, where, join, params, version);
        return new PageResult<>(rows(ids, query, now), page.page(), page.size(), total);
    }

    /**
     * Near a point without a radius or words, every listed activity with a place counts: the narrow listing counts
     * them. Otherwise activity does, and needs the listing only to know about free places ("listed" is the
     * activity's own status).
     */
    private long total(ActivitySearchQuery query, Collection<Long> organisationIds, List<String> where, String join,
            Map<String, Object> params, long version) {
        if (query.q() == null && query.withinMeters() == null) {
            Map<String, Object> listingParams = new HashMap<>();
            List<String> listing = listingConditions(query, organisationIds, listingParams);
            listing.add("l.located");
            return totals.count(version, "SELECT count(*) FROM activity_listing l\nWHERE "
                    + String.join("\n  AND ", listing), listingParams);
        }
        String countJoin = query.hasFreePlaces() ? join : "";
        return totals.count(version, "SELECT count(*) FROM activity a" + countJoin + "\nWHERE "
                + and(where, within(query, false)), params);
    }

    /**
     * "Within so many meters": a box for an index, then the exact distance. The page walks the KNN index, so its box
     * is earthdistance's cube around the point (the same index); the count reads the (latitude, longitude) index
     * without visiting rows, so its box is in degrees. Both boxes hold the whole circle.
     */
    private static String within(ActivitySearchQuery query, boolean forPage) {
        if (query.withinMeters() == null) {
            return null;
        }
        String box = forPage ? "earth_box(ll_to_earth(:lat, :lon), :within) @> ll_to_earth(a.latitude, a.longitude)"
                : "a.latitude BETWEEN :minLat AND :maxLat AND a.longitude BETWEEN :minLon AND :maxLon";
        return box + " AND " + DISTANCE + " <= :within";
    }

    private static String and(List<String> conditions, String more) {
        List<String> all = new ArrayList<>(conditions);
        if (more != null) {
            all.add(more);
        }
        return String.join("\n  AND ", all);
    }

    /**
     * Neither words nor a point: the listing alone filters, orders and counts, through its indexes (per category,
     * per organiser, or the whole order; the dates through the shifts in the range).
     */
    private PageResult<ActivitySummary> listingOnly(ActivitySearchQuery query, Collection<Long> organisationIds,
            OffsetDateTime now, PageRequest page, Map<String, Object> params, long version) {
        String conditions = String.join("\n  AND ", listingConditions(query, organisationIds, params));
        List<Long> ids = jdbc.sql("SELECT l.activity_id FROM activity_listing l\nWHERE " + conditions
                + "\nORDER BY l.next_shift_at ASC NULLS LAST, l.activity_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(Long.class).list();
        long total = totals.count(version, "SELECT count(*) FROM activity_listing l\nWHERE " + conditions, params);
        return new PageResult<>(rows(ids, query, now), page.page(), page.size(), total);
    }

    /** The filters other than words and a point, on the listing's own columns; {@code params} receives their values. */
    private static List<String> listingConditions(ActivitySearchQuery query, Collection<Long> organisationIds,
            Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of("l.listed"));
        if (organisationIds != null) {
            where.add("l.organisation_id = ANY(:organisations)");
            params.put("organisations", organisationIds.toArray(Long[]::new));
        }
        if (query.category() != null) {
            where.add("l.category = :category");
            params.put("category", query.category().name());
        }
        if (query.from() != null || query.to() != null) {
            where.add(overlapping("l.activity_id", query, params));
        }
        if (query.hasFreePlaces()) {
            where.add("l.has_free_places");
        }
        return where;
    }

    /** The WHERE conditions; {@code params} receives their values. */
    private List<String> conditions(ActivitySearchQuery query, Collection<Long> organisationIds,
            Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of(LISTED));
        if (organisationIds != null) {
            where.add("a.organisation_id = ANY(:organisations)");
            params.put("organisations", organisationIds.toArray(Long[]::new));
        }
        if (query.category() != null) {
            where.add("a.category = :category");
            params.put("category", query.category().name());
        }
        if (query.from() != null || query.to() != null) {
            where.add(overlapping("a.id", query, params));
        }
        if (query.q() != null) {
            // Text without a letter or CJK character (say "!!") has no terms: a substring match decides, unindexed.
            String terms = jdbc.sql("SELECT coalesce(activity_search_query(:q)::text, '')").param("q", query.q())
                    .query(String.class).single();
            if (terms.isEmpty()) {
                where.add("(a.title ILIKE :q OR a.description ILIKE :q)");
                params.put("q", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                where.add("a.search_terms @@ :terms::tsquery");
                params.put("terms", terms);
            }
        }
        if (query.near()) {
            where.add("a.latitude IS NOT NULL AND a.longitude IS NOT NULL");
            params.put("lat", query.lat());
            params.put("lon", query.lon());
            if (query.withinMeters() != null) {
                double dLat = query.withinMeters() / METERS_PER_DEGREE;
                double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(query.lat())));
                params.putAll(Map.of("minLat", query.lat() - dLat, "maxLat", query.lat() + dLat,
                        "minLon", query.lon() - dLon, "maxLon", query.lon() + dLon, "within", query.withinMeters()));
            }
        }
        if (query.hasFreePlaces()) {
            where.add("l.has_free_places");
        }
        return where;
    }

    /**
     * A shift of the activity, not cancelled, overlaps [from, to); it lasts at most a day, which bounds the scan.
     * The shifts in the range are found first and their activities looked up by id: as a correlated EXISTS the
     * planner walked the listing's order and probed the shifts of each activity, expecting matches spread evenly,
     * while they all sit where the range is (a range in the past: behind every activity still to come, 50,000 probes).
     */
    private static String overlapping(String activityId, ActivitySearchQuery query, Map<String, Object> params) {
        List<String> shift = new ArrayList<>(List.of("s.status = 'OPEN'"));
        if (query.from() != null) {
            shift.add("s.starts_at > :fromLessADay AND s.ends_at > :from");
            params.put("from", query.from());
            params.put("fromLessADay", query.from().minus(Duration.ofHours(24)));
        }
        if (query.to() != null) {
            shift.add("s.starts_at < :to");
            params.put("to", query.to());
        }
        return activityId + " = ANY(ARRAY(SELECT s.activity_id FROM shift s WHERE " + String.join(" AND ", shift) + "))";
    }

    /** The page's rows in the page's order, with their next shift and free places as of now. */
    private List<ActivitySummary> rows(List<Long> ids, ActivitySearchQuery query, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids.toArray(Long[]::new), "now", now));
        String distance = "NULL::float8";
        if (query.near()) {
            distance = DISTANCE;
            params.put("lat", query.lat());
            params.put("lon", query.lon());
        }
        Map<Long, Row> byId = jdbc.sql("""
                SELECT a.id, a.title, a.category, a.organisation_id, a.address, a.latitude, a.longitude,
                    u.next_shift_at, coalesce(u.free_places, 0) AS free_places, round(%s) AS distance
                FROM activity a
                LEFT JOIN LATERAL (SELECT min(s.starts_at) AS next_shift_at,
                        sum(s.capacity - s.confirmed - s.pending) AS free_places
                    FROM shift s WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > :now) u ON TRUE
                WHERE a.id = ANY(:ids)""".formatted(distance)).params(params).query(ActivitySearchStore::row).list()
                .stream().collect(Collectors.toMap(Row::id, Function.identity()));
        return ids.stream().map(byId::get).map(Row::summaryWithoutName).toList();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        Double distance = rs.getObject("distance", Double.class);
        return new Row(rs.getLong("id"), new ActivitySummary(rs.getLong("id"), rs.getString("title"),
                Category.valueOf(rs.getString("category")), rs.getLong("organisation_id"), null,
                rs.getString("address"), rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                rs.getObject("next_shift_at", OffsetDateTime.class), rs.getLong("free_places"),
                distance == null ? null : Math.round(distance)));
    }

    private record Row(long id, ActivitySummary summaryWithoutName) {
    }
}
