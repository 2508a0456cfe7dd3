package org.leifeng.activity;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search totals, counted once per version of what they count (V21 tells what bumps {@code activity_search_version}).
 * A total is exact: it is used only while the version it was counted in is the current one, read from the database
 * on every search, so every node sees a change the moment it commits. Only the counting is saved.
 */
@Component
class ActivitySearchTotals {

    /** Distinct searches kept; a key is a few hundred bytes. Totals of earlier versions are never asked for again. */
    private static final int MOST_KEPT = 20_000;

    private final JdbcClient jdbc;
    private final Cache<Key, Long> totals = Caffeine.newBuilder().maximumSize(MOST_KEPT)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    ActivitySearchTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version searches are answered in now; read it before the page, so a change in between only counts anew. */
    long currentVersion() {
        return jdbc.sql("SELECT version FROM activity_search_version").query(Long.class).single();
    }

    /** {@code countSql}'s single number with these parameters, counted unless it was in this version. */
    long count(long version, String countSql, Map<String, Object> params) {
        return totals.get(new Key(version, countSql, comparable(countSql, params)),
                key -> jdbc.sql(countSql).params(params).query(Long.class).single());
    }

    /**
     * The parameters the count uses (not the page's limit and offset, so every page of a search shares its total),
     * arrays (organisations) compared by content, sorted so the order they were added in is moot.
     */
    private static Map<String, Object> comparable(String countSql, Map<String, Object> params) {
        Map<String, Object> used = new TreeMap<>();
        params.forEach((name, value) -> {
            if (countSql.contains(":" + name)) {
                used.put(name, value instanceof Object[] array ? Arrays.asList(array) : value);
            }
        });
        return used;
    }

    private record Key(long version, String sql, Map<String, Object> params) {
    }
}
