package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The feeds as a calendar application reads them, parsed back with ical4j. */
@LeifengTest
class CalendarFeedIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublishedActivityFeedHasOneEventPerOpenShift() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        OffsetDateTime start = ActivityFixture.freshDay();
        Map<String, Object> body = fixture.activity(start, 5);
        body.put("shifts", List.of(
                Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 5,
                        "position", "引导员"),
                Map.of("startsAt", start.plusHours(3).toString(), "endsAt", start.plusHours(4).toString(), "capacity", 5),
                Map.of("startsAt", start.plusHours(5).toString(), "endsAt", start.plusHours(6).toString(), "capacity", 5)));
        long activity = activityOf(fixture.publishedShift(body, organiser));
        List<Long> shifts = jdbc.sql("SELECT id FROM shift WHERE activity_id = :id ORDER BY starts_at")
                .param("id", activity).query(Long.class).list();
        assertThat(client.post("/api/v1/shifts/" + shifts.get(2) + "/cancel", organiser, null).status()).isEqualTo(200);

        TestClient.Answer feed = client.get("/api/v1/activities/" + activity + "/calendar.ics", null);

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        List<VEvent> events = events(feed.body());
        assertThat(events).extracting(event -> value(event, "UID"))
                .containsExactly("shift-" + shifts.get(0) + "@leifeng", "shift-" + shifts.get(1) + "@leifeng");
        VEvent guide = events.get(0);
        assertThat(value(guide, "DTSTART")).endsWith("Z");
        assertThat(instant(value(guide, "DTSTART"))).isEqualTo(start.toInstant());
        assertThat(instant(value(guide, "DTEND"))).isEqualTo(start.plusHours(2).toInstant());
        assertThat(value(guide, "SUMMARY")).startsWith(body.get("title").toString()).contains("引导员");
        assertThat(value(guide, "LOCATION")).isEqualTo("开封市龙亭区北书店街");
        assertThat(value(guide, "GEO")).isEqualTo("34.8;114.35");
        assertThat(value(guide, "DESCRIPTION")).isEqualTo("社区环境整治");
        assertThat(URI.create(value(guide, "URL")).getPath()).isEqualTo("/activities/" + activity);
        assertThat(value(events.get(1), "SUMMARY")).isEqualTo(body.get("title").toString());
    }

    @Test
    void aDraftOrUnknownActivityHasNoPublicFeed() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        TestClient.Answer draft = client.post("/api/v1/activities", fixture.organiserToken(),
                fixture.activity(ActivityFixture.freshDay(), 5));

        assertThat(client.get("/api/v1/activities/" + draft.id() + "/calendar.ics", null).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/activities/999999999/calendar.ics", null).status()).isEqualTo(404);
    }

    @Test
    void thePrivateFeedShowsOnlyTheVolunteersConfirmedShiftsAtTheLatestUrl() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        ActivityFixture.Volunteer other = fixture.volunteer();
        long confirmed = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        long cancelled = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        long full = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 1), organiser);
        long othersOnly = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        signUp(confirmed, volunteer, "CONFIRMED");
        long dropped = signUp(cancelled, volunteer, "CONFIRMED");
        assertThat(client.delete("/api/v1/signups/" + dropped, volunteer.token()).status()).isEqualTo(200);
        signUp(full, other, "CONFIRMED");
        signUp(full, volunteer, "WAITLISTED");
        signUp(othersOnly, other, "CONFIRMED");

        TestClient.Answer issued = client.post("/api/v1/me/calendar-token", volunteer.token(), null);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String path = URI.create(issued.json().get("url").asString()).getPath();
        assertThat(path).matches("/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics");
        TestClient.Answer feed = client.get(path, null);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(events(feed.body())).extracting(event -> value(event, "UID"))
                .containsExactly("shift-" + confirmed + "@leifeng");

        String rotated = URI.create(client.post("/api/v1/me/calendar-token", volunteer.token(), null).json()
                .get("url").asString()).getPath();

        assertThat(rotated).isNotEqualTo(path);
        assertThat(client.get(path, null).status()).isEqualTo(404);
        assertThat(events(client.get(rotated, null).body())).hasSize(1);
    }

    @Test
    void aWrongTokenFindsNoFeedAndOnlyVolunteersGetOne() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);

        assertThat(client.get("/api/v1/calendar/" + "A".repeat(43) + ".ics", null).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/calendar/nonsense.ics", null).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/me/calendar-token", null, null).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/me/calendar-token", fixture.organiserToken(), null).status()).isEqualTo(422);
    }

    private long signUp(long shift, ActivityFixture.Volunteer volunteer, String status) {
        TestClient.Answer answer = client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo(status);
        return answer.id();
    }

    private long activityOf(long shift) {
        return jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shift).query(Long.class).single();
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents(Component.VEVENT);
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Instant instant(String utc) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(utc, Instant::from);
    }
}
