package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The organiser's editor beyond creating: every field of an activity, editing it, shift times, regular series. */
@LeifengTest
class ActivityEditorPagesIntegrationTest {

    @Autowired
    TestClient client;

    @Test
    void theEditorSetsTeamSkillsRecruitmentWindowContactAndGeofence() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> editor = session.get("/admin/activities/new");
        assertThat(editor.body()).contains("name=\"team\"", "name=\"skills\"", "name=\"opensAt\"", "name=\"contactPhone\"",
                "name=\"radius\"", "name=\"teamOnly\"");
        String team = firstOption(editor.body(), "team");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();

        HttpResponse<String> created = session.postFields("/admin/activities", editor.body(), List.of(
                Map.entry("title", TestClient.unique("全字段 ")), Map.entry("category", "HEALTH"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("team", team),
                Map.entry("teamOnly", "true"), Map.entry("description", "义诊"), Map.entry("address", "龙亭公园"),
                Map.entry("lat", "34.81"), Map.entry("lon", "114.35"), Map.entry("radius", "250"),
                Map.entry("minAge", "18"), Map.entry("maxAge", "65"), Map.entry("approval", "AUTO"),
                Map.entry("waitlist", "true"), Map.entry("skills", "FIRST_AID"), Map.entry("skills", "ELDERLY_CARE"),
                Map.entry("opensAt", "2026-01-01T08:00"), Map.entry("closesAt", date + "T07:00"),
                Map.entry("contactName", "王老师"), Map.entry("contactPhone", "13900001111"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "09:00"), Map.entry("shiftEnd", "11:00"),
                Map.entry("shiftCapacity", "8"), Map.entry("shiftPosition", "")), false);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        JsonNode activity = api(created);
        assertThat(activity.get("teamId").asString()).isEqualTo(team);
        assertThat(activity.get("teamOnly").asBoolean()).isTrue();
        assertThat(activity.get("place").get("radiusMeters").asInt()).isEqualTo(250);
        assertThat(activity.get("requiredSkills")).extracting(JsonNode::asString).containsExactly("FIRST_AID", "ELDERLY_CARE");
        assertThat(OffsetDateTime.parse(activity.get("recruitmentOpensAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-01-01T08:00:00+08:00"));
        assertThat(activity.get("contact").get("name").asString()).isEqualTo("王老师");
    }

    @Test
    void anOrganiserChangesAnActivityAndMovesAShift() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("待修改 "), ActivityPageFixture.freshDay(), 5, true));
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/activities/" + published.activityId();
        HttpResponse<String> edit = session.get(path + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("name=\"title\"").doesNotContain("name=\"shiftDate\"");
        String newTitle = TestClient.unique("已修改 ");

        HttpResponse<String> saved = session.postFields(path + "/edit", edit.body(), List.of(
                Map.entry("title", newTitle), Map.entry("category", "ELDERLY"), Map.entry("description", "看望老人"),
                Map.entry("address", "北书店街"), Map.entry("lat", ""), Map.entry("lon", ""), Map.entry("radius", ""),
                Map.entry("minAge", ""), Map.entry("maxAge", ""), Map.entry("approval", "MANUAL"),
                Map.entry("waitlist", "true"), Map.entry("opensAt", ""), Map.entry("closesAt", ""),
                Map.entry("contactName", "李"), Map.entry("contactPhone", "")), false);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        HttpResponse<String> detail = session.get(path);
        HttpResponse<String> moved = session.postFields(path + "/shifts/" + published.shiftId(), detail.body(), List.of(
                Map.entry("date", date), Map.entry("start", "14:00"), Map.entry("end", "17:00"),
                Map.entry("capacity", "7"), Map.entry("position", "")), false);

        assertThat(moved.statusCode()).isEqualTo(302);
        JsonNode activity = client.get("/api/v1/activities/" + published.activityId(), null).json();
        assertThat(activity.get("title").asString()).isEqualTo(newTitle);
        assertThat(activity.get("approval").asString()).isEqualTo("MANUAL");
        JsonNode shift = activity.get("shifts").get(0);
        assertThat(OffsetDateTime.parse(shift.get("startsAt").asString()))
                .isEqualTo(OffsetDateTime.parse(date + "T14:00:00+08:00"));
        assertThat(shift.get("capacity").asInt()).isEqualTo(7);
    }

    @Test
    void anOrganiserPlansWeeklyRegularShiftsAndEndsTheSeries() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("常态化 "), ActivityPageFixture.freshDay(), 5, true));
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/activities/" + published.activityId();
        HttpResponse<String> detail = session.get(path);
        assertThat(detail.body()).contains("id=\"series-form\"");

        HttpResponse<String> planned = session.postFields(path + "/series", detail.body(), List.of(
                Map.entry("frequency", "WEEKLY"), Map.entry("weekdays", "SA"), Map.entry("monthDay", ""),
                Map.entry("startsOn", ""), Map.entry("until", ""), Map.entry("startTime", "09:00"),
                Map.entry("durationMinutes", "120"), Map.entry("capacity", "12"), Map.entry("position", "")), false);
        assertThat(planned.statusCode()).isEqualTo(302);
        HttpResponse<String> after = session.get(path);
        assertThat(after.body()).contains("FREQ=WEEKLY;BYDAY=SA", "已添加常态化排班");
        long saturdays = client.get("/api/v1/activities/" + published.activityId(), null).json().get("shifts")
                .valueStream().filter(shift -> OffsetDateTime.parse(shift.get("startsAt").asString())
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getDayOfWeek() == java.time.DayOfWeek.SATURDAY)
                .count();
        assertThat(saturdays).isGreaterThanOrEqualTo(7);

        java.util.regex.Matcher end = java.util.regex.Pattern.compile("action=\"(/admin/activities/\\d+/series/\\d+/end)\"")
                .matcher(after.body());
        assertThat(end.find()).isTrue();
        assertThat(session.postFields(end.group(1), after.body(), List.of(Map.entry("lastDate", "")), false).statusCode())
                .isEqualTo(302);
        assertThat(session.get(path).body()).contains("排班已结束");
        HttpResponse<String> refused = session.postFields(path + "/series", after.body(), List.of(
                Map.entry("frequency", "WEEKLY"), Map.entry("startTime", "09:00"), Map.entry("durationMinutes", "120"),
                Map.entry("capacity", "12")), false);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("排班信息不完整");
    }

    private JsonNode api(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        return client.get("/api/v1/activities/" + id, client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD)).json();
    }

    private static String firstOption(String page, String select) {
        java.util.regex.Matcher option = java.util.regex.Pattern
                .compile("<select id=\"" + select + "\"[^>]*>\\s*<option value=\"\"[^<]*</option>\\s*<option value=\"(\\d+)\"")
                .matcher(page);
        assertThat(option.find()).as("a team to choose").isTrue();
        return option.group(1);
    }
}
