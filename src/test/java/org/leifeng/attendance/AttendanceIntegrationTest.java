package org.leifeng.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.leifeng.support.Problems.assertProblem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.PublishedEvents;
import org.leifeng.support.TestClient;
import org.leifeng.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@LeifengTest
class AttendanceIntegrationTest {

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
    PublishedEvents published;

    String organiser;

    @BeforeEach
    void setUp() {
        organiser = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aConfirmedVolunteerChecksInAndOutByScanningAndTheLedgerCreditsTheShift() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);

        TestClient.Answer in = scan("check-in", code(shift), volunteer, NEAR_LAT);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(scan("check-in", code(shift), volunteer, NEAR_LAT).id()).as("a second scan").isEqualTo(in.id());

        clock.advance(Duration.ofMinutes(140));
        TestClient.Answer out = scan("check-out", code(shift), volunteer, NEAR_LAT);

        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("creditedHours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(scan("check-out", code(shift), volunteer, NEAR_LAT).json().get("creditedHours").decimalValue())
                .isEqualByComparingTo("2.0");
        assertThat(published.of(CheckedOut.class).stream().filter(event -> event.attendanceId() == in.id()))
                .singleElement().satisfies(event -> {
                    assertThat(event.creditedHours()).isEqualByComparingTo("2.0");
                    assertThat(event.closedByAccountId()).isNull();
                });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json()
                        .get("totalHours").decimalValue()).isEqualByComparingTo("2.0"));
    }

    @Test
    void aRepeatedScanAnswersTheCheckInItMadeEvenWhereARuleWouldNowRefuse() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);
        TestClient.Answer in = scan("check-in", code(shift), volunteer, NEAR_LAT);
        assertThat(in.status()).as(in.body()).isEqualTo(200);

        TestClient.Answer far = scan("check-in", code(shift), volunteer, 34.81);
        clock.advance(Duration.ofHours(5));
        TestClient.Answer afterTheWindow = scan("check-in", code(shift), volunteer, NEAR_LAT);

        assertThat(far.status()).as("outside the geofence: %s", far.body()).isEqualTo(200);
        assertThat(far.id()).isEqualTo(in.id());
        assertThat(afterTheWindow.status()).as("after the window: %s", afterTheWindow.body()).isEqualTo(200);
        assertThat(afterTheWindow.id()).isEqualTo(in.id());
        assertThat(rows(shift)).isEqualTo(1);
    }

    @Test
    void expiredForgedAndMalformedCodesAreRefused() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);
        String code = code(shift);
        String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");

        assertRefused(scan("check-in", forged, volunteer, NEAR_LAT), "attendance.codeInvalid");
        assertRefused(scan("check-in", "12345", volunteer, NEAR_LAT), "attendance.codeInvalid");
        clock.advance(Duration.ofSeconds(61));
        assertRefused(scan("check-in", code, volunteer, NEAR_LAT), "attendance.codeExpired");
        assertThat(rows(shift)).isZero();
    }

    @Test
    void theCodeOfAnotherShiftDoesNotCheckAVolunteerIn() {
        Shift mine = shiftStartingIn(Duration.ofMinutes(20), 10);
        Shift other = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(mine);

        assertRefused(scan("check-in", code(other), volunteer, NEAR_LAT), "attendance.notSignedUp");
    }

    @Test
    void onlyALiveConfirmedSignUpChecksIn() {
        Shift shift = shift(Duration.ofMinutes(20), 1, true, true);
        Volunteer first = volunteer();
        Volunteer second = volunteer();
        TestClient.Answer firstSignUp = client.post("/api/v1/shifts/" + shift.id() + "/signups", first.token(), null);
        TestClient.Answer secondSignUp = client.post("/api/v1/shifts/" + shift.id() + "/signups", second.token(), null);
        assertThat(secondSignUp.json().get("status").asString()).as(secondSignUp.body()).isEqualTo("WAITLISTED");

        assertRefused(scan("check-in", code(shift), second, NEAR_LAT), "attendance.notConfirmed");
        assertThat(client.delete("/api/v1/signups/" + firstSignUp.id(), organiser).status()).as("the organiser ends it")
                .isIn(200, 204);
        assertRefused(scan("check-in", code(shift), first, NEAR_LAT), "attendance.notSignedUp");
        TestClient.Answer promoted = scan("check-in", code(shift), second, NEAR_LAT);

        assertThat(promoted.status()).as("promoted from the waiting list: %s", promoted.body()).isEqualTo(200);
        assertThat(rows(shift)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAnAttendanceWhoseShiftOrVolunteerIsNotItsSignUps() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Shift other = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);
        Volunteer someoneElse = signedUp(shift);
        long signup = jdbc.sql("SELECT id FROM signup WHERE shift_id = :s AND volunteer_id = :v")
                .param("s", shift.id()).param("v", volunteer.id()).query(Long.class).single();

        assertThatThrownBy(() -> insertAttendance(shift.id(), someoneElse.id(), signup))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("attendance_of_its_signup");
        assertThatThrownBy(() -> insertAttendance(other.id(), volunteer.id(), signup))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("attendance_of_its_signup");
        insertAttendance(shift.id(), volunteer.id(), signup);
        assertThat(rows(shift)).isEqualTo(1);
    }

    @Test
    void aShiftOfAnUnpublishedActivityIsNotFoundAtTheDoor() {
        Shift draft = shift(Duration.ofMinutes(20), 10, false, false);
        Volunteer volunteer = volunteer();

        assertProblem(scan("check-in", code(draft), volunteer, NEAR_LAT), 404);
        assertThat(rows(draft)).isZero();
    }

    @Test
    void theGeofenceRefusesAFarOrUnknownPositionAndCountsTheReportedAccuracy() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);

        assertRefused(scan("check-in", code(shift), volunteer, 34.81), "attendance.outsideGeofence");
        assertRefused(client.post("/api/v1/attendance/check-in", volunteer.token(), Map.of("code", code(shift))),
                "attendance.positionNeeded");
        Map<String, Object> vague = new HashMap<>(Map.of("code", code(shift), "lat", 34.8045, "lon", LON, "accuracy", 300));
        TestClient.Answer in = client.post("/api/v1/attendance/check-in", volunteer.token(), vague);

        assertThat(in.status()).as("500 m away, accurate to 300 m: within 300 + 300").isEqualTo(200);
    }

    @Test
    void checkInOpensThirtyMinutesBeforeTheShift() {
        Shift later = shiftStartingIn(Duration.ofMinutes(45), 10);
        Volunteer volunteer = signedUp(later);

        assertRefused(scan("check-in", code(later), volunteer, NEAR_LAT), "attendance.outsideWindow");
        clock.advance(Duration.ofMinutes(20));
        assertThat(scan("check-in", code(later), volunteer, NEAR_LAT).status()).isEqualTo(200);
    }

    @Test
    void walkInsAreAdmittedOnlyWhenAllowedAndWhileAPlaceIsFree() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 1);
        Volunteer walkIn = volunteer();
        Volunteer late = volunteer();
        assertRefused(scan("check-in", code(shift), walkIn, NEAR_LAT), "attendance.notSignedUp");

        assertThat(client.put("/api/v1/shifts/" + shift.id() + "/attendance-options", organiser, Map.of("walkIns", true))
                .status()).isEqualTo(200);
        TestClient.Answer admitted = scan("check-in", code(shift), walkIn, NEAR_LAT);

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM signup WHERE shift_id = :s AND volunteer_id = :v")
                .param("s", shift.id()).param("v", walkIn.id()).query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(scan("check-in", code(shift), late, NEAR_LAT).status()).as("the only place is taken").isEqualTo(409);
    }

    @Test
    void aCheckedInVolunteerWhoseSignUpWasEndedIsNotSignedUpAgainAsAWalkIn() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);
        TestClient.Answer in = scan("check-in", code(shift), volunteer, NEAR_LAT);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        long signup = jdbc.sql("SELECT id FROM signup WHERE shift_id = :s AND volunteer_id = :v")
                .param("s", shift.id()).param("v", volunteer.id()).query(Long.class).single();
        assertThat(client.put("/api/v1/shifts/" + shift.id() + "/attendance-options", organiser, Map.of("walkIns", true))
                .status()).isEqualTo(200);
        TestClient.Answer cancelled = client.delete("/api/v1/signups/" + signup, organiser);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        TestClient.Answer again = scan("check-in", code(shift), volunteer, NEAR_LAT);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(in.id());
        assertThat(jdbc.sql("SELECT count(*) FROM signup WHERE shift_id = :s AND volunteer_id = :v")
                .param("s", shift.id()).param("v", volunteer.id()).query(Long.class).single())
                .as("no walk-in sign-up beside the ended one").isEqualTo(1);
    }

    @Test
    void theOrganisersKioskChecksVolunteersInAndOutByNumber() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(10), 10);
        Volunteer volunteer = signedUp(shift);
        String number = volunteer.profile().get("volunteerNumber").asString();

        TestClient.Answer in = kiosk(shift, number, "CHECK_IN");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(70));
        TestClient.Answer out = kiosk(shift, number, "CHECK_OUT");

        assertThat(out.json().get("checkOutMethod").asString()).isEqualTo("KIOSK");
        assertThat(out.json().get("creditedHours").decimalValue()).isEqualByComparingTo("1.0");
        assertProblem(kiosk(shift, "41029999999999", "CHECK_IN"), 400);
        assertProblem(client.post("/api/v1/shifts/" + shift.id() + "/attendance", volunteer.token(),
                Map.of("volunteerNumber", number, "action", "CHECK_IN")), 404);
    }

    @Test
    void checkInsWithoutCheckOutAreClosedByTheOrganiserNeverCreditedSilently() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer forgetful = signedUp(shift);
        Volunteer absent = signedUp(shift);
        long forgot = scan("check-in", code(shift), forgetful, NEAR_LAT).id();
        long left = scan("check-in", code(shift), absent, NEAR_LAT).id();
        assertRefused(client.post("/api/v1/attendance/" + forgot + "/close", organiser, Map.of()), "attendance.shiftNotOver");

        clock.advance(Duration.ofHours(3));
        assertRefused(scan("check-out", code(shift), forgetful, NEAR_LAT), "attendance.windowClosed");
        JsonNode open = client.get("/api/v1/shifts/" + shift.id() + "/attendance", organiser).json();
        assertThat(open).allSatisfy(row -> assertThat(row.get("status").asString()).isEqualTo("CHECKED_IN"));
        TestClient.Answer credited = client.post("/api/v1/attendance/" + forgot + "/close", organiser,
                Map.of("creditUntil", shift.startsAt().plusMinutes(60).toString()));
        TestClient.Answer uncredited = client.post("/api/v1/attendance/" + left + "/close", organiser, Map.of());

        // From 20 minutes early (within the grace) to an hour into the shift: 80 minutes, 1.5 hours.
        assertThat(credited.json().get("creditedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(credited.json().get("checkOutMethod").asString()).isEqualTo("CLOSING");
        assertThat(uncredited.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(published.of(CheckedOut.class).stream().filter(event -> event.shiftId() == shift.id()))
                .singleElement().satisfies(event -> assertThat(event.closedByAccountId()).isNotNull());
    }

    @Test
    void tenIdenticalScansAtOnceMakeOneAttendance() throws Exception {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);
        Volunteer volunteer = signedUp(shift);
        String code = code(shift);

        List<Long> ids = Concurrently.run(10, () -> scan("check-in", code, volunteer, NEAR_LAT).id());

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(rows(shift)).isEqualTo(1);
    }

    @Test
    void twentyWalkInsRacingForFivePlacesAdmitExactlyFive() throws Exception {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 5);
        client.put("/api/v1/shifts/" + shift.id() + "/attendance-options", organiser, Map.of("walkIns", true));
        List<Volunteer> crowd = IntStream.range(0, 20).mapToObj(i -> volunteer()).toList();
        String code = code(shift);
        AtomicInteger next = new AtomicInteger();

        List<Integer> answers = Concurrently.run(20, () -> scan("check-in", code, crowd.get(next.getAndIncrement()),
                NEAR_LAT).status());

        assertThat(answers).filteredOn(status -> status == 200).hasSize(5);
        assertThat(answers).filteredOn(status -> status != 200).containsOnly(409);
        assertThat(rows(shift)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT confirmed FROM shift WHERE id = :s").param("s", shift.id()).query(Integer.class)
                .single()).isEqualTo(5);
    }

    @Test
    void anotherDistrictsAdministratorGetsNoCode() {
        Shift shift = shiftStartingIn(Duration.ofMinutes(20), 10);

        assertProblem(client.get("/api/v1/shifts/" + shift.id() + "/attendance-code",
                client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD)), 404);
        JsonNode code = client.get("/api/v1/shifts/" + shift.id() + "/attendance-code", organiser).json();
        assertThat(code.get("url").asString()).endsWith("/attend/" + code.get("code").asString());
    }

    // ---- helpers

    private void assertRefused(TestClient.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isIn(400, 409, 422);
        assertThat(answer.json().get("type").asString()).endsWith(code);
    }

    private TestClient.Answer scan(String action, String code, Volunteer volunteer, double lat) {
        return client.post("/api/v1/attendance/" + action, volunteer.token(), Map.of("code", code, "lat", lat, "lon", LON,
                "accuracy", 20));
    }

    private TestClient.Answer kiosk(Shift shift, String number, String action) {
        return client.post("/api/v1/shifts/" + shift.id() + "/attendance", organiser,
                Map.of("volunteerNumber", number, "action", action));
    }

    private String code(Shift shift) {
        TestClient.Answer code = client.get("/api/v1/shifts/" + shift.id() + "/attendance-code", organiser);
        assertThat(code.status()).as(code.body()).isEqualTo(200);
        return code.json().get("code").asString();
    }

    private void insertAttendance(long shiftId, long volunteerId, long signupId) {
        jdbc.sql("""
                INSERT INTO attendance (shift_id, volunteer_id, signup_id, activity_id, organisation_id, checked_in_at,
                    check_in_method)
                SELECT :shift, :volunteer, :signup, activity_id, 1, now(), 'KIOSK' FROM shift WHERE id = :shift""")
                .param("shift", shiftId).param("volunteer", volunteerId).param("signup", signupId).update();
    }

    private long rows(Shift shift) {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE shift_id = :s").param("s", shift.id())
                .query(Long.class).single();
    }

    /** A published activity of 龙亭区 whose one 2-hour shift starts {@code in} from now (to the minute). */
    private Shift shiftStartingIn(Duration in, int capacity) {
        return shift(in, capacity, false, true);
    }

    /** An activity of 龙亭区, published or a draft, whose one 2-hour shift starts {@code in} from now. */
    private Shift shift(Duration in, int capacity, boolean waitlist, boolean published) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(in).withSecond(0).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "签到测试 " + TestClient.unique(""));
        body.put("category", "COMMUNITY");
        body.put("organisationId", organisation("龙亭区"));
        body.put("description", "签到");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", LAT, "lon", LON, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", waitlist);
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", capacity)));
        TestClient.Answer created = client.post("/api/v1/activities", organiser, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (published) {
            assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null).status())
                    .isEqualTo(200);
        }
        return new Shift(created.json().get("shifts").get(0).get("id").asLong(), start);
    }

    private Volunteer signedUp(Shift shift) {
        Volunteer volunteer = volunteer();
        TestClient.Answer signedUp = client.post("/api/v1/shifts/" + shift.id() + "/signups", volunteer.token(), null);
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
        return volunteer;
    }

    private Volunteer volunteer() {
        String phone = TestClient.uniquePhone();
        var body = People.registration(People.adultId(), phone);
        body.put("organisationId", organisation("北书店街道"));
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Volunteer(registered.id(), client.tokenFor(phone, "volunteer-pass-1"), registered.json());
    }

    private long organisation(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
                .query(Long.class).single();
    }

    private record Shift(long id, OffsetDateTime startsAt) {
    }

    private record Volunteer(long id, String token, JsonNode profile) {
    }
}
