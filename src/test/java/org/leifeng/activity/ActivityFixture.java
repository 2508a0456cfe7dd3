package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds activities and volunteers for the activity tests through the public API. */
final class ActivityFixture {

    /** Each test takes its own days far ahead, so no two tests' shifts overlap for the same volunteer. */
    private static final AtomicInteger DAYS = new AtomicInteger(100 + (int) (System.nanoTime() % 1000) * 3);

    private final TestClient client;
    private final JdbcClient jdbc;

    ActivityFixture(TestClient client, JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    static OffsetDateTime freshDay() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(DAYS.addAndGet(2)).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
    }

    long organisation(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
                .query(Long.class).single();
    }

    String organiserToken() {
        return client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
    }

    /** The city's administrator: organisers sign up only volunteers they may see, and demo volunteers live everywhere. */
    String cityOrganiserToken() {
        return client.adminToken();
    }

    /** A body for an activity of 龙亭区 with one shift of {@code capacity} places starting at {@code start}. */
    Map<String, Object> activity(OffsetDateTime start, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "测试活动 " + TestClient.unique(""));
        body.put("category", "COMMUNITY");
        body.put("organisationId", organisation("龙亭区"));
        body.put("description", "社区环境整治");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", 34.80, "lon", 114.35, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", true);
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", capacity)));
        return body;
    }

    /** Creates and publishes; answers the id of the first shift. */
    long publishedShift(Map<String, Object> body, String organiser) {
        TestClient.Answer created = client.post("/api/v1/activities", organiser, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestClient.Answer published = client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return created.json().get("shifts").get(0).get("id").asLong();
    }

    /** A new adult volunteer of 北书店街道; answers {id, token}. */
    Volunteer volunteer() {
        String phone = TestClient.uniquePhone();
        var body = People.registration(People.adultId(), phone);
        body.put("organisationId", organisation("北书店街道"));
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Volunteer(registered.id(), client.tokenFor(phone, "volunteer-pass-1"));
    }

    /** Ids of demo volunteers (active, adult), for bursts that need many distinct volunteers. */
    List<Long> demoVolunteers(int count) {
        return jdbc.sql("""
                SELECT id FROM volunteer WHERE status = 'ACTIVE' AND birth_date < current_date - interval '18 years'
                ORDER BY id LIMIT :count""").param("count", count).query(Long.class).list();
    }

    Map<String, Long> counters(long shiftId) {
        return jdbc.sql("SELECT confirmed, pending, waitlisted, capacity FROM shift WHERE id = :id").param("id", shiftId)
                .query((rs, row) -> Map.of("confirmed", rs.getLong(1), "pending", rs.getLong(2),
                        "waitlisted", rs.getLong(3), "capacity", rs.getLong(4))).single();
    }

    long rows(long shiftId, String status) {
        return jdbc.sql("SELECT count(*) FROM signup WHERE shift_id = :id AND status = :status")
                .param("id", shiftId).param("status", status).query(Long.class).single();
    }

    record Volunteer(long id, String token) {
    }
}
