package org.leifeng.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link BenchMain}: {@code --name value} pairs; every size has the value as default, so
 * a run without options is the full-size run, and a trial run names smaller ones.
 */
record BenchOptions(URI baseUrl, String dbHost, int dbPort, Path dataDir, String adminPassword,
        int volunteers, int capacity, int clients, int warmupVolunteers,
        int ceilingWarmupSeconds, int ceilingSeconds,
        int activities, int searchClients, int searchWarmupSeconds, int searchSeconds,
        int cityVolunteers, int cityActivities, int cityEntries, int dashboardClients, int dashboardWarmupSeconds,
        int dashboardSeconds,
        int checkins, int checkinWarmup, int certificateRecords, int certificateClients,
        int certificateWarmupSeconds, int certificateSeconds,
        List<String> scenarios, Path out, long seed, Path profileDir) {

    static final String USAGE = """
            BenchMain --data-dir <LEIFENG_DATA_DIR of the running app> --admin-password <password of admin> [options]
              --base-url URL              the running application (http://localhost:8391)
              --db-port N                 its embedded PostgreSQL, started with LEIFENG_DB_PORT=N (54391)
              --volunteers N              sign-up burst: distinct volunteers, each with a token (20000)
              --capacity N                sign-up burst: places of the one shift (1000)
              --clients N                 concurrent clients of ceiling and sign-up burst (64)
              --warmup-volunteers N       other volunteers who sign up first, in rounds until it levels off (10000)
              --ceiling-warmup S, --ceiling-seconds S       (60, 30)
              --activities N              activity search: activities seeded (100000)
              --search-clients N          concurrent clients of the search mix (8)
              --search-warmup S, --search-seconds S         (15, 30)
              --checkins N                check-in burst: CONFIRMED volunteers of the shift who check in (5000)
              --checkin-warmup N          volunteers per warm-up round of check-ins, in rounds until it levels off (10000)
              --certificate-records N     certificate: counted service records of the volunteer (500)
              --certificate-clients N     concurrent clients asking for the certificate (4)
              --certificate-warmup S, --certificate-seconds S (10, 30)
              --city-volunteers N         dashboard: the city data set's volunteers (1000000)
              --city-activities N         dashboard: its activities (100000)
              --city-entries N            dashboard: its ledger entries (10000000)
              --dashboard-clients N       concurrent clients of the dashboard mix (8)
              --dashboard-warmup S, --dashboard-seconds S   (15, 30)
              --scenarios a,b,...         which to run, in the registry's order (all)
              --out FILE                  the markdown of the results (bench/target/run/scenarios.md)
              --seed N                    random seed of the request mixes (42)
              --profile-dir DIR           write pg_stat_statements of each scenario's run there (needs the
                                          extension preloaded and created, as run-all.sh does with PROFILE=1)
            """;

    static BenchOptions parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs\n" + USAGE);
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i] + "\n" + USAGE);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        Options o = new Options(given);
        String adminPassword = o.text("admin-password", System.getenv("LEIFENG_ADMIN_PASSWORD"));
        String dataDir = o.text("data-dir", System.getenv("LEIFENG_DATA_DIR"));
        String profileDir = o.text("profile-dir", null);
        if (adminPassword == null || dataDir == null) {
            throw new IllegalArgumentException("--data-dir and --admin-password are required\n" + USAGE);
        }
        BenchOptions options = new BenchOptions(URI.create(o.text("base-url", "http://localhost:8391")),
                o.text("db-host", "localhost"), o.number("db-port", 54391), Path.of(dataDir), adminPassword,
                o.number("volunteers", 20_000), o.number("capacity", 1_000), o.number("clients", 64),
                // Warm-ups long enough for the JIT to finish with each path on two busy cores: after a short one the
                // measured burst and ceiling still climb while they run (bench/README.md, How it measures).
                o.number("warmup-volunteers", 10_000),
                o.number("ceiling-warmup", 60), o.number("ceiling-seconds", 30),
                o.number("activities", 100_000), o.number("search-clients", 8),
                o.number("search-warmup", 15), o.number("search-seconds", 30),
                o.number("city-volunteers", 1_000_000), o.number("city-activities", 100_000),
                o.number("city-entries", 10_000_000), o.number("dashboard-clients", 8),
                o.number("dashboard-warmup", 15), o.number("dashboard-seconds", 30),
                o.number("checkins", 5_000), o.number("checkin-warmup", 10_000),
                o.number("certificate-records", 500), o.number("certificate-clients", 4),
                o.number("certificate-warmup", 10), o.number("certificate-seconds", 30),
                Arrays.stream(o.text("scenarios", "all").split(",")).map(String::strip).toList(),
                Path.of(o.text("out", "bench/target/run/scenarios.md")), o.number("seed", 42),
                profileDir == null ? null : Path.of(profileDir));
        o.rejectUnknown();
        if (options.capacity() > options.volunteers()) {
            throw new IllegalArgumentException("--capacity must not exceed --volunteers");
        }
        return options;
    }

    boolean wants(String scenarioId) {
        return scenarios.contains("all") || scenarios.contains(scenarioId);
    }

    private static final class Options {
        private final Map<String, String> given;
        private final Map<String, String> unread;

        Options(Map<String, String> given) {
            this.given = given;
            this.unread = new HashMap<>(given);
        }

        String text(String name, String fallback) {
            unread.remove(name);
            return given.getOrDefault(name, fallback);
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
        }

        void rejectUnknown() {
            if (!unread.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + unread.keySet() + "\n" + USAGE);
            }
        }
    }
}
