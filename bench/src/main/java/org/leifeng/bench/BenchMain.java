package org.leifeng.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Runs the benchmark scenarios against a running Leifeng (see bench/README.md; bench/run-all.sh starts a fresh one
 * and calls this): seeds the city and the volunteers in bulk, runs every scenario asked for in order, and writes
 * the results as markdown. Exit status 0 only when every scenario run met its target; 3 otherwise (a scenario
 * missed, failed or is not yet available); 2 on bad options.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Database database = new Database(options.dbHost(), options.dbPort());
        int connections = Math.max(Math.max(options.clients(), options.searchClients()), options.certificateClients()) + 8;
        List<ScenarioResult> results = new ArrayList<>();
        boolean allMet;
        try (Http http = new Http(options.baseUrl(), connections)) {
            BenchContext context = new BenchContext(options, http, database);
            awaitHealthy(http, Duration.ofMinutes(5));
            List<Check> seedingChecks = seed(context);
            for (Scenario scenario : Scenarios.all()) {
                if (!options.wants(scenario.id())) {
                    continue;
                }
                log("scenario " + scenario.id());
                ScenarioResult result = runSafely(scenario, context);
                log("  " + result.verdict().label() + (result.stats() == null ? "" : String.format(Locale.ROOT,
                        ": %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors", result.stats().throughput(),
                        result.stats().p50(), result.stats().p95(), result.stats().p99(), result.stats().errors())));
                results.add(result);
            }
            String markdown = new Report().write(databaseFacts(database), context.seedingNotes, seedingChecks, results);
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), markdown, StandardCharsets.UTF_8);
            log("results written to " + options.out());
            allMet = seedingChecks.stream().allMatch(Check::passed)
                    && results.stream().allMatch(result -> result.verdict() == Verdict.MET);
        }
        System.exit(allMet ? 0 : 3);
    }

    private static ScenarioResult runSafely(Scenario scenario, BenchContext context) {
        try {
            List<String> prepared = scenario.prepare(context);
            Profile profile = Profile.start(context, scenario);
            ScenarioResult result = scenario.run(context);
            profile.write();
            if (prepared.isEmpty()) {
                return result;
            }
            List<String> notes = new ArrayList<>(prepared);
            notes.addAll(result.notes());
            return new ScenarioResult(result.scenario(), result.stats(), result.checks(), notes);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            return new ScenarioResult(scenario, null, List.of(Check.correctness("ran to the end", false, "no exception",
                    String.valueOf(e).replace('\n', ' '))), List.of());
        }
    }

    /** The city, then every volunteer with a token in one bulk insert; then the API must see them as registered. */
    private static List<Check> seed(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        String adminToken = adminToken(context);
        long started = System.nanoTime();
        CitySeeder.City city = CitySeeder.seed(context.database);
        context.seedingNotes.add(String.format(Locale.ROOT, "%d organisations below the root (%d districts) in %.1f s (SQL)",
                city.organisations().size(), city.districts().size(), seconds(started)));
        started = System.nanoTime();
        int total = options.volunteers() + options.warmupVolunteers();
        List<SeededVolunteer> all = new VolunteerSeeder(context.database, options.dataDir()).seed(total, city.organisations());
        context.seedingNotes.add(String.format(Locale.ROOT, "%,d volunteers (%,d measured + %,d for warm-ups) with accounts, "
                        + "grants, sealed ID numbers and phones, and API tokens in %.1f s (batched SQL through the app's "
                        + "PersonalData, one shared BCrypt hash)", total, options.volunteers(), options.warmupVolunteers(),
                seconds(started)));
        context.seeded(adminToken, city, all.subList(0, options.volunteers()), all.subList(options.volunteers(), total));
        return seedingChecks(context, all.get(0));
    }

    /** One seeded volunteer, seen through the API as the application would see one who registered. */
    private static List<Check> seedingChecks(BenchContext context, SeededVolunteer volunteer) throws IOException {
        List<Check> checks = new ArrayList<>();
        Answer signIn = context.http.post("/api/v1/auth/token", null, context.toJson(Map.of("username",
                volunteer.username(), "password", VolunteerSeeder.PASSWORD)));
        checks.add(Check.correctness("a seeded volunteer signs in with the bench password", signIn.is(200), "200",
                Integer.toString(signIn.status())));
        Answer me = context.http.get("/api/v1/me", volunteer.token());
        long volunteerId = me.is(200) ? context.parse(me.body()).path("volunteerId").asLong() : -1;
        checks.add(Check.equal("GET /api/v1/me with a seeded token names the volunteer", volunteer.volunteerId(), volunteerId));
        JsonNode byPhone = context.asAdmin("GET", "/api/v1/volunteers?phone=" + volunteer.username(), null, 200);
        checks.add(Check.equal("the admin finds the volunteer by phone (blind index)", volunteer.volunteerId(),
                byPhone.path("items").path(0).path("id").asLong()));
        JsonNode revealed = context.asAdmin("POST", "/api/v1/volunteers/" + volunteer.volunteerId() + "/id-number/reveal",
                Map.of("reason", "bench: seeded data decrypts with the installation's keys"), 200);
        checks.add(Check.correctness("the app decrypts the sealed ID number (reveal)",
                volunteer.idNumber().equals(revealed.path("idNumber").asString()), "the seeded number",
                volunteer.idNumber().equals(revealed.path("idNumber").asString()) ? "the seeded number" : "another value"));
        return checks;
    }

    private static String adminToken(BenchContext context) throws IOException {
        Answer answer = context.http.post("/api/v1/auth/token", null,
                context.toJson(Map.of("username", "admin", "password", context.options.adminPassword())));
        if (!answer.is(200)) {
            throw new IllegalStateException("admin sign-in answered " + answer.status() + ": " + answer.body());
        }
        return context.parse(answer.body()).path("token").asString();
    }

    private static void awaitHealthy(Http http, Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            try {
                if (http.get("/actuator/health", null).is(200)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the application did not become healthy within " + patience);
    }

    private static List<String> databaseFacts(Database database) throws Exception {
        List<String> facts = new ArrayList<>();
        facts.add("PostgreSQL " + database.queryText("SHOW server_version") + " (embedded), settings: "
                + String.join(", ", database.query("""
                        SELECT name || '=' || setting || coalesce(unit, '') AS s FROM pg_settings
                        WHERE name IN ('max_connections', 'shared_buffers', 'work_mem', 'synchronous_commit', 'fsync',
                                       'shared_preload_libraries')
                        ORDER BY name""").stream().map(row -> (String) row.get("s")).toList()));
        facts.add("database size after the run: " + database.queryText("SELECT pg_size_pretty(pg_database_size('leifeng'))"));
        return facts;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
