package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.attendance.CheckedOut;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.leifeng.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** What is hashed is what is stored, whichever path writes the ledger; and health shows the latest verification. */
@LeifengTest
class LedgerIntegrityIntegrationTest {

    /** The activities' place (radius 300 m) and a point 100 m from it. */
    private static final double LAT = 34.80;
    private static final double LON = 114.35;
    private static final double NEAR_LAT = 34.8009;

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Ledger ledger;
    @Autowired
    Hours hours;
    @Autowired
    LedgerVerification verification;
    @Autowired
    LedgerWatch watch;

    HoursFixture fixture;
    String organiser;

    @BeforeEach
    void setUp() {
        fixture = new HoursFixture(client, jdbc);
        organiser = fixture.districtAdmin();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void everyPathThatWritesTheLedgerVerifiesIntactWithANanosecondClock() {
        clock.tickInNanoseconds();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(10).withSecond(0).withNano(0);
        long shift = longtingShift(start);
        HoursFixture.Volunteer scanning = signedUp(shift);
        HoursFixture.Volunteer atTheKiosk = signedUp(shift);
        HoursFixture.Volunteer forgetful = signedUp(shift);
        String number = atTheKiosk.profile().get("volunteerNumber").asString();
        assertThat(scan("check-in", shift, scanning).status()).isEqualTo(200);
        assertThat(kiosk(shift, number, "CHECK_IN").status()).isEqualTo(200);
        long forgotten = scan("check-in", shift, forgetful).id();

        clock.advance(Duration.ofMinutes(70));
        TestClient.Answer scannedOut = scan("check-out", shift, scanning);
        TestClient.Answer kioskOut = kiosk(shift, number, "CHECK_OUT");
        clock.advance(Duration.ofHours(3));
        TestClient.Answer closed = client.post("/api/v1/attendance/" + forgotten + "/close", organiser,
                Map.of("creditUntil", start.plusMinutes(60).plusNanos(123_456_789).toString()));
        assertThat(scannedOut.status()).as(scannedOut.body()).isEqualTo(200);
        assertThat(kioskOut.status()).as(kioskOut.body()).isEqualTo(200);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        HoursFixture.Held held = fixture.heldActivity("北书店街道", 3);
        HoursFixture.Volunteer enteredByHand = fixture.volunteer();
        TestClient.Answer entered = client.post("/api/v1/service-records", organiser, fixture.manual(enteredByHand.id(),
                held, Duration.ofMinutes(20).plusNanos(123_456_789), Duration.ofMinutes(130).plusNanos(987_654_321),
                "扫码设备故障，手工补录"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        TestClient.Answer approved = client.post("/api/v1/service-records/" + entered.id() + "/approve",
                fixture.streetAdmin("北书店街道"), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        HoursFixture.Volunteer refused = fixture.volunteer();
        TestClient.Answer doubtful = client.post("/api/v1/service-records", organiser, fixture.manual(refused.id(), held,
                Duration.ofMinutes(5).plusNanos(1), Duration.ofMinutes(95).plusNanos(999), null));
        assertThat(doubtful.status()).as(doubtful.body()).isEqualTo(201);
        TestClient.Answer rejected = client.post("/api/v1/service-records/" + doubtful.id() + "/reject",
                fixture.streetAdmin("北书店街道"), Map.of("reason", "签到表上没有这位志愿者"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        HoursFixture.Volunteer fromHistory = fixture.volunteer();
        HoursFixture.Held history = fixture.heldActivity("北书店街道", 4);
        HoursFixture.Shift past = history.shifts().get(0);
        Instant servedFrom = past.startsAt().toInstant().plusNanos(123_456_789);
        transactions.executeWithoutResult(status -> ledger.appendHistory(fromHistory.id(), List.of(new EntryDraft(
                EntryKind.CREDIT, null, history.id(), history.title(), past.id(), history.organisationId(), servedFrom,
                past.endsAt().toInstant().minusNanos(1), past.startsAt().toLocalDate(), new BigDecimal("2.0"),
                new BigDecimal("2.0"), null, "demo:" + past.id() + ":" + fromHistory.id(), null))));
        // Loading history publishes no events: readers rebuild from the ledger after it, as after the demo city's load.
        TestClient.Answer rebuilt = client.post("/api/v1/stats/rebuild", client.adminToken(), null);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);

        List<HoursFixture.Volunteer> attended = List.of(scanning, atTheKiosk, forgetful);
        await().atMost(Duration.ofSeconds(20)).until(() -> attended.stream().allMatch(v -> entries(v) == 1));
        long credited = jdbc.sql("SELECT id FROM service_entry WHERE volunteer_id = :v AND seq = 1")
                .param("v", scanning.id()).query(Long.class).single();
        TestClient.Answer corrected = client.post("/api/v1/service-records/" + credited + "/corrections", organiser,
                Map.of("hours", 0.5, "reason", "提前离开，更正为半小时"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

        LedgerCheck whole = verification.verifyAll();
        assertThat(whole.intact()).as(String.valueOf(whole.firstBreak())).isTrue();
        for (HoursFixture.Volunteer volunteer : List.of(scanning, atTheKiosk, forgetful, enteredByHand, refused,
                fromHistory)) {
            JsonNode check = client.get("/api/v1/hours/verification?volunteerId=" + volunteer.id(), client.adminToken())
                    .json();
            assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        }
        assertThat(jdbc.sql("""
                SELECT kind FROM service_entry WHERE volunteer_id = ANY(:v) ORDER BY kind""")
                .param("v", new Long[] {scanning.id(), atTheKiosk.id(), forgetful.id(), enteredByHand.id(), refused.id(),
                        fromHistory.id()})
                .query(String.class).list())
                .containsExactly("APPROVAL", "CORRECTION", "CREDIT", "CREDIT", "CREDIT", "CREDIT", "MANUAL", "MANUAL",
                        "REJECTION");
    }

    @Test
    void healthShowsTheDemoCityVerifiedIntactAfterStart() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"UNKNOWN".equals(ledgerHealth().get("status").asString()));

        JsonNode ledgerHealth = ledgerHealth();
        JsonNode details = ledgerHealth.get("components").get("hoursLedger").get("details");
        TestClient.Answer health = client.get("/actuator/health", null);

        assertThat(ledgerHealth.get("status").asString()).as(ledgerHealth.toString()).isEqualTo("UP");
        assertThat(details.get("intact").asBoolean()).isTrue();
        assertThat(details.get("chains").asLong()).isPositive();
        assertThat(details.get("entries").asLong()).isGreaterThanOrEqualTo(details.get("chains").asLong());
        assertThat(OffsetDateTime.parse(details.get("verifiedAt").asString())).isNotNull();
        assertThat(jdbc.sql("SELECT intact FROM ledger_verification ORDER BY id LIMIT 1").query(Boolean.class).single())
                .as("the verification after the first start, over the demo city").isTrue();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("hoursLedger").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").has("details")).as("other details stay hidden").isFalse();
    }

    @Test
    void healthNamesWhereTheLedgerBrokeWhileTheApplicationStaysUp() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 8);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        HoursFixture.Shift shift = held.shifts().get(0);
        hours.credit(new CheckedOut(System.nanoTime(), volunteer.id(), held.id(), shift.id(), held.organisationId(),
                shift.startsAt().toInstant(), shift.endsAt().toInstant(), shift.startsAt().toInstant(),
                shift.endsAt().toInstant(), new BigDecimal("2.0"), null));
        long entry = jdbc.sql("SELECT id FROM service_entry WHERE volunteer_id = :v").param("v", volunteer.id())
                .query(Long.class).single();

        tamper(entry, "3.0");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.verifyNow().isPresent());
            JsonNode ledgerHealth = ledgerHealth();
            JsonNode health = client.get("/actuator/health", null).json();

            assertThat(ledgerHealth.get("status").asString()).as(ledgerHealth.toString()).isEqualTo("BROKEN");
            JsonNode broken = ledgerHealth.get("components").get("hoursLedger").get("details").get("firstBreak");
            assertThat(broken.get("volunteerId").asLong()).isEqualTo(volunteer.id());
            assertThat(broken.get("entryId").asLong()).isEqualTo(entry);
            assertThat(broken.get("seq").asInt()).isEqualTo(1);
            assertThat(broken.get("problem").asString()).isEqualTo("content");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").get("hoursLedger").get("status").asString()).isEqualTo("BROKEN");
        } finally {
            tamper(entry, "2.0");
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.verifyNow().isPresent());
        }
        assertThat(ledgerHealth().get("status").asString()).isEqualTo("UP");
    }

    // ---- helpers

    private JsonNode ledgerHealth() {
        TestClient.Answer answer = client.get("/actuator/health/ledger", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void tamper(long entryId, String hoursValue) {
        HoursFixture.tamperWithHours(transactions, jdbc, entryId, hoursValue);
    }

    private long entries(HoursFixture.Volunteer volunteer) {
        return jdbc.sql("SELECT count(*) FROM service_entry WHERE volunteer_id = :v").param("v", volunteer.id())
                .query(Long.class).single();
    }

    /** A published activity of 龙亭区 with one 2-hour shift from {@code start}. */
    private long longtingShift(OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "签到记账 " + TestClient.unique(""));
        body.put("category", "COMMUNITY");
        body.put("organisationId", fixture.organisation("龙亭区"));
        body.put("description", "签到");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", LAT, "lon", LON, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", false);
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", 10)));
        TestClient.Answer created = client.post("/api/v1/activities", organiser, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null).status())
                .isEqualTo(200);
        return created.json().get("shifts").get(0).get("id").asLong();
    }

    private HoursFixture.Volunteer signedUp(long shift) {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        TestClient.Answer signedUp = client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null);
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
        return volunteer;
    }

    private TestClient.Answer scan(String action, long shift, HoursFixture.Volunteer volunteer) {
        TestClient.Answer code = client.get("/api/v1/shifts/" + shift + "/attendance-code", organiser);
        assertThat(code.status()).as(code.body()).isEqualTo(200);
        return client.post("/api/v1/attendance/" + action, volunteer.token(),
                Map.of("code", code.json().get("code").asString(), "lat", NEAR_LAT, "lon", LON, "accuracy", 20));
    }

    private TestClient.Answer kiosk(long shift, String number, String action) {
        return client.post("/api/v1/shifts/" + shift + "/attendance", organiser,
                Map.of("volunteerNumber", number, "action", action));
    }
}
