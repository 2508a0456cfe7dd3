package org.leifeng.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Activities for the search scenario, in two INSERT ... SELECT statements (adapted from
 * {@code bench/activity-search/seed.sql}, which measured the same data at the SQL level): every node below the root
 * organises some; categories evenly; half COMPLETED with one to three shifts in the past year, half PUBLISHED with
 * one to three shifts in the coming year; points inside Kaifeng; 13 Chinese/English title phrases, so a text query
 * hits a few percent of rows. Coordinates come from {@code random()} after a fixed {@code setseed}, so every run
 * seeds the same city.
 */
final class ActivitySeeder {

    static final String ADDRESS_PREFIX = "开封市基准测试地址";
    /** The phrases of titles and descriptions: Chinese, and the English words in the descriptions. */
    static final String[][] PHRASES = {{"社区环境整治", "community clean-up"}, {"关爱空巢老人", "elderly care visit"},
            {"文明交通劝导", "traffic civility"}, {"义诊进社区", "free clinic"}, {"垃圾分类宣传", "waste sorting"},
            {"留守儿童陪伴", "children reading"}, {"古城文化讲解", "heritage guide"}, {"应急救护培训", "first aid training"},
            {"植树护绿", "tree planting"}, {"理论宣讲", "outreach talk"}, {"菊花文化节服务", "chrysanthemum festival"},
            {"便民服务", "neighbourhood help"}, {"防汛巡查", "flood patrol"}};

    private ActivitySeeder() {
    }

    /**
     * Temporary tables of the transaction that seeders join with generate_series: {@code bench_org} (n from 0, id)
     * of every organisation below the root, and {@code bench_word} (n, zh, en) of the title {@link #PHRASES}.
     */
    static void stageOrganisationsAndPhrases(Statement sql) throws SQLException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < PHRASES.length; i++) {
            words.append(i == 0 ? "" : ", ").append("(").append(i).append(", '").append(PHRASES[i][0]).append("', '")
                    .append(PHRASES[i][1]).append("')");
        }
        sql.execute("""
                CREATE TEMP TABLE bench_org ON COMMIT DROP AS
                    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM organisation
                    WHERE active AND parent_id IS NOT NULL""");
        sql.execute("CREATE TEMP TABLE bench_word (n INT, zh TEXT, en TEXT) ON COMMIT DROP");
        sql.execute("INSERT INTO bench_word VALUES " + words);
    }

    static void seed(Database database, int count) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SELECT setseed(0.42)");
            stageOrganisationsAndPhrases(sql);
            // The listing triggers would refresh each activity once for itself and once per shift at commit, each a
            // query planned on statistics from before the load (a scan of every shift per call, once: 11 minutes
            // and counting). In bulk they are left out (replica role) and every listing is refreshed once, after
            // ANALYZE, below.
            sql.execute("SET LOCAL session_replication_role = replica");
            sql.execute("""
                    INSERT INTO activity (organisation_id, title, category, description, address, latitude, longitude,
                                          radius_meters, approval, status, backfilled, published_at)
                    SELECT o.id,
                           w.zh || ' 第' || g || '期',
                           (ARRAY['CIVILITY','ELDERLY','CHILDREN','ENVIRONMENT','TRAFFIC','COMMUNITY','CULTURE','HEALTH',
                                  'EMERGENCY','EVENTS','EDUCATION','OTHER'])[1 + g %% 12],
                           '开封市志愿服务活动。' || w.en || ' volunteering, session ' || g,
                           '%s' || g,
                           34.6 + random() * 0.3, 114.2 + random() * 0.5, 300,
                           CASE WHEN g %% 10 = 0 THEN 'MANUAL' ELSE 'AUTO' END,
                           CASE WHEN g %% 2 = 0 THEN 'COMPLETED' ELSE 'PUBLISHED' END,
                           g %% 2 = 0, now()
                    FROM generate_series(1, %d) g
                    JOIN bench_org o ON o.n = g %% (SELECT count(*) FROM bench_org)
                    JOIN bench_word w ON w.n = g %% 13""".formatted(ADDRESS_PREFIX, count));
            sql.execute("""
                    INSERT INTO shift (activity_id, starts_at, ends_at, capacity, confirmed)
                    SELECT a.id, t.starts, t.starts + interval '3 hours', 20,
                           CASE WHEN a.id %% 4 = 1 THEN 20 ELSE a.id %% 15 END
                    FROM activity a
                    CROSS JOIN LATERAL generate_series(0, (a.id %% 3)::int) k
                    CROSS JOIN LATERAL (SELECT date_trunc('hour', now())
                            + (CASE WHEN a.status = 'COMPLETED' THEN -1 ELSE 1 END) * ((a.id * 7919 %% 360 + 1) * interval '1 day')
                            + k * interval '7 days' + (a.id %% 10) * interval '1 hour' AS starts) t
                    WHERE a.address LIKE '%s%%'
                      AND (a.status = 'PUBLISHED' OR t.starts + interval '3 hours' < now())""".formatted(ADDRESS_PREFIX));
            sql.execute("ANALYZE activity");
            sql.execute("ANALYZE shift");
            sql.execute("SELECT refresh_activity_listing(id) FROM activity WHERE address LIKE '" + ADDRESS_PREFIX + "%'");
            connection.commit();
            connection.setAutoCommit(true);
            // What autovacuum would have done long before in a city's database, done now rather than at some moment
            // of the measurement: statistics (without them the planner takes the new rows for none), and the
            // visibility map and hint bits of the bulk-inserted pages (without them an index-only count visits every
            // row, and the first searches dirty every page they read). Otherwise the search's p95 depends on when
            // autovacuum comes round (bench/README.md, Seeding).
            sql.execute("VACUUM (ANALYZE) activity, shift, organisation, activity_listing");
        }
    }
}
