package org.leifeng.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

/**
 * Scenario 4: citizens looking for activities among {@code activities} seeded ones ({@code GET /api/v1/activities},
 * anonymous, as the public list is). The clients send a mix of the filters a city's users would: the plain list most
 * often, then category, their district, both, a Chinese or English word, nearest to where they stand (with or
 * without a 5 km radius), free places only, a week's dates, and the next pages. After the run, one query of each
 * kind is checked against a count written independently in SQL, and its items against the filter.
 */
final class ActivitySearchScenario implements Scenario {

    private static final ZoneOffset CITY_OFFSET = ZoneOffset.ofHours(8);
    private static final String[] CATEGORIES = {"CIVILITY", "ELDERLY", "CHILDREN", "ENVIRONMENT", "TRAFFIC", "COMMUNITY",
            "CULTURE", "HEALTH", "EMERGENCY", "EVENTS", "EDUCATION", "OTHER"};
    private static final String[] WORDS_ZH = {"义诊", "老人", "垃圾分类", "植树", "防汛", "文化", "儿童", "交通", "便民", "宣讲"};
    private static final String[] WORDS_EN = {"first aid", "tree planting", "clinic", "elderly", "flood", "heritage", "waste"};
    private static final String LISTED = "a.status IN ('PUBLISHED', 'COMPLETED')";
    private static final String HAVERSINE = """
            2 * 6371008.8 * asin(sqrt(power(sin(radians(a.latitude - ?) / 2), 2)
                + cos(radians(?)) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - ?) / 2), 2)))""";

    /** A kind of query, its share of the mix (percent) and how a client picks its parameters. */
    private record Kind(String name, int weight, BiFunction<Random, CitySeeder.City, Map<String, String>> parameters) {
    }

    private static final List<Kind> MIX = List.of(
            new Kind("list", 20, (random, city) -> Map.of()),
            new Kind("category", 12, (random, city) -> Map.of("category", pick(random, CATEGORIES))),
            new Kind("district", 12, (random, city) -> Map.of("organisationId", districtOf(random, city))),
            new Kind("district+category", 6, (random, city) -> Map.of("organisationId", districtOf(random, city),
                    "category", pick(random, CATEGORIES))),
            new Kind("text-zh", 10, (random, city) -> Map.of("q", pick(random, WORDS_ZH))),
            new Kind("text-en", 4, (random, city) -> Map.of("q", pick(random, WORDS_EN))),
            new Kind("near", 8, (random, city) -> point(random)),
            new Kind("near-5km", 6, (random, city) -> {
                Map<String, String> near = new LinkedHashMap<>(point(random));
                near.put("withinMeters", "5000");
                return near;
            }),
            new Kind("free-places", 8, (random, city) -> Map.of("hasFreePlaces", "true")),
            new Kind("dates", 8, (random, city) -> week(random.nextInt(60))),
            new Kind("page-2+", 6, (random, city) -> Map.of("page", Integer.toString(1 + random.nextInt(4)))));

    @Override
    public String id() {
        return "activity-search";
    }

    @Override
    public String title() {
        return "Activity search with filters";
    }

    @Override
    public String description() {
        return "Anonymous GET /api/v1/activities over `activities` seeded activities from `search-clients` clients, "
                + "a mix of: " + MIX.stream().map(kind -> kind.name() + " " + kind.weight() + "%")
                .collect(Collectors.joining(", ")) + ". One query of each kind is then checked against an independent "
                + "SQL count and its items against the filter.";
    }

    @Override
    public String target() {
        return "p95 < 50 ms over the mix; zero errors; totals and items right";
    }

    @Override
    public List<String> prepare(BenchContext context) throws Exception {
        long seededBefore = context.database.queryLong("SELECT count(*) FROM activity WHERE address LIKE ?",
                ActivitySeeder.ADDRESS_PREFIX + "%");
        if (seededBefore > 0) {
            return List.of(String.format("%,d bench activities were already there; none seeded", seededBefore));
        }
        long started = System.nanoTime();
        ActivitySeeder.seed(context.database, context.options.activities());
        return List.of(String.format("seeded %,d activities with %,d shifts in %.1f s (SQL, adapted from "
                        + "bench/activity-search/seed.sql)", context.database.queryLong("SELECT count(*) FROM activity"),
                context.database.queryLong("SELECT count(*) FROM shift"), (System.nanoTime() - started) / 1e9));
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        List<String> notes = new ArrayList<>();
        CitySeeder.City city = context.city();
        Random[] randoms = new Random[options.searchClients()];
        for (int i = 0; i < randoms.length; i++) {
            randoms[i] = new Random(options.seed() * 31 + i);
        }
        Workload workload = new Workload() {
            @Override
            public Request next(int client) {
                Random random = randoms[client];
                Kind kind = Mix.pick(MIX, Kind::weight, random.nextInt(100));
                return Request.get(kind.name(), path(kind.parameters().apply(random, city)), null, null);
            }

            @Override
            public String check(Request request, Answer answer) {
                if (!answer.is(200)) {
                    return "expected 200: " + answer.body();
                }
                return answer.body().startsWith("{\"items\":[") && answer.body().contains("\"total\":") ? null
                        : "not a page of activities: " + answer.body();
            }
        };
        LoadStats stats = context.load.timed(id(), options.searchClients(), workload,
                Duration.ofSeconds(options.searchWarmupSeconds()), Duration.ofSeconds(options.searchSeconds()));
        notes.add(options.searchClients() + " clients, " + options.searchWarmupSeconds() + " s warm-up, then "
                + options.searchSeconds() + " s measured; anonymous");

        List<Check> checks = new ArrayList<>();
        verifySamples(context, checks);
        checks.add(Check.target("p95 < 50 ms", stats.p95() < 50, "< 50 ms", String.format("%.1f ms", stats.p95())));
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
        return new ScenarioResult(this, stats, checks, notes);
    }

    /** One query of each kind, its total against SQL written from the API's description, its items against the filter. */
    private static void verifySamples(BenchContext context, List<Check> checks) throws IOException, SQLException {
        Database db = context.database;
        CitySeeder.District district = context.city().districts().get(0);
        long listed = db.queryLong("SELECT count(*) FROM activity a WHERE " + LISTED);

        JsonNode list = search(context, Map.of());
        checks.add(Check.equal("list: total = listed activities (SQL)", listed, list.path("total").asLong()));
        checks.add(Check.equal("list: a full first page", Math.min(20, listed), list.path("items").size()));

        JsonNode health = search(context, Map.of("category", "HEALTH"));
        checks.add(Check.equal("category=HEALTH: total (SQL)",
                db.queryLong("SELECT count(*) FROM activity a WHERE " + LISTED + " AND a.category = 'HEALTH'"),
                health.path("total").asLong()));
        checks.add(Check.equal("category=HEALTH: items of another category", 0,
                items(health).stream().filter(item -> !item.path("category").asString().equals("HEALTH")).count()));

        JsonNode inDistrict = search(context, Map.of("organisationId", Long.toString(district.id())));
        checks.add(Check.equal("organisationId=" + district.name() + ": total (SQL, subtree by path)",
                db.queryLong("SELECT count(*) FROM activity a JOIN organisation o ON o.id = a.organisation_id WHERE "
                        + LISTED + " AND o.path LIKE ?", district.path() + "%"), inDistrict.path("total").asLong()));
        checks.add(Check.equal("organisationId=" + district.name() + ": items outside the subtree", 0,
                items(inDistrict).stream().filter(item -> !district.subtree().contains(item.path("organisationId").asLong()))
                        .count()));

        JsonNode both = search(context, Map.of("organisationId", Long.toString(district.id()), "category", "ELDERLY"));
        checks.add(Check.equal("district+category: total (SQL)",
                db.queryLong("SELECT count(*) FROM activity a JOIN organisation o ON o.id = a.organisation_id WHERE "
                        + LISTED + " AND o.path LIKE ? AND a.category = 'ELDERLY'", district.path() + "%"),
                both.path("total").asLong()));

        for (String word : List.of("义诊", "first aid")) {
            checks.add(Check.equal("q=" + word + ": total (SQL, ILIKE on title or description)",
                    db.queryLong("SELECT count(*) FROM activity a WHERE " + LISTED
                            + " AND (a.title ILIKE ? OR a.description ILIKE ?)", "%" + word + "%", "%" + word + "%"),
                    search(context, Map.of("q", word)).path("total").asLong()));
        }

        Map<String, String> week = week(10);
        checks.add(Check.equal("from/to a week: total (SQL, an open shift overlaps)",
                db.queryLong("SELECT count(*) FROM activity a WHERE " + LISTED + " AND EXISTS (SELECT 1 FROM shift s "
                                + "WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at < ? AND s.ends_at > ?)",
                        OffsetDateTime.parse(week.get("to")), OffsetDateTime.parse(week.get("from"))),
                search(context, week).path("total").asLong()));

        JsonNode near = search(context, Map.of("lat", "34.79", "lon", "114.35"));
        List<Long> distances = items(near).stream().map(item -> item.path("distanceMeters").asLong()).toList();
        checks.add(Check.correctness("near: nearest first, all listed", isSorted(distances) && near.path("total").asLong() == listed,
                "ascending distances, total " + listed, distances.size() + " items" + (isSorted(distances) ? " ascending" : " NOT ascending")
                        + ", total " + near.path("total").asLong()));
        JsonNode within = search(context, Map.of("lat", "34.79", "lon", "114.35", "withinMeters", "5000"));
        checks.add(Check.equal("near within 5 km: total (SQL, haversine)",
                db.queryLong("SELECT count(*) FROM activity a WHERE " + LISTED + " AND " + HAVERSINE + " <= 5000",
                        34.79, 34.79, 114.35), within.path("total").asLong()));
        checks.add(Check.equal("near within 5 km: items farther", 0,
                items(within).stream().filter(item -> item.path("distanceMeters").asLong() > 5000).count()));

        String freeSql = "SELECT count(*) FROM activity a WHERE " + LISTED + " AND EXISTS (SELECT 1 FROM shift s "
                + "WHERE s.activity_id = a.id AND s.status = 'OPEN' AND s.starts_at > now() "
                + "AND s.capacity > s.confirmed + s.pending)";
        long freeBefore = db.queryLong(freeSql);
        JsonNode free = search(context, Map.of("hasFreePlaces", "true"));
        long freeAfter = db.queryLong(freeSql);
        long freeTotal = free.path("total").asLong();
        // A shift may start between the API's "now" and the SQL's: either count is right.
        checks.add(Check.correctness("hasFreePlaces: total (SQL, an open future shift with a free place)",
                freeTotal == freeBefore || freeTotal == freeAfter, Long.toString(freeBefore), Long.toString(freeTotal)));
        checks.add(Check.equal("hasFreePlaces: items without a free place", 0,
                items(free).stream().filter(item -> item.path("freePlaces").asLong() <= 0).count()));

        Set<Long> first = ids(search(context, Map.of("page", "1")));
        Set<Long> second = ids(search(context, Map.of("page", "2")));
        Set<Long> overlap = new HashSet<>(first);
        overlap.retainAll(second);
        checks.add(Check.correctness("pages 2 and 3: full, no activity on both", first.size() == 20 && second.size() == 20
                && overlap.isEmpty(), "20 + 20, none shared", first.size() + " + " + second.size() + ", " + overlap.size() + " shared"));
    }

    private static JsonNode search(BenchContext context, Map<String, String> parameters) throws IOException {
        Answer answer = context.http.get(path(parameters), null);
        if (!answer.is(200)) {
            throw new IllegalStateException("search " + parameters + " answered " + answer.status() + ": " + answer.body());
        }
        return context.parse(answer.body());
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private static Set<Long> ids(JsonNode page) {
        return items(page).stream().map(item -> item.path("id").asLong()).collect(Collectors.toSet());
    }

    private static boolean isSorted(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static String path(Map<String, String> parameters) {
        return "/api/v1/activities" + (parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String districtOf(Random random, CitySeeder.City city) {
        return Long.toString(city.districts().get(random.nextInt(city.districts().size())).id());
    }

    private static Map<String, String> point(Random random) {
        return Map.of("lat", String.format(Locale.ROOT, "%.4f", 34.6 + random.nextDouble() * 0.3),
                "lon", String.format(Locale.ROOT, "%.4f", 114.2 + random.nextDouble() * 0.5));
    }

    /** Seven days from midnight {@code daysAhead} days from today, in the city's time. */
    private static Map<String, String> week(int daysAhead) {
        OffsetDateTime from = OffsetDateTime.now(CITY_OFFSET).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead);
        return Map.of("from", ISO_OFFSET_DATE_TIME.format(from), "to", ISO_OFFSET_DATE_TIME.format(from.plusDays(7)));
    }
}
