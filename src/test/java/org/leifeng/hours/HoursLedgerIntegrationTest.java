package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.leifeng.support.Problems.assertProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.attendance.CheckedOut;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.PublishedEvents;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

@LeifengTest
class HoursLedgerIntegrationTest {

    private static final AtomicLong ATTENDANCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hours hours;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PublishedEvents published;
    @Autowired
    LedgerVerification verification;

    HoursFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new HoursFixture(client, jdbc);
    }

    @Test
    void creditsAnAttendanceOnceHoweverOftenItsEventIsDelivered() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 10);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        CheckedOut attended = attended(volunteer.id(), held, 0, new BigDecimal("2.0"));

        publish(attended);
        publish(attended);
        hours.credit(attended);

        await().atMost(Duration.ofSeconds(10)).until(() -> total(volunteer).compareTo(new BigDecimal("2.0")) == 0);
        JsonNode mine = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json();
        assertThat(mine.get("records")).hasSize(1);
        assertThat(mine.get("records").get(0).get("status").asString()).isEqualTo("CREDITED");
        assertThat(mine.get("records").get(0).get("activityTitle").asString()).isEqualTo(held.title());
    }

    @Test
    void refusesAttendedTimeThatOverlapsTimeAlreadyCreditedAndSaysWhy() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 10);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("2.0")));

        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("2.0")));

        JsonNode mine = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json();
        assertThat(mine.get("totalHours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(mine.get("records")).extracting(record -> record.get("status").asString())
                .containsExactlyInAnyOrder("CREDITED", "REFUSED");
        assertThat(mine.get("records")).anySatisfy(record -> assertThat(record.get("reason").asString()).isEqualTo("overlap"));
    }

    @Test
    void aManualEntryCountsOnlyOnceAnotherAdministratorApprovesIt() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 3);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        String enterer = fixture.districtAdmin();
        TestClient.Answer entered = client.post("/api/v1/service-records", enterer,
                fixture.manual(volunteer.id(), held, Duration.ofMinutes(20), Duration.ofMinutes(130), "扫码设备故障，手工补录"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        assertThat(entered.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(entered.json().get("hours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(total(volunteer)).isEqualByComparingTo("0");

        assertProblem(client.post("/api/v1/service-records/" + entered.id() + "/approve", enterer, null), 403);
        TestClient.Answer approved = client.post("/api/v1/service-records/" + entered.id() + "/approve",
                fixture.streetAdmin("北书店街道"), null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("CREDITED");
        assertThat(total(volunteer)).isEqualByComparingTo("2.0");
        assertThat(published.of(HoursCredited.class)).anySatisfy(credited -> {
            assertThat(credited.volunteerId()).isEqualTo(volunteer.id());
            assertThat(credited.hours()).isEqualByComparingTo("2.0");
        });
        assertProblem(client.post("/api/v1/service-records/" + entered.id() + "/approve", client.adminToken(), null), 409);
    }

    @Test
    void serviceMoreThanThirtyDaysAgoNeedsAnAdministratorOneLevelUp() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 40);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        TestClient.Answer entered = client.post("/api/v1/service-records", fixture.streetAdmin("北书店街道"),
                fixture.manual(volunteer.id(), held, Duration.ZERO, Duration.ofHours(2), null));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);

        TestClient.Answer byStreet = client.post("/api/v1/service-records/" + entered.id() + "/approve",
                fixture.streetAdmin("北书店街道"), null);
        assertProblem(byStreet, 403);
        TestClient.Answer byDistrict = client.post("/api/v1/service-records/" + entered.id() + "/approve",
                fixture.districtAdmin(), null);

        assertThat(byDistrict.status()).as(byDistrict.body()).isEqualTo(200);
    }

    @Test
    void aCorrectionIsANewEntryThatChangesTheTotalAndLeavesTheRecordAsItWas() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 5);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("2.0")));
        long record = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json()
                .get("records").get(0).get("id").asLong();

        TestClient.Answer corrected = client.post("/api/v1/service-records/" + record + "/corrections",
                fixture.districtAdmin(), Map.of("hours", 1.5, "reason", "提前半小时离开"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().get("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(corrected.json().get("recordedHours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(total(volunteer)).isEqualByComparingTo("1.5");
        assertThat(jdbc.sql("SELECT kind FROM service_entry WHERE volunteer_id = :v ORDER BY seq")
                .param("v", volunteer.id()).query(String.class).list()).containsExactly("CREDIT", "CORRECTION");
        assertThat(jdbc.sql("SELECT hours FROM service_entry WHERE id = :id").param("id", record)
                .query(BigDecimal.class).single()).isEqualByComparingTo("2.0");
        assertThat(published.of(HoursCredited.class)).anySatisfy(credited -> {
            assertThat(credited.correctsEntryId()).isEqualTo(record);
            assertThat(credited.hours()).isEqualByComparingTo("-0.5");
        });
    }

    @Test
    void aVolunteersDisputeEndsInACorrectionByTheOrganiser() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 6);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("1.0")));
        long record = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json()
                .get("records").get(0).get("id").asLong();

        TestClient.Answer disputed = client.post("/api/v1/service-records/" + record + "/disputes", volunteer.token(),
                Map.of("comment", "我服务了两个小时，签退时扫码失败"));
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(201);
        assertProblem(client.post("/api/v1/service-records/" + record + "/disputes", volunteer.token(),
                Map.of("comment", "again")), 409);
        assertThat(client.get("/api/v1/disputes", fixture.districtAdmin()).json())
                .anySatisfy(dispute -> assertThat(dispute.get("id").asLong()).isEqualTo(disputed.id()));

        TestClient.Answer resolved = client.post("/api/v1/disputes/" + disputed.id() + "/resolve",
                fixture.districtAdmin(), Map.of("hours", 2.0, "reply", "已核实签到表，更正为 2 小时"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("CORRECTED");
        assertThat(total(volunteer)).isEqualByComparingTo("2.0");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteLedgerEntries() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 7);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("2.0")));

        assertThatThrownBy(() -> jdbc.sql("UPDATE service_entry SET hours = 9 WHERE volunteer_id = :v")
                .param("v", volunteer.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM service_entry WHERE volunteer_id = :v")
                .param("v", volunteer.id()).update()).hasMessageContaining("append-only");
    }

    @Test
    void theVerificationNamesTheEntryChangedBehindTheApplicationsBack() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 8);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("2.0")));
        hours.credit(attended(volunteer.id(), fixture.heldActivity("北书店街道", 9), 0, new BigDecimal("2.0")));
        long first = jdbc.sql("SELECT id FROM service_entry WHERE volunteer_id = :v AND seq = 1")
                .param("v", volunteer.id()).query(Long.class).single();
        String path = "/api/v1/hours/verification?volunteerId=" + volunteer.id();
        assertThat(client.get(path, client.adminToken()).json().get("intact").asBoolean()).isTrue();

        tamper(first, "3.0");
        try {
            JsonNode check = client.get(path, client.adminToken()).json();

            assertThat(check.get("intact").asBoolean()).isFalse();
            assertThat(check.get("firstBreak").get("entryId").asLong()).isEqualTo(first);
            assertThat(check.get("firstBreak").get("problem").asString()).isEqualTo("content");
        } finally {
            tamper(first, "2.0");
        }
        assertThat(client.get(path, client.adminToken()).json().get("intact").asBoolean()).isTrue();
        assertProblem(client.get(path, fixture.districtAdmin()), 404);
    }

    @Test
    void concurrentCreditsOfOneVolunteerKeepOneUnbrokenChainAndTheExactTotal() throws Exception {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 11, 24);
        AtomicInteger next = new AtomicInteger();

        Concurrently.run(24, () -> {
            hours.credit(attended(volunteer.id(), held, next.getAndIncrement(), new BigDecimal("1.0")));
            return null;
        });

        assertThat(total(volunteer)).isEqualByComparingTo("24.0");
        LedgerCheck check = transactions.execute(status -> verification.verify(volunteer.id()));
        assertThat(check.intact()).as(String.valueOf(check.firstBreak())).isTrue();
        assertThat(check.entries()).isEqualTo(24);
    }

    @Test
    void reachingOneHundredHoursMakesAOneStarVolunteerAnnouncedOnce() {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        IntStream.range(0, 11).forEach(day -> {
            HoursFixture.Held held = fixture.heldActivity("北书店街道", 12 + day, 1, 10);
            hours.credit(attended(volunteer.id(), held, 0, new BigDecimal("10.0")));
        });

        JsonNode mine = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json();
        assertThat(mine.get("starLevel").asInt()).isEqualTo(1);
        assertThat(mine.get("nextLevelAt").decimalValue()).isEqualByComparingTo("300");
        assertThat(published.of(StarLevelReached.class).stream().filter(star -> star.volunteerId() == volunteer.id()))
                .singleElement().satisfies(star -> assertThat(star.level()).isEqualTo(1));
    }

    @Test
    void anotherDistrictsAdministratorCannotSeeAVolunteersHours() {
        HoursFixture.Volunteer volunteer = fixture.volunteer();

        assertProblem(client.get("/api/v1/volunteers/" + volunteer.id() + "/hours",
                client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD)), 404);
        assertThat(client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", fixture.districtAdmin()).status())
                .isEqualTo(200);
    }

    @Test
    void badManualEntriesAreRefusedNamingTheField() {
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 13);
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        Map<String, Object> backwards = fixture.manual(volunteer.id(), held, Duration.ofHours(2), Duration.ZERO, null);
        Map<String, Object> future = fixture.manual(volunteer.id(), held, Duration.ZERO, Duration.ofHours(2), null);
        future.put("endedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString());
        future.put("startedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).minusHours(1).toString());

        assertProblem(client.post("/api/v1/service-records", fixture.districtAdmin(), backwards), 400);
        assertProblem(client.post("/api/v1/service-records", fixture.districtAdmin(), future), 400);
        assertProblem(client.post("/api/v1/service-records", fixture.districtAdmin(),
                fixture.manual(volunteer.id(), held, Duration.ofHours(30), Duration.ofHours(32), null)), 422);
        assertThat(total(volunteer)).isEqualByComparingTo("0");
    }

    private void tamper(long entryId, String hoursValue) {
        HoursFixture.tamperWithHours(transactions, jdbc, entryId, hoursValue);
    }

    private BigDecimal total(HoursFixture.Volunteer volunteer) {
        return jdbc.sql("SELECT coalesce((SELECT total_hours FROM hours_account WHERE volunteer_id = :v), 0)")
                .param("v", volunteer.id()).query(BigDecimal.class).single();
    }

    private void publish(CheckedOut attended) {
        transactions.executeWithoutResult(status -> events.publishEvent(attended));
    }

    /** Attendance at shift {@code index} of the activity, the whole shift, credited with {@code credited} hours. */
    private static CheckedOut attended(long volunteerId, HoursFixture.Held held, int index, BigDecimal credited) {
        HoursFixture.Shift shift = held.shifts().get(index);
        Instant from = shift.startsAt().toInstant();
        Instant until = shift.endsAt().toInstant();
        return new CheckedOut(ATTENDANCES.incrementAndGet(), volunteerId, held.id(), shift.id(), held.organisationId(),
                from, until, from, until, credited, null);
    }
}
