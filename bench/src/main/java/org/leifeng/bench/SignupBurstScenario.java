package org.leifeng.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

/**
 * Scenario 2: the 5 March sign-up rush. One published activity with one shift of {@code capacity} places; every
 * seeded volunteer signs up exactly once ({@code POST /api/v1/shifts/{id}/signups} with their own token), from
 * {@code clients} concurrent clients, in a shuffled order. Before it, the warm-up volunteers sign up in rounds, each
 * round for a shift of its own, until the throughput levels off: the sign-up path is then compiled. On two cores that
 * the load keeps busy, the JIT takes one to two minutes of sign-ups to get there, and a burst measured after a short
 * fixed warm-up still climbs while it runs (bench/README.md, How it measures).
 *
 * <p>Afterwards the first {@code capacity} are CONFIRMED and the rest WAITLISTED in arrival order, which is checked
 * three ways: the answers the clients got, every sign-up row in the database against those answers, and the
 * counts the API itself reports to organisers.
 */
final class SignupBurstScenario implements Scenario {

    private static final ZoneOffset CITY_OFFSET = ZoneOffset.ofHours(8);
    private static final int MIN_WARMUP_ROUNDS = 3;
    private static final int MAX_WARMUP_ROUNDS = 12;

    @Override
    public String id() {
        return "signup-burst";
    }

    @Override
    public String title() {
        return "Sign-up burst: one shift, everyone at once";
    }

    @Override
    public String description() {
        return "One shift of `capacity` places; every one of `volunteers` distinct volunteers signs up once with their own "
                + "token (POST /api/v1/shifts/{id}/signups), from `clients` concurrent clients, shuffled. Checked: the "
                + "answers, every sign-up row in PostgreSQL against them, and the organisers' counts through the API.";
    }

    @Override
    public String target() {
        return "throughput >= 50% of the ceiling's; p99 < 100 ms; zero errors; exactly `capacity` CONFIRMED and the "
                + "rest WAITLISTED, no duplicate";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        List<String> notes = new ArrayList<>();
        OffsetDateTime day = OffsetDateTime.now(CITY_OFFSET).plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(9);

        if (!context.warmupVolunteers().isEmpty()) {
            notes.add(warmUp(context, day));
        }

        Shift shift = createShift(context, "学雷锋日报名高峰基准", options.capacity(), day);
        List<SeededVolunteer> order = new ArrayList<>(context.volunteers());
        Collections.shuffle(order, new Random(options.seed()));
        SignUps signUps = new SignUps(context, shift.id(), order);
        LoadStats stats = context.load.untilDone(id(), options.clients(), signUps);
        notes.add(order.size() + " volunteers, shift " + shift.id() + " of " + options.capacity() + " places, "
                + options.clients() + " clients");

        List<Check> checks = new ArrayList<>();
        int volunteers = order.size();
        int capacity = options.capacity();
        checkAnswers(signUps, volunteers, capacity, stats, checks);
        checkDatabase(context, shift.id(), signUps, volunteers, capacity, checks);
        checkApi(context, shift, volunteers, capacity, checks);
        checkTargets(context, stats, checks);
        return new ScenarioResult(this, stats, checks, notes);
    }

    /**
     * The warm-up volunteers sign up in rounds, each for a shift of its own on a later day (so no sign-up overlaps
     * another), until it levels off ({@link WarmUpRounds}), at most 12 rounds.
     */
    private static String warmUp(BenchContext context, OffsetDateTime day) throws Exception {
        List<SeededVolunteer> volunteers = context.warmupVolunteers();
        int capacity = Math.max(1, volunteers.size() / 10);
        WarmUpRounds.Summary summary = WarmUpRounds.run(MIN_WARMUP_ROUNDS, MAX_WARMUP_ROUNDS, round -> {
            Shift shift = createShift(context, "报名高峰基准：热身 " + round, capacity, day.plusDays(round));
            return context.load.untilDone("signup-warmup-" + round, context.options.clients(),
                    new SignUps(context, shift.id(), volunteers));
        });
        return summary.describe(String.format(Locale.ROOT, "the same %,d other volunteers signing up for a new shift "
                + "of %,d places", volunteers.size(), capacity));
    }

    private static void checkAnswers(SignUps signUps, int volunteers, int capacity, LoadStats stats, List<Check> checks) {
        checks.add(Check.equal("answers 201 Created", volunteers, stats.outcomes().getOrDefault("201", 0L)));
        checks.add(Check.equal("answers CONFIRMED", capacity, signUps.count("CONFIRMED")));
        checks.add(Check.equal("answers WAITLISTED", volunteers - capacity, signUps.count("WAITLISTED")));
        checks.add(Check.equal("distinct sign-up ids answered", volunteers,
                signUps.answers.values().stream().map(SignedUp::signupId).distinct().count()));
    }

    private static void checkDatabase(BenchContext context, long shiftId, SignUps signUps, int volunteers, int capacity,
            List<Check> checks) throws SQLException {
        Map<String, Object> shift = context.database.query(
                "SELECT capacity, confirmed, pending, waitlisted FROM shift WHERE id = ?", shiftId).get(0);
        checks.add(Check.equal("shift.confirmed (SQL)", capacity, ((Number) shift.get("confirmed")).longValue()));
        checks.add(Check.equal("shift.waitlisted (SQL)", volunteers - capacity, ((Number) shift.get("waitlisted")).longValue()));
        checks.add(Check.equal("shift.pending (SQL)", 0, ((Number) shift.get("pending")).longValue()));

        List<Map<String, Object>> rows = context.database.query("""
                SELECT id, volunteer_id, status, waitlist_position FROM signup WHERE shift_id = ? ORDER BY id""", shiftId);
        checks.add(Check.equal("sign-up rows of the shift (SQL)", volunteers, rows.size()));
        checks.add(Check.equal("distinct volunteers among them (SQL)", volunteers,
                rows.stream().map(row -> row.get("volunteer_id")).distinct().count()));
        long disagreeing = rows.stream().filter(row -> {
            SignedUp answered = signUps.answers.get(((Number) row.get("volunteer_id")).longValue());
            return answered == null || answered.signupId() != ((Number) row.get("id")).longValue()
                    || !answered.status().equals(row.get("status"));
        }).count();
        checks.add(Check.equal("rows that differ from the answer their volunteer got (SQL)", 0, disagreeing));
        // Places and line are decided under the shift's row lock, so ids (drawn at insert) follow arrival order:
        // every CONFIRMED row precedes every WAITLISTED one, and positions are 1..n in id order.
        long lastConfirmed = rows.stream().filter(row -> "CONFIRMED".equals(row.get("status")))
                .mapToLong(row -> ((Number) row.get("id")).longValue()).max().orElse(Long.MIN_VALUE);
        List<Long> positions = rows.stream().filter(row -> "WAITLISTED".equals(row.get("status")))
                .map(row -> ((Number) row.get("waitlist_position")).longValue()).toList();
        long firstWaitlisted = rows.stream().filter(row -> "WAITLISTED".equals(row.get("status")))
                .mapToLong(row -> ((Number) row.get("id")).longValue()).min().orElse(Long.MAX_VALUE);
        checks.add(Check.correctness("first come, first served: every CONFIRMED before every WAITLISTED (SQL)",
                lastConfirmed < firstWaitlisted, "last confirmed id < first waitlisted id",
                lastConfirmed + " < " + firstWaitlisted));
        boolean inOrder = true;
        for (int i = 0; i < positions.size(); i++) {
            inOrder &= positions.get(i) == i + 1;
        }
        checks.add(Check.correctness("waiting list positions 1.." + positions.size() + " in arrival order (SQL)",
                inOrder, "1.." + (volunteers - capacity), positions.isEmpty() ? "none"
                        : positions.get(0) + ".." + positions.get(positions.size() - 1) + (inOrder ? "" : ", out of order")));
    }

    private static void checkApi(BenchContext context, Shift shift, int volunteers, int capacity, List<Check> checks)
            throws IOException {
        JsonNode activity = context.asAdmin("GET", "/api/v1/activities/" + shift.activityId(), null, 200);
        JsonNode shown = activity.path("shifts").path(0);
        checks.add(Check.equal("confirmed count the API shows organisers", capacity, shown.path("confirmed").asLong()));
        checks.add(Check.equal("waitlisted count the API shows organisers", volunteers - capacity,
                shown.path("waitlisted").asLong()));
        for (String status : List.of("CONFIRMED", "WAITLISTED")) {
            JsonNode page = context.asAdmin("GET", "/api/v1/shifts/" + shift.id() + "/signups?status=" + status + "&size=1",
                    null, 200);
            checks.add(Check.equal(status + " sign-ups the API lists", status.equals("CONFIRMED") ? capacity
                    : volunteers - capacity, page.path("total").asLong()));
        }
    }

    private static void checkTargets(BenchContext context, LoadStats stats, List<Check> checks) {
        if (context.ceilingThroughput().isPresent()) {
            double ceiling = context.ceilingThroughput().getAsDouble();
            double ratio = stats.throughput() / ceiling;
            checks.add(Check.target("throughput >= 50% of the ceiling", ratio >= 0.5,
                    String.format(">= %.0f req/s", ceiling / 2),
                    String.format("%.0f req/s = %.0f%% of %.0f", stats.throughput(), ratio * 100, ceiling)));
        } else {
            checks.add(Check.target("throughput >= 50% of the ceiling", false, "ceiling measured in the same run",
                    "ceiling not run"));
        }
        checks.add(Check.target("p99 < 100 ms", stats.p99() < 100, "< 100 ms", String.format("%.1f ms", stats.p99())));
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
    }

    private static Shift createShift(BenchContext context, String title, int capacity, OffsetDateTime startsAt)
            throws IOException {
        Map<String, Object> activity = new HashMap<>();
        activity.put("title", title);
        activity.put("category", "EVENTS");
        activity.put("organisationId", CitySeeder.ROOT_ID);
        activity.put("description", "学雷锋纪念日大型活动，报名高峰基准测试。");
        activity.put("place", Map.of("address", "开封市鼓楼广场", "lat", 34.7972, "lon", 114.3476, "radiusMeters", 300));
        activity.put("approval", "AUTO");
        activity.put("waitlist", true);
        activity.put("shifts", List.of(Map.of("startsAt", ISO_OFFSET_DATE_TIME.format(startsAt),
                "endsAt", ISO_OFFSET_DATE_TIME.format(startsAt.plusHours(4)),
                "capacity", capacity, "position", "现场引导")));
        JsonNode created = context.asAdmin("POST", "/api/v1/activities", activity, 201);
        long activityId = created.path("id").asLong();
        context.asAdmin("POST", "/api/v1/activities/" + activityId + "/publish", null, 200);
        return new Shift(created.path("shifts").path(0).path("id").asLong(), activityId);
    }

    private record Shift(long id, long activityId) {
    }

    private record SignedUp(long signupId, String status) {
    }

    /** Each volunteer of the list signs up once, in list order across all clients. */
    private static final class SignUps implements Workload {

        private final BenchContext context;
        private final long shiftId;
        private final String path;
        private final List<SeededVolunteer> volunteers;
        private final AtomicInteger next = new AtomicInteger();
        final Map<Long, SignedUp> answers = new ConcurrentHashMap<>();

        SignUps(BenchContext context, long shiftId, List<SeededVolunteer> volunteers) {
            this.context = context;
            this.shiftId = shiftId;
            this.path = "/api/v1/shifts/" + shiftId + "/signups";
            this.volunteers = volunteers;
        }

        @Override
        public Request next(int client) {
            int index = next.getAndIncrement();
            if (index >= volunteers.size()) {
                return null;
            }
            SeededVolunteer volunteer = volunteers.get(index);
            return Request.post("signup", path, volunteer.token(), "{}", volunteer);
        }

        @Override
        public String check(Request request, Answer answer) {
            if (!answer.is(201)) {
                return "expected 201: " + answer.body();
            }
            SeededVolunteer volunteer = (SeededVolunteer) request.subject();
            JsonNode body = context.parse(answer.body());
            String status = body.path("status").asString("");
            if (body.path("shiftId").asLong() != shiftId || body.path("volunteerId").asLong() != volunteer.volunteerId()
                    || !(status.equals("CONFIRMED") || status.equals("WAITLISTED"))) {
                return "not this volunteer's place or place in line: " + answer.body();
            }
            SignedUp before = answers.putIfAbsent(volunteer.volunteerId(), new SignedUp(body.path("id").asLong(), status));
            return before == null ? null : "a second sign-up for the same volunteer";
        }

        long count(String status) {
            return answers.values().stream().filter(signedUp -> signedUp.status().equals(status)).count();
        }
    }
}
