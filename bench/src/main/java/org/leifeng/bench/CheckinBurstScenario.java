package org.leifeng.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

/**
 * Scenario 3: thousands at the gate. One shift whose check-in window is open now, with {@code checkins} CONFIRMED
 * sign-ups of volunteers of its own (seeded for it, so it runs the same alone or after the sign-up burst); each of
 * them checks in once with the event's attendance code ({@code POST /api/v1/attendance/check-in}, their own token,
 * a position inside the geofence), from {@code clients} concurrent clients, shuffled. The code rotates (30-second
 * slots, valid for 60 s), so the organiser's screen is played by a background thread that fetches a fresh one
 * through the API every 20 s, as the attendance page does. Before it, other volunteers check in to another shift,
 * so the check-in path is compiled before it is measured.
 *
 * <p>Checked three ways: the answers, the attendance rows in PostgreSQL (exactly one per volunteer, each on their own
 * sign-up, as answered), and the organiser's list through the API.
 */
final class CheckinBurstScenario implements Scenario {

    private static final ZoneOffset CITY_OFFSET = ZoneOffset.ofHours(8);
    /** How often the organiser's screen fetches a new code: a code lives 30 to 60 s. */
    private static final long CODE_REFRESH_SECONDS = 20;
    private static final double LAT = 34.7972;
    private static final double LON = 114.3476;

    private static final int MIN_WARMUP_ROUNDS = 3;
    private static final int MAX_WARMUP_ROUNDS = 8;

    private Gate measured;
    private OffsetDateTime startsAt;

    @Override
    public String id() {
        return "checkin-burst";
    }

    @Override
    public String title() {
        return "Check-in burst: thousands at the gate";
    }

    @Override
    public String description() {
        return "One shift open for check-in now with `checkins` CONFIRMED sign-ups (volunteers of its own, the sign-ups "
                + "written in SQL with the shift's counters); each volunteer checks in once with their own token and the "
                + "event's rotating attendance code (POST /api/v1/attendance/check-in, inside the geofence), from "
                + "`clients` concurrent clients, shuffled; the organiser's code is fetched through the API every 20 s. "
                + "First, warm-up rounds of `checkin-warmup` other volunteers, each at a gate of its own, until it levels "
                + "off. Checked: the answers, every attendance row in PostgreSQL, and the organiser's list through the "
                + "API.";
    }

    @Override
    public String target() {
        return "throughput >= 50% of the ceiling's; p99 < 100 ms; zero errors; exactly `checkins` check-ins, none twice";
    }

    @Override
    public List<String> prepare(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        List<String> notes = new ArrayList<>();
        long started = System.nanoTime();
        List<SeededVolunteer> volunteers = context.moreVolunteers(options.checkins());
        double seededIn = seconds(started);
        started = System.nanoTime();
        // Starts in five minutes: check-in is open from the grace (30 min) before the start.
        startsAt = OffsetDateTime.now(CITY_OFFSET).truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        measured = openGate(context, "学雷锋日签到高峰基准", startsAt, volunteers);
        notes.add(String.format(Locale.ROOT, "%,d volunteers of its own seeded in %.1f s; shift %d of %,d places with "
                        + "%,d CONFIRMED sign-ups written in SQL in %.1f s; the shift starts at %s", volunteers.size(),
                seededIn, measured.shiftId(), options.checkins(), options.checkins(), seconds(started),
                ISO_OFFSET_DATE_TIME.format(startsAt)));
        return notes;
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        List<String> notes = new ArrayList<>();
        if (options.checkinWarmup() > 0) {
            notes.add(warmUp(context));
        }
        CheckIns checkIns;
        LoadStats stats;
        int codes;
        try (Screen screen = new Screen(context, measured.shiftId())) {
            checkIns = new CheckIns(context, measured.shiftId(), screen, shuffled(measured, options.seed()));
            stats = context.load.untilDone(id(), options.clients(), checkIns);
            codes = screen.fetched.get();
        }
        notes.add(String.format(Locale.ROOT, "%,d volunteers, shift %d, %d clients; the organiser's screen fetched %d "
                        + "codes (every %d s); answers carried %d distinct codes", measured.volunteers().size(),
                measured.shiftId(), options.clients(), codes, CODE_REFRESH_SECONDS, checkIns.codesUsed.size()));

        List<Check> checks = new ArrayList<>();
        int expected = measured.volunteers().size();
        checks.add(Check.equal("answers 200 OK", expected, stats.outcomes().getOrDefault("200", 0L)));
        checks.add(Check.equal("answers CHECKED_IN for the volunteer's own sign-up", expected, checkIns.answers.size()));
        checks.add(Check.equal("distinct attendance ids answered", expected,
                checkIns.answers.values().stream().distinct().count()));
        checkDatabase(context, checkIns, checks);
        checkApi(context, checkIns, checks);
        checkTargets(context, stats, checks);
        return new ScenarioResult(this, stats, checks, notes);
    }

    private void checkDatabase(BenchContext context, CheckIns checkIns, List<Check> checks) throws SQLException {
        long shiftId = measured.shiftId();
        int expected = measured.volunteers().size();
        List<Map<String, Object>> rows = context.database.query("""
                SELECT a.id, a.volunteer_id, a.signup_id, a.check_in_method, a.checked_out_at, s.volunteer_id AS signed_up,
                       s.status AS signup_status
                FROM attendance a LEFT JOIN signup s ON s.id = a.signup_id
                WHERE a.shift_id = ? ORDER BY a.id""", shiftId);
        checks.add(Check.equal("attendance rows of the shift (SQL)", expected, rows.size()));
        checks.add(Check.equal("distinct volunteers among them: none checked in twice (SQL)", expected,
                rows.stream().map(row -> row.get("volunteer_id")).distinct().count()));
        Set<Long> ours = measured.volunteers().stream().map(SeededVolunteer::volunteerId).collect(Collectors.toSet());
        long wrong = rows.stream().filter(row -> {
            long volunteerId = ((Number) row.get("volunteer_id")).longValue();
            Long answered = checkIns.answers.get(volunteerId);
            return !ours.contains(volunteerId) || answered == null || answered != ((Number) row.get("id")).longValue()
                    || !"QR".equals(row.get("check_in_method")) || row.get("checked_out_at") != null
                    || row.get("signed_up") == null || ((Number) row.get("signed_up")).longValue() != volunteerId
                    || !"CONFIRMED".equals(row.get("signup_status"));
        }).count();
        checks.add(Check.equal("rows not as answered, not by QR, not on the volunteer's CONFIRMED sign-up (SQL)", 0,
                wrong));
        Map<String, Object> shift = context.database.query(
                "SELECT confirmed, pending, waitlisted FROM shift WHERE id = ?", shiftId).get(0);
        checks.add(Check.equal("shift.confirmed unchanged by checking in (SQL)", expected,
                ((Number) shift.get("confirmed")).longValue()));
    }

    private void checkApi(BenchContext context, CheckIns checkIns, List<Check> checks) throws IOException {
        int expected = measured.volunteers().size();
        JsonNode list = context.asAdmin("GET", "/api/v1/shifts/" + measured.shiftId() + "/attendance", null, 200);
        checks.add(Check.equal("attendances the organiser's list shows (API)", expected, list.size()));
        Set<Long> listed = new HashSet<>();
        long notIn = 0;
        for (JsonNode attendance : list) {
            listed.add(attendance.path("volunteerId").asLong());
            long volunteerId = attendance.path("volunteerId").asLong();
            Long answered = checkIns.answers.get(volunteerId);
            if (!"CHECKED_IN".equals(attendance.path("status").asString(""))
                    || answered == null || answered != attendance.path("id").asLong()) {
                notIn++;
            }
        }
        checks.add(Check.equal("distinct volunteers in that list (API)", expected, listed.size()));
        checks.add(Check.equal("listed attendances not CHECKED_IN as answered (API)", 0, notIn));
    }

    private static void checkTargets(BenchContext context, LoadStats stats, List<Check> checks) {
        if (context.ceilingThroughput().isPresent()) {
            double ceiling = context.ceilingThroughput().getAsDouble();
            double ratio = stats.throughput() / ceiling;
            checks.add(Check.target("throughput >= 50% of the ceiling", ratio >= 0.5,
                    String.format(Locale.ROOT, ">= %.0f req/s", ceiling / 2),
                    String.format(Locale.ROOT, "%.0f req/s = %.0f%% of %.0f", stats.throughput(), ratio * 100, ceiling)));
        } else {
            checks.add(Check.target("throughput >= 50% of the ceiling", false, "ceiling measured in the same run",
                    "ceiling not run"));
        }
        checks.add(Check.target("p99 < 100 ms", stats.p99() < 100, "< 100 ms",
                String.format(Locale.ROOT, "%.1f ms", stats.p99())));
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
    }

    /**
     * Rounds of check-ins, each by {@code checkin-warmup} newly seeded volunteers at a gate of its own (a volunteer's
     * sign-ups may not overlap, and these shifts start together), until it levels off ({@link WarmUpRounds}), at most
     * eight rounds. Seeding between rounds pauses the load for a few seconds.
     */
    private String warmUp(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        WarmUpRounds.Summary summary = WarmUpRounds.run(MIN_WARMUP_ROUNDS, MAX_WARMUP_ROUNDS, round -> {
            Gate gate = openGate(context, "签到高峰基准：热身 " + round, startsAt,
                    context.moreVolunteers(options.checkinWarmup()));
            try (Screen screen = new Screen(context, gate.shiftId())) {
                return context.load.untilDone("checkin-warmup-" + round, options.clients(),
                        new CheckIns(context, gate.shiftId(), screen, shuffled(gate, options.seed())));
            }
        });
        return summary.describe(String.format(Locale.ROOT, "%,d other volunteers checking in at a gate of their own",
                options.checkinWarmup()));
    }

    private static List<SeededVolunteer> shuffled(Gate gate, long seed) {
        List<SeededVolunteer> order = new ArrayList<>(gate.volunteers());
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /**
     * A published activity (geofenced, 300 m) with one shift of as many places as volunteers, through the API as the
     * city administrator; then every volunteer's CONFIRMED sign-up in one statement, as {@code SignupStore} writes a
     * volunteer's own sign-up, and the shift's counter to match.
     */
    private static Gate openGate(BenchContext context, String title, OffsetDateTime startsAt,
            List<SeededVolunteer> volunteers) throws IOException, SQLException {
        Map<String, Object> activity = new HashMap<>();
        activity.put("title", title);
        activity.put("category", "EVENTS");
        activity.put("organisationId", CitySeeder.ROOT_ID);
        activity.put("description", "学雷锋纪念日大型活动，现场扫码签到高峰基准测试。");
        activity.put("place", Map.of("address", "开封市鼓楼广场", "lat", LAT, "lon", LON, "radiusMeters", 300));
        activity.put("approval", "AUTO");
        activity.put("waitlist", true);
        activity.put("shifts", List.of(Map.of("startsAt", ISO_OFFSET_DATE_TIME.format(startsAt),
                "endsAt", ISO_OFFSET_DATE_TIME.format(startsAt.plusHours(4)),
                "capacity", volunteers.size(), "position", "入口签到")));
        JsonNode created = context.asAdmin("POST", "/api/v1/activities", activity, 201);
        long activityId = created.path("id").asLong();
        context.asAdmin("POST", "/api/v1/activities/" + activityId + "/publish", null, 200);
        long shiftId = created.path("shifts").path(0).path("id").asLong();

        Long[] volunteerIds = volunteers.stream().map(SeededVolunteer::volunteerId).toArray(Long[]::new);
        Long[] accountIds = volunteers.stream().map(SeededVolunteer::accountId).toArray(Long[]::new);
        try (Connection connection = context.database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement signups = connection.prepareStatement("""
                    INSERT INTO signup (shift_id, volunteer_id, status, during, created_by)
                    SELECT s.id, v.volunteer_id, 'CONFIRMED', tstzrange(s.starts_at, s.ends_at), v.account_id
                    FROM shift s, unnest(?::bigint[], ?::bigint[]) AS v (volunteer_id, account_id)
                    WHERE s.id = ?""");
                    PreparedStatement counters = connection.prepareStatement(
                            "UPDATE shift SET confirmed = confirmed + ? WHERE id = ?")) {
                signups.setArray(1, connection.createArrayOf("bigint", volunteerIds));
                signups.setArray(2, connection.createArrayOf("bigint", accountIds));
                signups.setLong(3, shiftId);
                int inserted = signups.executeUpdate();
                counters.setInt(1, inserted);
                counters.setLong(2, shiftId);
                counters.executeUpdate();
                if (inserted != volunteers.size()) {
                    throw new IllegalStateException("wrote " + inserted + " sign-ups for " + volunteers.size());
                }
            }
            connection.commit();
        }
        try (Connection connection = context.database.connect(); var statement = connection.createStatement()) {
            statement.execute("ANALYZE signup; ANALYZE attendance");
        }
        JsonNode shown = context.asAdmin("GET", "/api/v1/activities/" + activityId, null, 200).path("shifts").path(0);
        if (shown.path("confirmed").asLong() != volunteers.size()) {
            throw new IllegalStateException("the API shows " + shown.path("confirmed") + " confirmed on shift " + shiftId
                    + ", not " + volunteers.size());
        }
        return new Gate(shiftId, List.copyOf(volunteers));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private record Gate(long shiftId, List<SeededVolunteer> volunteers) {
    }

    /**
     * The organiser's screen: the current attendance code of the shift, fetched through the API now and then every
     * {@value #CODE_REFRESH_SECONDS} s in the background (a code lives 30 to 60 s), until closed.
     */
    private static final class Screen implements AutoCloseable {

        private final BenchContext context;
        private final long shiftId;
        private final AtomicReference<String> code = new AtomicReference<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final AtomicInteger fetched = new AtomicInteger();
        private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-attendance-code");
            thread.setDaemon(true);
            return thread;
        });

        Screen(BenchContext context, long shiftId) throws IOException {
            this.context = context;
            this.shiftId = shiftId;
            fetch();
            refresher.scheduleAtFixedRate(() -> {
                try {
                    fetch();
                } catch (Exception e) {
                    failure.set(e);
                }
            }, CODE_REFRESH_SECONDS, CODE_REFRESH_SECONDS, TimeUnit.SECONDS);
        }

        private void fetch() throws IOException {
            JsonNode answer = context.asAdmin("GET", "/api/v1/shifts/" + shiftId + "/attendance-code", null, 200);
            code.set(answer.path("code").asString());
            fetched.incrementAndGet();
        }

        String code() {
            Exception failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("the organiser's screen could not fetch a new code", failed);
            }
            return code.get();
        }

        @Override
        public void close() {
            refresher.shutdownNow();
        }
    }

    /** Each volunteer of the list checks in once, in list order across all clients. */
    private static final class CheckIns implements Workload {

        private final BenchContext context;
        private final long shiftId;
        private final Screen screen;
        private final List<SeededVolunteer> volunteers;
        private final AtomicInteger next = new AtomicInteger();
        /** Volunteer id to the attendance id their answer named. */
        final Map<Long, Long> answers = new ConcurrentHashMap<>();
        final Set<String> codesUsed = ConcurrentHashMap.newKeySet();
        final AtomicLong twice = new AtomicLong();

        CheckIns(BenchContext context, long shiftId, Screen screen, List<SeededVolunteer> volunteers) {
            this.context = context;
            this.shiftId = shiftId;
            this.screen = screen;
            this.volunteers = volunteers;
        }

        @Override
        public Request next(int client) {
            int index = next.getAndIncrement();
            if (index >= volunteers.size()) {
                return null;
            }
            SeededVolunteer volunteer = volunteers.get(index);
            String code = screen.code();
            codesUsed.add(code);
            // A phone at the gate: a few metres from the activity's point, with the accuracy browsers report.
            String body = context.toJson(Map.of("code", code, "lat", LAT + (index % 7) * 0.00001,
                    "lon", LON - (index % 5) * 0.00001, "accuracy", 15));
            return Request.post("check-in", "/api/v1/attendance/check-in", volunteer.token(), body, volunteer);
        }

        @Override
        public String check(Request request, Answer answer) {
            if (!answer.is(200)) {
                return "expected 200: " + answer.body();
            }
            SeededVolunteer volunteer = (SeededVolunteer) request.subject();
            JsonNode body = context.parse(answer.body());
            if (body.path("shiftId").asLong() != shiftId || body.path("volunteerId").asLong() != volunteer.volunteerId()
                    || !"CHECKED_IN".equals(body.path("status").asString(""))
                    || !"QR".equals(body.path("checkInMethod").asString(""))) {
                return "not this volunteer's check-in to this shift: " + answer.body();
            }
            Long before = answers.putIfAbsent(volunteer.volunteerId(), body.path("id").asLong());
            if (before != null) {
                twice.incrementAndGet();
                return "a second check-in answer for the same volunteer";
            }
            return null;
        }
    }
}
