package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Series through the API: what they generate, that generation is idempotent, and how occurrences and series end. */
@LeifengTest
class RecurrenceIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeriesGeneration generation;

    @Test
    void aNewSeriesGeneratesExactlyItsOccurrencesOfTheNextEightWeeks() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long activity = draft(fixture, organiser);

        TestClient.Answer created = client.post("/api/v1/activities/" + activity + "/series", organiser,
                Map.of("rrule", "FREQ=WEEKLY;BYDAY=SA,SU", "startTime", "09:00", "durationMinutes", 150,
                        "capacity", 12, "position", "引导员"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("rrule").asString()).isEqualTo("FREQ=WEEKLY;BYDAY=SA,SU");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        long series = created.id();
        List<LocalDate> expected = weekends(56);
        assertThat(occurrences(series)).containsExactlyElementsOf(expected);
        assertThat(created.json().get("shifts")).hasSize(expected.size());
        created.json().get("shifts").forEach(shift -> {
            // Asia/Shanghai has no daylight saving: 09:00 there is 01:00 UTC all year.
            OffsetDateTime starts = OffsetDateTime.parse(shift.get("startsAt").asString());
            assertThat(starts.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
            assertThat(OffsetDateTime.parse(shift.get("endsAt").asString())).isEqualTo(starts.plusMinutes(150));
            assertThat(shift.get("capacity").asInt()).isEqualTo(12);
            assertThat(shift.get("position").asString()).isEqualTo("引导员");
        });
        TestClient.Answer listed = client.get("/api/v1/activities/" + activity + "/series", organiser);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).singleElement().satisfies(one -> assertThat(one.get("id").asLong()).isEqualTo(series));
        assertThat(client.get("/api/v1/activities/" + activity, organiser).json().get("shifts"))
                .hasSize(expected.size() + 1);
    }

    @Test
    void regenerationIsIdempotentAndExtendsTheHorizon() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long series = series(fixture, organiser, "FREQ=WEEKLY;BYDAY=SA,SU", 2);
        List<LocalDate> twoWeeks = occurrences(series);
        assertThat(twoWeeks).containsExactlyElementsOf(weekends(14));

        generation.extendAll();
        generation.extendAll();
        assertThat(occurrences(series)).containsExactlyElementsOf(twoWeeks);

        jdbc.sql("UPDATE shift_series SET horizon_days = 56 WHERE id = :id").param("id", series).update();
        generation.extendAll();
        generation.extendAll();

        assertThat(occurrences(series)).containsExactlyElementsOf(weekends(56));
        assertThat(jdbc.sql("SELECT generated_until FROM shift_series WHERE id = :id").param("id", series)
                .query(LocalDate.class).single()).isEqualTo(today().plusDays(56));
    }

    @Test
    void oneOccurrenceIsMovedOrCancelledAloneAndRegenerationLeavesItSo() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long series = series(fixture, organiser, "FREQ=WEEKLY;BYDAY=SA", 4);
        List<Long> shifts = shiftIds(series);
        assertThat(shifts).hasSizeGreaterThanOrEqualTo(3);
        ShiftRow first = shift(shifts.get(0));
        OffsetDateTime later = first.startsAt().plusHours(3);

        TestClient.Answer moved = client.put("/api/v1/shifts/" + shifts.get(0), organiser,
                Map.of("startsAt", later.toString(), "endsAt", later.plusHours(1).toString(), "capacity", 3));
        TestClient.Answer cancelled = client.post("/api/v1/shifts/" + shifts.get(1) + "/cancel", organiser, null);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        jdbc.sql("UPDATE shift_series SET generated_until = NULL WHERE id = :id").param("id", series).update();
        generation.extendAll();
        assertThat(shiftIds(series)).isEqualTo(shifts);
        assertThat(shift(shifts.get(0))).isEqualTo(new ShiftRow(later.toInstant().atOffset(ZoneOffset.UTC), 3, "OPEN"));
        assertThat(shift(shifts.get(1)).status()).isEqualTo("CANCELLED");
        assertThat(shift(shifts.get(2)).status()).isEqualTo("OPEN");
        TestClient.Answer after = client.get("/api/v1/series/" + series, organiser);
        assertThat(after.json().get("active").asBoolean()).isTrue();
        assertThat(after.json().get("capacity").asInt()).isEqualTo(10);
    }

    @Test
    void anEndedSeriesCancelsItsUnclaimedFutureShiftsAndGeneratesNoMore() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long activity = published(fixture, organiser);
        long series = created(client.post("/api/v1/activities/" + activity + "/series", organiser, Map.of(
                "rrule", "FREQ=WEEKLY;BYDAY=SA,SU", "startTime", "14:00", "durationMinutes", 60, "capacity", 10)));
        List<Long> shifts = shiftIds(series);
        long held = shifts.get(1);
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + held + "/signups", volunteer.token(), null).status()).isEqualTo(201);

        TestClient.Answer ended = client.delete("/api/v1/series/" + series, organiser);

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("active").asBoolean()).isFalse();
        assertThat(ended.json().get("endedAt")).isNotNull();
        for (long shift : shifts) {
            assertThat(shift(shift).status()).as("shift " + shift).isEqualTo(shift == held ? "OPEN" : "CANCELLED");
        }
        jdbc.sql("UPDATE shift_series SET generated_until = NULL, horizon_days = 120 WHERE id = :id")
                .param("id", series).update();
        generation.extendAll();
        assertThat(shiftIds(series)).isEqualTo(shifts);
    }

    @Test
    void aSeriesEndingOnADateKeepsTheOccurrencesUpToIt() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long series = series(fixture, organiser, "FREQ=WEEKLY;BYDAY=SA,SU", 8);
        LocalDate lastDate = today().plusDays(20);

        TestClient.Answer ended = client.delete("/api/v1/series/" + series + "?lastDate=" + lastDate, organiser);

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("active").asBoolean()).isTrue();
        List<LocalDate> open = jdbc.sql("""
                SELECT occurrence_date FROM shift WHERE series_id = :id AND status = 'OPEN' ORDER BY occurrence_date""")
                .param("id", series).query(LocalDate.class).list();
        assertThat(open).containsExactlyElementsOf(weekends(20));
        jdbc.sql("UPDATE shift_series SET generated_until = NULL, horizon_days = 120 WHERE id = :id")
                .param("id", series).update();
        generation.extendAll();
        assertThat(occurrences(series)).containsExactlyElementsOf(weekends(56));
    }

    @Test
    void refusesRulesOutsideTheSubsetAndCallersWhoDoNotOrganise() {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.organiserToken();
        long activity = draft(fixture, organiser);
        Map<String, Object> daily = Map.of("rrule", "FREQ=DAILY", "startTime", "09:00", "durationMinutes", 60,
                "capacity", 5);
        Map<String, Object> tooLong = Map.of("rrule", "FREQ=WEEKLY;BYDAY=SA", "startTime", "09:00",
                "durationMinutes", 1441, "capacity", 5);

        TestClient.Answer refused = client.post("/api/v1/activities/" + activity + "/series", organiser, daily);
        TestClient.Answer overADay = client.post("/api/v1/activities/" + activity + "/series", organiser, tooLong);
        TestClient.Answer stranger = client.post("/api/v1/activities/" + activity + "/series",
                fixture.volunteer().token(), Map.of("rrule", "FREQ=WEEKLY;BYDAY=SA", "startTime", "09:00",
                        "durationMinutes", 60, "capacity", 5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("rrule");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("FREQ=WEEKLY");
        assertThat(overADay.status()).isEqualTo(400);
        assertThat(stranger.status()).isIn(403, 404);
        assertThat(client.get("/api/v1/series/999999999", organiser).status()).isEqualTo(404);
        assertThat(client.delete("/api/v1/series/999999999", organiser).status()).isEqualTo(404);
    }

    private long series(ActivityFixture fixture, String organiser, String rrule, int weeks) {
        return created(client.post("/api/v1/activities/" + draft(fixture, organiser) + "/series", organiser,
                Map.of("rrule", rrule, "startTime", "09:00", "durationMinutes", 120, "capacity", 10,
                        "horizonWeeks", weeks)));
    }

    private long created(TestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.id();
    }

    private long draft(ActivityFixture fixture, String organiser) {
        return created(client.post("/api/v1/activities", organiser, fixture.activity(ActivityFixture.freshDay(), 5)));
    }

    private long published(ActivityFixture fixture, String organiser) {
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        return jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shift).query(Long.class).single();
    }

    /** Saturdays and Sundays from today through {@code days} ahead whose 09:00 in Shanghai is still to come. */
    private static List<LocalDate> weekends(int days) {
        LocalDate today = today();
        OffsetDateTime now = OffsetDateTime.now();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(today.plusDays(days)); day = day.plusDays(1)) {
            if (Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(day.getDayOfWeek())
                    && day.atTime(9, 0).atZone(SHANGHAI).toOffsetDateTime().isAfter(now)) {
                dates.add(day);
            }
        }
        return dates;
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private List<LocalDate> occurrences(long series) {
        return jdbc.sql("SELECT occurrence_date FROM shift WHERE series_id = :id ORDER BY occurrence_date")
                .param("id", series).query(LocalDate.class).list();
    }

    private List<Long> shiftIds(long series) {
        return jdbc.sql("SELECT id FROM shift WHERE series_id = :id ORDER BY occurrence_date").param("id", series)
                .query(Long.class).list();
    }

    private ShiftRow shift(long id) {
        return jdbc.sql("SELECT starts_at, capacity, status FROM shift WHERE id = :id").param("id", id)
                .query((rs, row) -> new ShiftRow(rs.getObject(1, OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC), rs.getInt(2), rs.getString(3))).single();
    }

    private record ShiftRow(OffsetDateTime startsAt, int capacity, String status) {
    }
}
