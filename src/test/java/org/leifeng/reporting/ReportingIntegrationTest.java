package org.leifeng.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leifeng.support.Problems.assertProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.activity.PeopleServedRecorded;
import org.leifeng.attendance.CheckedOut;
import org.leifeng.hours.HoursCredited;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.leifeng.support.TestClock;
import org.leifeng.volunteer.VolunteerRegistered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Figures of a street created for the test (so nothing else counts in it), checked against sums worked out by hand;
 * days are Asia/Shanghai days.
 */
@LeifengTest
class ReportingIntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong ATTENDANCES = new AtomicLong(3_000_000_000L + System.nanoTime() % 1_000_000L);

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Reports reports;
    @Autowired
    TestClock clock;

    String admin;
    String district;
    long street;
    LocalDate today;

    @BeforeEach
    void setUp() {
        admin = client.adminToken();
        district = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        long longting = client.organisationId("龙亭区", admin);
        street = client.newOrganisation(admin, TestClient.unique("报表街道"), "STREET", longting);
        today = LocalDate.now(CITY);
    }

    @Test
    void theOverviewAddsUpTheLedgerOfTheSubtreeAndComparesWithThePreviousPeriod() {
        LocalDate first = today.minusDays(10);
        LocalDate second = today.minusDays(9);
        Held held = held(List.of(first.atTime(9, 0), second.atTime(9, 0)), 3);
        long ann = volunteer();
        long bob = volunteer();
        credit(ann, held, 0, "2.0");
        credit(bob, held, 0, "1.5");
        credit(ann, held, 1, "3.0");

        JsonNode overview = awaitOverview(first, today, "6.5");

        assertThat(overview.get("activeVolunteers").asLong()).isEqualTo(2);
        assertThat(overview.get("participations").asLong()).isEqualTo(3);
        assertThat(overview.get("activities").asLong()).isEqualTo(1);
        assertThat(overview.get("volunteers").asLong()).isEqualTo(2);
        assertThat(overview.get("newRegistrations").asLong()).isEqualTo(2);
        assertThat(overview.get("averageHoursPerActiveVolunteer").decimalValue()).isEqualByComparingTo("3.3");
        assertThat(overview.get("hoursByCategory").get("COMMUNITY").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(overview.get("previous").get("serviceHours").decimalValue()).isEqualByComparingTo("0");
        JsonNode firstDay = stats("overview", first, first);
        assertThat(firstDay.get("serviceHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(firstDay.get("volunteers").asLong()).as("registered after that day").isZero();
    }

    @Test
    void serviceCountsOnTheDayItBeganInTheCityEvenWhenItRunsPastMidnight() {
        LocalDate night = today.minusDays(6);
        Held held = held(List.of(night.atTime(23, 0)), 3);
        long owl = volunteer();

        credit(owl, held, 0, "2.0");

        awaitOverview(night, night, "2.0");
        assertThat(stats("overview", night.plusDays(1), night.plusDays(1)).get("serviceHours").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void aCorrectionChangesTheFiguresOfThePeriodTheServiceHappenedIn() {
        LocalDate served = today.minusDays(20);
        Held held = held(List.of(served.atTime(9, 0)), 3);
        long volunteer = volunteer();
        credit(volunteer, held, 0, "3.0");
        awaitOverview(served, served, "3.0");
        long record = jdbc.sql("SELECT id FROM service_entry WHERE volunteer_id = :v").param("v", volunteer)
                .query(Long.class).single();

        assertThat(client.post("/api/v1/service-records/" + record + "/corrections", district,
                Map.of("hours", 1.0, "reason", "只服务了一小时")).status()).isEqualTo(201);

        JsonNode corrected = awaitOverview(served, served, "1.0");
        assertThat(corrected.get("participations").asLong()).as("still one record").isEqualTo(1);
        assertThat(stats("overview", today.minusDays(1), today).get("serviceHours").decimalValue())
                .as("the correction is not counted on the day it was made").isEqualByComparingTo("0");
    }

    @Test
    void aRedeliveredEventIsCountedOnceAndARebuildGivesTheSameFigures() {
        LocalDate served = today.minusDays(15);
        Held held = held(List.of(served.atTime(9, 0)), 3);
        long volunteer = volunteer();
        credit(volunteer, held, 0, "2.5");
        JsonNode before = awaitOverview(served, served, "2.5");
        long entry = jdbc.sql("SELECT id FROM service_entry WHERE volunteer_id = :v").param("v", volunteer)
                .query(Long.class).single();

        HoursCredited again = new HoursCredited(entry, volunteer, street, held.id(), served, new BigDecimal("2.5"), null);
        reports.apply(again);
        reports.rebuild();
        reports.apply(again);

        JsonNode after = stats("overview", served, served);
        assertThat(after.get("serviceHours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(after.toString()).isEqualTo(before.toString());
        assertThat(reports.reconcile().consistent()).isTrue();
    }

    @Test
    void aChangedCategoryMovesTheActivitysHoursToItAsARebuildWould() {
        LocalDate served = today.minusDays(16);
        Held held = held(List.of(served.atTime(9, 0)), 3);
        credit(volunteer(), held, 0, "2.5");
        awaitOverview(served, today, "2.5");
        creditToday(volunteer(), held, "1.5");
        awaitOverview(served, today, "4.0");

        TestClient.Answer changed = client.patch("/api/v1/activities/" + held.id(), district, Map.of(
                "title", "敬老院陪伴（改）", "category", "ELDERLY", "description", "统计", "approval", "AUTO",
                "waitlist", false));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        awaitEventsHandled();

        JsonNode kept = stats("overview", served, today).get("hoursByCategory");
        reports.rebuild();
        JsonNode rebuilt = stats("overview", served, today).get("hoursByCategory");
        assertThat(kept).as("figures kept from events agree with a rebuild").isEqualTo(rebuilt);
        assertThat(kept.get("ELDERLY").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(kept.has("COMMUNITY")).as("nothing left under the former category").isFalse();
        assertThat(reports.reconcile().consistent()).isTrue();
    }

    @Test
    void todaysServiceAddsToThePastDaysWithoutCountingAVolunteerTwice() {
        LocalDate earlier = today.minusDays(5);
        Held held = held(List.of(earlier.atTime(9, 0)), 3);
        long regular = volunteer();
        long newcomer = volunteer();
        credit(regular, held, 0, "2.0");
        JsonNode past = awaitOverview(earlier, today, "2.0");
        assertThat(past.get("activeVolunteers").asLong()).isEqualTo(1);

        creditToday(regular, held, "1.0");
        creditToday(newcomer, held, "1.5");

        JsonNode withToday = awaitOverview(earlier, today, "4.5");
        assertThat(withToday.get("activeVolunteers").asLong()).as("the regular once, the newcomer").isEqualTo(2);
        assertThat(stats("overview", today, today).get("activeVolunteers").asLong()).isEqualTo(2);
        assertThat(stats("overview", earlier, today.minusDays(1)).get("activeVolunteers").asLong()).isEqualTo(1);
        JsonNode trend = client.get("/api/v1/stats/trend?organisationId=" + street, district).json();
        assertThat(trend.toString()).contains("\"activeVolunteers\":2");
    }

    @Test
    void aRegistrationHandledLateCountsOnTheDayItWasMade() {
        LocalDate threeDaysAgo = today.minusDays(3);
        OffsetDateTime registeredAt = threeDaysAgo.atTime(10, 0).atZone(CITY).toOffsetDateTime();
        transactions.executeWithoutResult(status -> events.publishEvent(new VolunteerRegistered(
                ATTENDANCES.incrementAndGet(), ATTENDANCES.incrementAndGet(), street, registeredAt)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                stats("overview", threeDaysAgo, threeDaysAgo).get("newRegistrations").asLong()).isEqualTo(1));
        assertThat(stats("overview", today, today).get("newRegistrations").asLong()).isZero();
    }

    @Test
    void aFactAboutTodayMarksPastFiguresStaleOnlyInTheLastMinutesBeforeMidnight() {
        long volunteer = volunteer();
        // The registration is reported asynchronously, and earlier tests' attendances may still become credits: any
        // of them handled after the clock moves would be a fact about a day gone by, and bump the version too.
        awaitEventsHandled();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(CITY));
        ZonedDateTime noon = now.toLocalDate().plusDays(1).atTime(12, 0).atZone(CITY);
        try {
            clock.advance(Duration.between(now, noon));
            long before = pastVersion();
            reports.apply(new HoursCredited(ATTENDANCES.incrementAndGet(), volunteer, street, null, noon.toLocalDate(),
                    new BigDecimal("1.0"), null));
            assertThat(pastVersion()).as("at noon, today's fact only changes today's figures").isEqualTo(before);

            clock.advance(Duration.ofHours(11).plusMinutes(57));
            reports.apply(new HoursCredited(ATTENDANCES.incrementAndGet(), volunteer, street, null, noon.toLocalDate(),
                    new BigDecimal("1.0"), null));
            assertThat(pastVersion()).as("at 23:57 it may commit after midnight").isEqualTo(before + 1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theReconciliationNamesFiguresThatDriftedFromTheLedgerAndARebuildMendsThem() {
        jdbc.sql("""
                INSERT INTO report_service_day (organisation_id, day, activity_id, category, hours, participations)
                VALUES (:org, :day, 0, 'OTHER', 7.0, 1)""").param("org", street).param("day", today.minusDays(3)).update();

        JsonNode check = client.get("/api/v1/stats/reconciliation", admin).json();

        assertThat(check.get("consistent").asBoolean()).isFalse();
        assertThat(check.get("drifts")).anySatisfy(drift -> {
            assertThat(drift.get("organisationId").asLong()).isEqualTo(street);
            assertThat(drift.get("figures").decimalValue()).isEqualByComparingTo("7.0");
        });
        assertThat(client.post("/api/v1/stats/rebuild", admin, null).json().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void theRankingComparesTheDirectChildrenMostHoursFirst() {
        LocalDate served = today.minusDays(12);
        Held held = held(List.of(served.atTime(9, 0)), 3);
        credit(volunteer(), held, 0, "3.0");
        awaitOverview(served, served, "3.0");

        JsonNode ranking = client.get("/api/v1/stats/ranking?organisationId=" + client.organisationId("龙亭区", admin)
                + "&from=" + served + "&to=" + served, district).json();

        List<BigDecimal> hours = ranking.get("items").valueStream().map(item -> item.get("serviceHours").decimalValue())
                .toList();
        assertThat(hours).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ranking.get("items")).anySatisfy(item -> {
            assertThat(item.get("organisationId").asLong()).isEqualTo(street);
            assertThat(item.get("serviceHours").decimalValue()).isEqualByComparingTo("3.0");
            assertThat(item.get("activeVolunteers").asLong()).isEqualTo(1);
        });
    }

    @Test
    void theRankingsRowsAddUpToTheOverviewWithARowForTheOrganisationsOwnLevel() {
        long longting = client.organisationId("龙亭区", admin);
        LocalDate from = today.minusYears(1);

        JsonNode overview = client.get("/api/v1/stats/overview?organisationId=" + longting + "&from=" + from, district)
                .json();
        JsonNode ranking = client.get("/api/v1/stats/ranking?organisationId=" + longting + "&from=" + from, district)
                .json();

        assertThat(ranking.get("items").valueStream().map(item -> item.get("serviceHours").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(overview.get("serviceHours").decimalValue());
        assertThat(ranking.get("items").valueStream().mapToLong(item -> item.get("volunteers").asLong()).sum())
                .isEqualTo(overview.get("volunteers").asLong());
        assertThat(ranking.get("items").valueStream().filter(item -> item.path("ownLevel").asBoolean()).toList())
                .singleElement().satisfies(own -> {
                    assertThat(own.get("organisationId").asLong()).isEqualTo(longting);
                    assertThat(own.get("name").asString()).isEqualTo("龙亭区");
                    assertThat(own.get("serviceHours").decimalValue()).isPositive();
                });
        assertThat(ranking.get("items")).filteredOn(item -> !item.path("ownLevel").asBoolean())
                .allSatisfy(item -> assertThat(item.get("ownLevel").asBoolean()).isFalse());
    }

    @Test
    void figuresThePlatformDoesNotCountYetAreAnsweredAsNull() {
        JsonNode overview = client.get("/api/v1/stats/overview", district).json();

        for (JsonNode figures : List.of(overview, overview.get("previous"))) {
            assertThat(figures.has("requestsCompleted")).isTrue();
            assertThat(figures.get("requestsCompleted").isNull()).isTrue();
            assertThat(figures.has("averageRating")).isTrue();
            assertThat(figures.get("averageRating").isNull()).isTrue();
        }
    }

    @Test
    void starLevelsAndTheTopActivitiesOfTheSubtreeAreCounted() {
        Held long10 = heldDaily(10);
        long tireless = volunteer();
        for (int day = 0; day < 10; day++) {
            credit(tireless, long10, day, "10.0");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(oneStarVolunteers()).isEqualTo(1));
        JsonNode top = stats("top", today.minusDays(60), today);
        assertThat(top.get("activities").get(0).get("id").asLong()).isEqualTo(long10.id());
        assertThat(top.get("activities").get(0).get("serviceHours").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(top.get("activities").get(0).get("participations").asLong()).isEqualTo(10);
    }

    @Test
    void starCountsOnceShownFollowEachLaterChangeOfALevelAndOnlyThose() {
        Held long12 = heldDaily(12);
        long ann = volunteer();
        long bob = volunteer();
        for (int day = 0; day < 9; day++) {
            credit(ann, long12, day, "10.0");
            credit(bob, long12, day, "10.0");
        }
        awaitEventsHandled();
        assertThat(oneStarVolunteers()).as("90 hours each: no star yet").isZero();

        credit(ann, long12, 9, "10.0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(oneStarVolunteers()).isEqualTo(1));
        long starChanges = starChanges();
        credit(ann, long12, 10, "10.0");
        awaitEventsHandled();
        assertThat(starChanges()).as("110 hours is still one star").isEqualTo(starChanges);

        credit(bob, long12, 9, "10.0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(oneStarVolunteers()).isEqualTo(2));
        assertThat(starChanges()).isGreaterThan(starChanges);
    }

    /** The street's one-star volunteers in the overview of the last 60 days. */
    private long oneStarVolunteers() {
        return stats("overview", today.minusDays(60), today).get("starLevels").path("1").asLong();
    }

    /** An activity of the street held at 07:00 on each of {@code days} days, 40 days ago and the days before. */
    private Held heldDaily(int days) {
        return held(IntStream.range(0, days).mapToObj(day -> today.minusDays(40 + day).atTime(7, 0))
                .toList(), 3);
    }

    private long starChanges() {
        return jdbc.sql("SELECT star_changes FROM report_version").query(Long.class).single();
    }

    @Test
    void peopleServedAreWhatTheOrganiserRecordedForTheActivitiesHeldInThePeriod() {
        LocalDate held = today.minusDays(8);
        Held activity = held(List.of(held.atTime(9, 0)), 3);

        assertThat(client.put("/api/v1/activities/" + activity.id() + "/people-served", district,
                Map.of("peopleServed", 35)).status()).isEqualTo(200);
        assertThat(client.put("/api/v1/activities/" + activity.id() + "/people-served", district,
                Map.of("peopleServed", 42)).status()).as("a second count replaces the first").isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                stats("overview", held, held).get("peopleServed").asLong()).isEqualTo(42));
        assertThat(stats("overview", held.plusDays(1), today).get("peopleServed").asLong()).isZero();
        reports.peopleServed(new PeopleServedRecorded(activity.id(), street, held, 7, Instant.EPOCH));
        assertThat(stats("overview", held, held).get("peopleServed").asLong()).as("an older recording arriving late")
                .isEqualTo(42);
        assertProblem(client.put("/api/v1/activities/" + activity.id() + "/people-served", district,
                Map.of("peopleServed", -1)), 400);
    }

    @Test
    void administratorsSeeOnlyTheirOwnSubtree() {
        assertProblem(client.get("/api/v1/stats/overview?organisationId=" + street,
                client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD)), 404);
        assertThat(client.get("/api/v1/stats/overview", district).json().get("organisationName").asString())
                .isEqualTo("龙亭区");
        assertProblem(client.get("/api/v1/stats/reconciliation", district), 404);
        assertProblem(client.get("/api/v1/stats/overview?from=2026-05-02&to=2026-05-01", district), 400);
        assertProblem(client.get("/api/v1/stats/overview?from=yesterday", district), 400);
    }

    // ---- helpers

    private JsonNode awaitOverview(LocalDate from, LocalDate to, String hours) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                stats("overview", from, to).get("serviceHours").decimalValue()).isEqualByComparingTo(hours));
        return stats("overview", from, to);
    }

    private JsonNode stats(String what, LocalDate from, LocalDate to) {
        TestClient.Answer answer = client.get("/api/v1/stats/" + what + "?organisationId=" + street + "&from=" + from
                + "&to=" + to, district);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void credit(long volunteerId, Held held, int shift, String hours) {
        Instant from = held.starts().get(shift).toInstant();
        Instant until = from.plus(Duration.ofHours(2));
        CheckedOut attended = new CheckedOut(ATTENDANCES.incrementAndGet(), volunteerId, held.id(), held.shiftIds().get(shift),
                street, from, until, from, until, new BigDecimal(hours), null);
        transactions.executeWithoutResult(status -> events.publishEvent(attended));
    }

    /** A service that began within the last hour (or at midnight, just after it), so on today's city date. */
    private void creditToday(long volunteerId, Held held, String hours) {
        Instant now = Instant.now();
        Instant midnight = today.atStartOfDay(CITY).toInstant();
        Instant from = now.minus(Duration.ofHours(1)).isBefore(midnight) ? midnight : now.minus(Duration.ofHours(1));
        CheckedOut attended = new CheckedOut(ATTENDANCES.incrementAndGet(), volunteerId, held.id(), held.shiftIds().get(0),
                street, from, now, from, now, new BigDecimal(hours), null);
        transactions.executeWithoutResult(status -> events.publishEvent(attended));
    }

    /** Every event published so far has been handled (or failed for good), a credit that one led to included. */
    private void awaitEventsHandled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND coalesce(status, '') <> 'FAILED'""").query(Long.class).single() == 0);
    }

    private long pastVersion() {
        return jdbc.sql("SELECT past_changes FROM report_version").query(Long.class).single();
    }

    private long volunteer() {
        var body = People.registration(People.adultId(), TestClient.uniquePhone());
        body.put("organisationId", street);
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.id();
    }

    /** A held (back-filled) activity of the street with 2-hour shifts starting at these local times. */
    private Held held(List<LocalDateTime> starts, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", TestClient.unique("报表活动 "));
        body.put("category", "COMMUNITY");
        body.put("organisationId", street);
        body.put("description", "统计");
        body.put("approval", "AUTO");
        body.put("waitlist", false);
        List<OffsetDateTime> times = starts.stream().map(start -> start.atZone(CITY).toOffsetDateTime()).toList();
        body.put("shifts", times.stream().map(start -> Map.<String, Object>of("startsAt", start.toString(),
                "endsAt", start.plusHours(2).toString(), "capacity", capacity)).toList());
        TestClient.Answer created = client.post("/api/v1/activities", district, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", district, null).status()).isEqualTo(200);
        List<Long> shiftIds = created.json().get("shifts").valueStream()
                .sorted(Comparator.comparing(shift -> shift.get("startsAt").asString()))
                .map(shift -> shift.get("id").asLong()).toList();
        return new Held(created.id(), times.stream().sorted().toList(), shiftIds);
    }

    private record Held(long id, List<OffsetDateTime> starts, List<Long> shiftIds) {
    }
}
