package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** Held (back-filled) activities, volunteers and administrators for the hours tests, through the public API. */
final class HoursFixture {

    private static final Map<String, String> STREET_ADMINS = new ConcurrentHashMap<>();

    private final TestClient client;
    private final JdbcClient jdbc;

    /**
     * Changes a stored entry's hours behind the ledger's back, as someone with database access could: the append-only
     * trigger is off for this one statement only.
     */
    static void tamperWithHours(TransactionTemplate transactions, JdbcClient jdbc, long entryId, String hoursValue) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE service_entry DISABLE TRIGGER service_entry_append_only").update();
            jdbc.sql("UPDATE service_entry SET hours = " + hoursValue + " WHERE id = :id").param("id", entryId).update();
            jdbc.sql("ALTER TABLE service_entry ENABLE TRIGGER service_entry_append_only").update();
        });
    }

    HoursFixture(TestClient client, JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    Held heldActivity(String organisation, int daysAgo) {
        return heldActivity(organisation, daysAgo, 1, 2);
    }

    Held heldActivity(String organisation, int daysAgo, int shifts) {
        return heldActivity(organisation, daysAgo, shifts, 2);
    }

    /** A published back-filled activity with {@code shifts} shifts of {@code hoursLong} hours, one a day, going back. */
    Held heldActivity(String organisation, int daysAgo, int shifts, int hoursLong) {
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(daysAgo).withHour(8).withMinute(0)
                .withSecond(0).withNano(0);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < shifts; i++) {
            OffsetDateTime start = first.minusDays(i);
            bodies.add(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(hoursLong).toString(),
                    "capacity", 50));
        }
        Map<String, Object> body = new HashMap<>();
        String title = "补录活动 " + TestClient.unique("");
        body.put("title", title);
        body.put("category", "COMMUNITY");
        body.put("organisationId", organisation(organisation));
        body.put("description", "社区服务");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", 34.80, "lon", 114.35, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", false);
        body.put("shifts", bodies);
        TestClient.Answer created = client.post("/api/v1/activities", districtAdmin(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestClient.Answer published = client.post("/api/v1/activities/" + created.id() + "/publish", districtAdmin(), null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        List<Shift> list = new ArrayList<>();
        for (JsonNode shift : created.json().get("shifts")) {
            list.add(new Shift(shift.get("id").asLong(), OffsetDateTime.parse(shift.get("startsAt").asString()),
                    OffsetDateTime.parse(shift.get("endsAt").asString())));
        }
        list.sort(Comparator.comparing(Shift::startsAt).reversed());
        return new Held(created.id(), title, organisation(organisation), list);
    }

    /** A manual entry body for the first shift of {@code held}, from its start plus {@code from} to plus {@code until}. */
    Map<String, Object> manual(long volunteerId, Held held, Duration from, Duration until, String note) {
        OffsetDateTime start = held.shifts().get(0).startsAt();
        Map<String, Object> body = new HashMap<>();
        body.put("volunteerId", volunteerId);
        body.put("activityId", held.id());
        body.put("startedAt", start.plus(from).toString());
        body.put("endedAt", start.plus(until).toString());
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /** A new adult volunteer of 北书店街道. */
    Volunteer volunteer() {
        String phone = TestClient.uniquePhone();
        var body = People.registration(People.adultId(), phone);
        body.put("organisationId", organisation("北书店街道"));
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Volunteer(registered.id(), client.tokenFor(phone, "volunteer-pass-1"), registered.json());
    }

    /** The administrator of 龙亭区 (demo account). */
    String districtAdmin() {
        return client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
    }

    /** An administrator of one street only, created once per run. */
    String streetAdmin(String street) {
        String username = STREET_ADMINS.computeIfAbsent(street, name -> {
            String created = TestClient.unique("street");
            client.newAccount(client.adminToken(), created, "street-admin-pass-1", "ORG_ADMIN", organisation(name));
            return created;
        });
        return client.tokenFor(username, "street-admin-pass-1");
    }

    long organisation(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
                .query(Long.class).single();
    }

    record Held(long id, String title, long organisationId, List<Shift> shifts) {
    }

    record Shift(long id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    record Volunteer(long id, String token, JsonNode profile) {
    }
}
