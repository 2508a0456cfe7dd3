package org.leifeng.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 5: leaders open the dashboard on a city's data (issue 6's data set: by default 1,000,000 volunteers,
 * 100,000 activities, 10,000,000 ledger entries over three years, written by {@link CityDataGenerator} and turned
 * into report figures by the application's own rebuild). The clients send what the dashboard page asks for: the
 * city's overview and ranking, a district's overview and ranking, the city's twelve-month trend, and the city's
 * overview of the year so far; every answer must be 200 and carry the figures. Afterwards the overviews of the city
 * and of one district are checked against sums written independently in SQL over the ledger and the volunteers.
 */
final class DashboardScenario implements Scenario {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A request of the mix, its share (percent) and its path for a client's random draw. */
    private record Kind(String name, int weight, BiFunction<Random, CitySeeder.City, String> path) {
    }

    private static final List<Kind> MIX = List.of(
            new Kind("city-overview", 30, (random, city) -> "/api/v1/stats/overview"),
            new Kind("city-ranking", 20, (random, city) -> "/api/v1/stats/ranking"),
            new Kind("district-overview", 25, (random, city) -> "/api/v1/stats/overview?organisationId=" + district(random, city)),
            new Kind("district-ranking", 10, (random, city) -> "/api/v1/stats/ranking?organisationId=" + district(random, city)),
            new Kind("city-trend", 10, (random, city) -> "/api/v1/stats/trend"),
            new Kind("city-year", 5, (random, city) -> "/api/v1/stats/overview?from="
                    + LocalDate.now(CITY).withDayOfYear(1)));

    @Override
    public String id() {
        return "dashboard";
    }

    @Override
    public String title() {
        return "Dashboard: overview and ranking on a city's data";
    }

    @Override
    public String description() {
        return "The city administrator's token from `dashboard-clients` clients over the city data set, a mix of: "
                + MIX.stream().map(kind -> kind.name() + " " + kind.weight() + "%").collect(Collectors.joining(", "))
                + " (default period: the last 30 days, compared with the 30 before). Afterwards the city's and a "
                + "district's overview are checked against SQL over the ledger and the volunteers.";
    }

    @Override
    public String target() {
        return "p95 < 100 ms; zero errors; figures equal to the ledger's";
    }

    @Override
    public List<String> prepare(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        List<String> notes = new ArrayList<>();
        long entries = context.database.queryLong("SELECT count(*) FROM service_entry");
        if (entries < options.cityEntries() / 2) {
            long started = System.nanoTime();
            CityDataGenerator.Generated generated = new CityDataGenerator(context.database, options.dataDir(),
                    options.seed()).generate(new CityDataGenerator.Sizes(options.cityVolunteers(),
                    options.cityActivities(), options.cityEntries(), 3));
            notes.add(String.format(Locale.ROOT, "city data set generated in %.0f s (CityDataGenerator, COPY): %,d "
                            + "volunteers, %,d activities (%,d past shifts), %,d ledger entries (%,d corrections); %s",
                    (System.nanoTime() - started) / 1e9, generated.volunteers(), generated.activities(),
                    generated.shifts(), generated.entries(), generated.corrections(),
                    String.join("; ", generated.timings())));
        } else {
            notes.add(String.format(Locale.ROOT, "%,d ledger entries were already there; none generated", entries));
        }
        long started = System.nanoTime();
        String reconciliation = rebuild(context);
        notes.add(String.format(Locale.ROOT, "report figures rebuilt from the ledger by the application "
                + "(POST /api/v1/stats/rebuild, with its reconciliation) in %.1f s: %s", (System.nanoTime() - started) / 1e9,
                reconciliation));
        notes.add("database size: " + context.database.queryText("SELECT pg_size_pretty(pg_database_size('leifeng'))")
                + "; report_volunteer_day " + String.format(Locale.ROOT, "%,d", context.database.queryLong(
                "SELECT count(*) FROM report_volunteer_day")) + " rows");
        return notes;
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        CitySeeder.City city = context.city();
        List<String> notes = new ArrayList<>();
        // The first answer of each kind computes the past days' figures that later ones reuse: timed on its own.
        for (Kind kind : MIX) {
            long started = System.nanoTime();
            Answer answer = context.http.get(kind.path().apply(new Random(options.seed()), city), context.adminToken());
            notes.add(String.format(Locale.ROOT, "first %s (nothing reused yet): %.0f ms, status %d", kind.name(),
                    (System.nanoTime() - started) / 1e6, answer.status()));
        }
        Random[] randoms = new Random[options.dashboardClients()];
        for (int i = 0; i < randoms.length; i++) {
            randoms[i] = new Random(options.seed() * 17 + i);
        }
        String token = context.adminToken();
        Workload workload = new Workload() {
            @Override
            public Request next(int client) {
                Random random = randoms[client];
                Kind kind = Mix.pick(MIX, Kind::weight, random.nextInt(100));
                return Request.get(kind.name(), kind.path().apply(random, city), token, null);
            }

            @Override
            public String check(Request request, Answer answer) {
                if (!answer.is(200)) {
                    return "expected 200: " + answer.body();
                }
                boolean figures = request.kind().endsWith("ranking") ? answer.body().contains("\"items\":[{")
                        : request.kind().endsWith("trend") ? answer.body().contains("\"months\":[")
                        : answer.body().contains("\"serviceHours\":");
                return figures ? null : "no figures: " + answer.body();
            }
        };
        LoadStats stats = context.load.timed(id(), options.dashboardClients(), workload,
                Duration.ofSeconds(options.dashboardWarmupSeconds()), Duration.ofSeconds(options.dashboardSeconds()));
        notes.add(options.dashboardClients() + " clients, " + options.dashboardWarmupSeconds() + " s warm-up, then "
                + options.dashboardSeconds() + " s measured; the city administrator's token");

        List<Check> checks = new ArrayList<>();
        verify(context, checks, null, "the city");
        CitySeeder.District district = city.districts().get(0);
        verify(context, checks, district, district.name());
        checks.add(Check.target("p95 < 100 ms", stats.p95() < 100, "< 100 ms", String.format(Locale.ROOT, "%.1f ms",
                stats.p95())));
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
        return new ScenarioResult(this, stats, checks, notes);
    }

    /** The overview of the last 30 days against the ledger and the volunteers, summed in SQL. */
    private static void verify(BenchContext context, List<Check> checks, CitySeeder.District district, String name)
            throws IOException, SQLException {
        Database db = context.database;
        String path = "/api/v1/stats/overview" + (district == null ? "" : "?organisationId=" + district.id());
        Answer answer = context.http.get(path, context.adminToken());
        if (!answer.is(200)) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        JsonNode overview = context.parse(answer.body());
        LocalDate from = LocalDate.parse(overview.path("from").asString());
        LocalDate to = LocalDate.parse(overview.path("to").asString()).plusDays(1);
        String scope = district == null ? "TRUE"
                : "organisation_id IN (SELECT id FROM organisation WHERE path LIKE '" + district.path() + "%')";
        BigDecimal hours = new BigDecimal(db.queryText("SELECT coalesce(sum(delta), 0)::text FROM service_entry WHERE "
                + scope + " AND service_date >= ? AND service_date < ?", from, to));
        checks.add(Check.correctness(name + ": service hours = the ledger's (SQL)",
                hours.compareTo(overview.path("serviceHours").decimalValue()) == 0, hours.toPlainString(),
                overview.path("serviceHours").decimalValue().toPlainString()));
        checks.add(Check.equal(name + ": active volunteers = distinct volunteers credited (SQL)",
                db.queryLong("SELECT count(*) FROM (SELECT volunteer_id FROM service_entry WHERE " + scope
                        + " AND service_date >= ? AND service_date < ? GROUP BY volunteer_id HAVING sum(delta) > 0) v",
                        from, to), overview.path("activeVolunteers").asLong()));
        checks.add(Check.equal(name + ": registered volunteers (SQL)",
                db.queryLong("SELECT count(*) FROM volunteer WHERE " + scope
                        + " AND (registered_at AT TIME ZONE 'Asia/Shanghai')::date < ?", to),
                overview.path("volunteers").asLong()));
    }

    /** The application's own rebuild, which can take minutes on a city's ledger: a client without the bench's timeout. */
    private static String rebuild(BenchContext context) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(context.options.baseUrl() + "/api/v1/stats/rebuild"))
                .header("Authorization", "Bearer " + context.adminToken()).timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long district(Random random, CitySeeder.City city) {
        return city.districts().get(random.nextInt(city.districts().size())).id();
    }
}
