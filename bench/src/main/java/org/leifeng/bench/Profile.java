package org.leifeng.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * With {@code --profile-dir}, what PostgreSQL spent each scenario's run on: pg_stat_statements is reset before the
 * run and its top statements by total time are written after it, to {@code pg_stat_statements-<scenario>.txt}.
 */
final class Profile {

    private static final String TOP = """
            SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                   rows, shared_blks_hit + shared_blks_read AS blocks,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 220) AS query
            FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC LIMIT 25""";

    private final Database database;
    private final Path file;

    private Profile(Database database, Path file) {
        this.database = database;
        this.file = file;
    }

    static Profile start(BenchContext context, Scenario scenario) throws SQLException {
        Path directory = context.options.profileDir();
        if (directory == null) {
            return new Profile(null, null);
        }
        context.database.query("SELECT pg_stat_statements_reset() IS NULL AS reset");
        return new Profile(context.database, directory.resolve("pg_stat_statements-" + scenario.id() + ".txt"));
    }

    void write() throws Exception {
        if (database == null) {
            return;
        }
        List<Map<String, Object>> rows = database.query(TOP);
        String text = "calls | total ms | mean ms | rows | blocks | query\n" + rows.stream()
                .map(row -> row.values().stream().map(String::valueOf).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n")) + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
