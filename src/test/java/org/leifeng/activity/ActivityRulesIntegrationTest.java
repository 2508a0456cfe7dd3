package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.PublishedEvents;
import org.leifeng.support.TestClient;
import org.leifeng.volunteer.VolunteerNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each rule of activities and sign-up, through the HTTP API. */
@LeifengTest
class ActivityRulesIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublishedEvents events;

    private ActivityFixture fixture() {
        return new ActivityFixture(client, jdbc);
    }

    @Test
    void aDraftIsHiddenUntilPublishedAndTakesNoSignUps() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        TestClient.Answer created = client.post("/api/v1/activities", organiser,
                fixture.activity(ActivityFixture.freshDay(), 10));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        long shift = created.json().get("shifts").get(0).get("id").asLong();

        assertThat(client.get("/api/v1/activities/" + created.id(), null).status()).isEqualTo(404);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null).status()).isEqualTo(404);

        assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null).status()).isEqualTo(200);
        TestClient.Answer published = client.get("/api/v1/activities/" + created.id(), null);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        TestClient.Answer again = client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asString()).contains("published").doesNotContain("PUBLISHED");
        assertThat(published.json().get("shifts").get(0).get("capacity").asInt()).isEqualTo(10);
        assertThat(published.json().get("shifts").get(0).get("startsAt").asString())
                .as("times carry the city's offset (API.md)").endsWith("+08:00");
    }

    @Test
    void organisersChangeAnActivityAndNewRulesApplyToNewSignUps() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        var body = fixture.activity(ActivityFixture.freshDay(), 5);
        long shift = fixture.publishedShift(body, organiser);
        long activity = jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shift).query(Long.class).single();
        ActivityFixture.Volunteer early = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", early.token(), null).status()).isEqualTo(201);

        var change = new HashMap<String, Object>(Map.of("title", "改名后的活动", "category", "HEALTH",
                "approval", "MANUAL", "minAge", 70));
        TestClient.Answer changed = client.patch("/api/v1/activities/" + activity, organiser, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("改名后的活动");
        assertThat(changed.json().get("approval").asString()).isEqualTo("MANUAL");
        assertThat(fixture.rows(shift, "CONFIRMED")).as("earlier sign-ups stay").isEqualTo(1);
        TestClient.Answer late = client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null);
        assertThat(late.status()).isEqualTo(422);

        assertThat(client.patch("/api/v1/activities/" + activity, fixture.volunteer().token(), change).status()).isIn(403, 404);
        change.put("maxAge", 10);
        assertThat(client.patch("/api/v1/activities/" + activity, organiser, change).status()).isEqualTo(400);
    }

    @Test
    void onlyOrganisersOverTheOrganisationCreateActivities() {
        ActivityFixture fixture = fixture();
        var body = fixture.activity(ActivityFixture.freshDay(), 10);
        String gulou = client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD);
        assertThat(client.post("/api/v1/activities", gulou, body).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/activities", fixture.volunteer().token(), body).status()).isIn(403, 404);
        assertThat(client.post("/api/v1/activities", null, body).status()).isEqualTo(401);
    }

    @Test
    void refusesShiftsThatEndBeforeTheyStartLastOverADayOrHaveNoPlaces() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        OffsetDateTime start = ActivityFixture.freshDay();
        for (Map<String, Object> shift : List.of(
                Map.<String, Object>of("startsAt", start.toString(), "endsAt", start.minusHours(1).toString(), "capacity", 5),
                Map.<String, Object>of("startsAt", start.toString(), "endsAt", start.plusHours(25).toString(), "capacity", 5),
                Map.<String, Object>of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 0),
                Map.<String, Object>of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 100_001))) {
            var body = fixture.activity(start, 5);
            body.put("shifts", List.of(shift));
            TestClient.Answer refused = client.post("/api/v1/activities", organiser, body);
            assertThat(refused.status()).as(shift.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).startsWith("shifts[0]");
        }
    }

    @Test
    void aFullShiftWithoutWaitingListIsRefusedAndWithOneQueues() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        var noWaitlist = fixture.activity(ActivityFixture.freshDay(), 1);
        noWaitlist.put("waitlist", false);
        long shift = fixture.publishedShift(noWaitlist, organiser);
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null).status()).isEqualTo(201);
        TestClient.Answer full = client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).endsWith("activity.shiftFull");

        long queued = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 1), organiser);
        client.post("/api/v1/shifts/" + queued + "/signups", fixture.volunteer().token(), null);
        TestClient.Answer second = client.post("/api/v1/shifts/" + queued + "/signups", fixture.volunteer().token(), null);
        assertThat(second.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(second.json().get("waitlistPosition").asLong()).isEqualTo(1);
    }

    @Test
    void cancellingAPlaceHandsItToTheFirstInLine() {
        ActivityFixture fixture = fixture();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 1), fixture.organiserToken());
        ActivityFixture.Volunteer holder = fixture.volunteer();
        ActivityFixture.Volunteer first = fixture.volunteer();
        ActivityFixture.Volunteer second = fixture.volunteer();
        long held = client.post("/api/v1/shifts/" + shift + "/signups", holder.token(), null).id();
        long firstInLine = client.post("/api/v1/shifts/" + shift + "/signups", first.token(), null).id();
        long secondInLine = client.post("/api/v1/shifts/" + shift + "/signups", second.token(), null).id();

        assertThat(client.delete("/api/v1/signups/" + held, holder.token()).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(client.get("/api/v1/signups/" + firstInLine, first.token()).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(client.get("/api/v1/signups/" + secondInLine, second.token()).json().get("status").asString())
                .isEqualTo("WAITLISTED");
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 1L).containsEntry("waitlisted", 1L);
    }

    @Test
    void manualApprovalHoldsThePlaceAndARejectionFreesItForTheLine() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        var body = fixture.activity(ActivityFixture.freshDay(), 1);
        body.put("approval", "MANUAL");
        long shift = fixture.publishedShift(body, organiser);
        ActivityFixture.Volunteer asking = fixture.volunteer();
        ActivityFixture.Volunteer waiting = fixture.volunteer();
        TestClient.Answer pending = client.post("/api/v1/shifts/" + shift + "/signups", asking.token(), null);
        assertThat(pending.json().get("status").asString()).isEqualTo("PENDING");
        long inLine = client.post("/api/v1/shifts/" + shift + "/signups", waiting.token(), null).id();
        assertThat(fixture.counters(shift)).containsEntry("pending", 1L).containsEntry("waitlisted", 1L);

        assertThat(client.post("/api/v1/signups/" + pending.id() + "/reject", organiser, Map.of("reason", "")).status())
                .isEqualTo(400);
        TestClient.Answer rejected = client.post("/api/v1/signups/" + pending.id() + "/reject", organiser,
                Map.of("reason", "本次需要有急救证的志愿者"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("reason").asString()).isEqualTo("本次需要有急救证的志愿者");
        assertThat(client.get("/api/v1/signups/" + inLine, waiting.token()).json().get("status").asString())
                .isEqualTo("PENDING");
        assertThat(client.post("/api/v1/signups/" + inLine + "/approve", organiser, null).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(client.post("/api/v1/signups/" + inLine + "/approve", waiting.token(), null).status()).isIn(403, 404);
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 1L).containsEntry("pending", 0L);
    }

    @Test
    void refusesIneligibleVolunteersWithAllTheReasons() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        var body = fixture.activity(ActivityFixture.freshDay(), 5);
        body.put("minAge", 60);
        body.put("requiredSkills", List.of("NURSING"));
        body.put("insuranceRequired", true);
        long shift = fixture.publishedShift(body, organiser);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();

        TestClient.Answer refused = client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("reasons").valueStream().map(reason -> reason.asString()).toList())
                .containsExactlyInAnyOrder("TOO_YOUNG", "MISSING_SKILLS", "NOT_INSURED");
        assertThat(refused.json().get("detail").asString())
                .contains("below the minimum age", "lack a skill", "accident insurance").doesNotContain("TOO_YOUNG");
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 0L);
    }

    @Test
    void insuranceRecordedByTheAdministratorMakesTheVolunteerEligible() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        var body = fixture.activity(ActivityFixture.freshDay(), 5);
        body.put("insuranceRequired", true);
        long shift = fixture.publishedShift(body, organiser);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null).status()).isEqualTo(422);

        assertThat(client.put("/api/v1/volunteers/" + volunteer.id() + "/insurance", volunteer.token(),
                Map.of("insuredUntil", "2099-12-31")).status()).isIn(403, 404);
        assertThat(client.put("/api/v1/volunteers/" + volunteer.id() + "/insurance", organiser,
                Map.of("insuredUntil", "2099-12-31")).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null).status()).isEqualTo(201);
    }

    @Test
    void refusesSignUpsOutsideTheRecruitmentWindow() {
        ActivityFixture fixture = fixture();
        var body = fixture.activity(ActivityFixture.freshDay(), 5);
        body.put("recruitmentOpensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        long shift = fixture.publishedShift(body, fixture.organiserToken());
        TestClient.Answer refused = client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("activity.outsideWindow");
    }

    @Test
    void refusesOverlappingSignUpsOfOneVolunteer() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        OffsetDateTime start = ActivityFixture.freshDay();
        long morning = fixture.publishedShift(fixture.activity(start, 5), organiser);
        long overlapping = fixture.publishedShift(fixture.activity(start.plusHours(1), 5), organiser);
        long afterwards = fixture.publishedShift(fixture.activity(start.plusHours(2), 5), organiser);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();

        assertThat(client.post("/api/v1/shifts/" + morning + "/signups", volunteer.token(), null).status()).isEqualTo(201);
        TestClient.Answer refused = client.post("/api/v1/shifts/" + overlapping + "/signups", volunteer.token(), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("activity.overlapping");
        assertThat(client.post("/api/v1/shifts/" + afterwards + "/signups", volunteer.token(), null).status())
                .as("a shift starting when the other ends does not overlap").isEqualTo(201);
    }

    @Test
    void volunteersCancelUntilTheCutOffAndOrganisersAlways() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90).withNano(0);
        long shift = fixture.publishedShift(fixture.activity(soon, 5), organiser);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        long signup = client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null).id();

        TestClient.Answer late = client.delete("/api/v1/signups/" + signup, volunteer.token());
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("type").asString()).endsWith("activity.cancellationClosed");
        assertThat(client.delete("/api/v1/signups/" + signup, organiser).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(client.delete("/api/v1/signups/" + signup, organiser).status()).isEqualTo(409);
    }

    @Test
    void raisingTheCapacityPromotesTheLineAndLoweringBelowTheHeldPlacesIsRefused() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        OffsetDateTime start = ActivityFixture.freshDay();
        long shift = fixture.publishedShift(fixture.activity(start, 1), organiser);
        for (int i = 0; i < 3; i++) {
            client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null);
        }
        Map<String, Object> bigger = Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 3);
        assertThat(client.put("/api/v1/shifts/" + shift, organiser, bigger).json().get("confirmed").asInt()).isEqualTo(3);
        assertThat(fixture.counters(shift)).containsEntry("waitlisted", 0L);

        Map<String, Object> smaller = Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 2);
        assertThat(client.put("/api/v1/shifts/" + shift, organiser, smaller).status()).isEqualTo(409);
        assertThat(fixture.counters(shift)).containsEntry("capacity", 3L);
    }

    @Test
    void cancellingAShiftEndsItsSignUpsAndTellsTheVolunteers() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 1), organiser);
        ActivityFixture.Volunteer confirmed = fixture.volunteer();
        ActivityFixture.Volunteer waiting = fixture.volunteer();
        long place = client.post("/api/v1/shifts/" + shift + "/signups", confirmed.token(), null).id();
        client.post("/api/v1/shifts/" + shift + "/signups", waiting.token(), null);

        assertThat(client.post("/api/v1/shifts/" + shift + "/cancel", organiser, null).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(client.get("/api/v1/signups/" + place, confirmed.token()).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(fixture.rows(shift, "CANCELLED")).isEqualTo(2);
        assertThat(events.of(ShiftCancelled.class)).filteredOn(event -> event.shiftId() == shift).singleElement()
                .satisfies(event -> assertThat(event.volunteerIds()).containsExactlyInAnyOrder(confirmed.id(), waiting.id()));
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null).status())
                .isEqualTo(422);
    }

    @Test
    void aBackFilledActivityIsShownAsHeldButTakesNoSignUps() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        OffsetDateTime lastMonth = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30).withHour(9).withMinute(0);
        TestClient.Answer created = client.post("/api/v1/activities", organiser, fixture.activity(lastMonth, 20));
        assertThat(created.json().get("backfilled").asBoolean()).isTrue();
        client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null);
        long shift = created.json().get("shifts").get(0).get("id").asLong();

        assertThat(client.get("/api/v1/activities/" + created.id(), null).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null).status())
                .isEqualTo(422);

        var mixed = fixture.activity(lastMonth, 20);
        OffsetDateTime next = ActivityFixture.freshDay();
        mixed.put("shifts", List.of(
                Map.of("startsAt", lastMonth.toString(), "endsAt", lastMonth.plusHours(2).toString(), "capacity", 5),
                Map.of("startsAt", next.toString(), "endsAt", next.plusHours(2).toString(), "capacity", 5)));
        assertThat(client.post("/api/v1/activities", organiser, mixed).status()).isEqualTo(422);
    }

    @Test
    void noShowsAreMarkedOnlyAfterTheShift() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        long signup = client.post("/api/v1/shifts/" + shift + "/signups", fixture.volunteer().token(), null).id();
        TestClient.Answer early = client.post("/api/v1/signups/" + signup + "/no-show", organiser, null);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("type").asString()).endsWith("activity.shiftNotOver");
    }

    @Test
    void anOrganiserSignsUpAVolunteerAndListsTheShiftsSignUps() {
        ActivityFixture fixture = fixture();
        String organiser = fixture.organiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        TestClient.Answer created = client.post("/api/v1/shifts/" + shift + "/signups", organiser,
                Map.of("volunteerId", volunteer.id()));
        assertThat(created.status()).isEqualTo(201);
        TestClient.Answer list = client.get("/api/v1/shifts/" + shift + "/signups", organiser);
        assertThat(list.json().get("total").asLong()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("volunteerName").asString()).isEqualTo("测试志愿者");
        assertThat(VolunteerNumber.isWellFormed(
                list.json().get("items").get(0).get("volunteerNumber").asString())).isTrue();
        assertThat(client.get("/api/v1/shifts/" + shift + "/signups", volunteer.token()).status()).isIn(403, 404);
        TestClient.Answer mine = client.get("/api/v1/me/signups", volunteer.token());
        assertThat(mine.json().get("items").get(0).get("id").asLong()).isEqualTo(created.id());
        assertThat(mine.json().get("items").get(0).has("volunteerName")).as("labels are for organisers' lists").isFalse();
    }
}
