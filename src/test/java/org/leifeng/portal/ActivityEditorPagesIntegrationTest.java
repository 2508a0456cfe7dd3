package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The organiser's editor and activity page through HTTP as a browser posts them (session, CSRF token): every field
 * of an activity, changing it, adding, moving and cancelling shifts, weekly and monthly series with their end and
 * single occurrences; each refused form answers with the reasons next to its fields and everything typed, and
 * changes nothing. What a page saved is read back through the API.
 */
@LeifengTest
class ActivityEditorPagesIntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestClient client;

    @Test
    void theEditorSetsEveryFieldOfAnActivity() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> editor = session.get("/admin/activities/new");
        assertThat(editor.body()).contains("name=\"team\"", "name=\"skills\"", "name=\"opensAt\"", "name=\"closesAt\"",
                "name=\"contactName\"", "name=\"contactPhone\"", "name=\"radius\"", "name=\"teamOnly\"",
                "name=\"insurance\"", "name=\"waitlist\"", "name=\"minAge\"", "name=\"maxAge\"", "name=\"approval\"");
        String team = firstOption(editor.body(), "team");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        String title = TestClient.unique("全字段 ");

        HttpResponse<String> created = session.postFields("/admin/activities", editor.body(), List.of(
                Map.entry("title", title), Map.entry("category", "HEALTH"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("team", team),
                Map.entry("teamOnly", "true"), Map.entry("description", "义诊"), Map.entry("address", "龙亭公园"),
                Map.entry("lat", "34.81"), Map.entry("lon", "114.35"), Map.entry("radius", "250"),
                Map.entry("minAge", "18"), Map.entry("maxAge", "65"), Map.entry("approval", "MANUAL"),
                Map.entry("insurance", "true"), Map.entry("skills", "FIRST_AID"), Map.entry("skills", "NURSING"),
                Map.entry("opensAt", "2026-01-01T08:00"), Map.entry("closesAt", date + "T07:00"),
                Map.entry("contactName", "王老师"), Map.entry("contactPhone", "13900001111"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "09:00"), Map.entry("shiftEnd", "11:00"),
                Map.entry("shiftCapacity", "8"), Map.entry("shiftPosition", "分诊,引导")), false);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        JsonNode activity = api(created);
        assertThat(activity.get("title").asString()).isEqualTo(title);
        assertThat(activity.get("category").asString()).isEqualTo("HEALTH");
        assertThat(activity.get("teamId").asString()).isEqualTo(team);
        assertThat(activity.get("teamOnly").asBoolean()).isTrue();
        assertThat(activity.get("place").get("address").asString()).isEqualTo("龙亭公园");
        assertThat(activity.get("place").get("lat").asDouble()).isEqualTo(34.81);
        assertThat(activity.get("place").get("lon").asDouble()).isEqualTo(114.35);
        assertThat(activity.get("place").get("radiusMeters").asInt()).isEqualTo(250);
        assertThat(activity.get("minAge").asInt()).isEqualTo(18);
        assertThat(activity.get("maxAge").asInt()).isEqualTo(65);
        assertThat(activity.get("approval").asString()).isEqualTo("MANUAL");
        assertThat(activity.get("waitlist").asBoolean()).as("an unticked box is off").isFalse();
        assertThat(activity.get("insuranceRequired").asBoolean()).isTrue();
        assertThat(activity.get("requiredSkills")).extracting(JsonNode::asString).containsExactly("FIRST_AID", "NURSING");
        assertThat(OffsetDateTime.parse(activity.get("recruitmentOpensAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-01-01T08:00:00+08:00"));
        assertThat(OffsetDateTime.parse(activity.get("recruitmentClosesAt").asString()))
                .isEqualTo(OffsetDateTime.parse(date + "T07:00:00+08:00"));
        assertThat(activity.get("contact").get("name").asString()).isEqualTo("王老师");
        assertThat(activity.get("contact").get("phone").asString()).isEqualTo("13900001111");
        assertThat(activity.get("shifts").get(0).get("position").asString()).as("a comma stays in its field").isEqualTo("分诊,引导");

        HttpResponse<String> page = session.get(location(created));
        assertThat(page.body()).contains("急救 · 医疗护理", "王老师 13900001111", "签到范围 250 米", "18–65 岁",
                "（仅限队员报名）", "须有意外保险", "2026-01-01 08:00 – " + date + " 07:00");
    }

    @Test
    void aRefusedEditorShowsEachReasonAtItsFieldKeepsEverythingTypedAndSavesNothing() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String editor = session.get("/admin/activities/new").body();
        String title = TestClient.unique("被退回 ");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();

        HttpResponse<String> refused = session.postFields("/admin/activities", editor, List.of(
                Map.entry("title", title), Map.entry("category", "CULTURE"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("team", ""),
                Map.entry("teamOnly", "true"), Map.entry("description", "留下的介绍"), Map.entry("address", "鼓楼"),
                Map.entry("lat", "34.8"), Map.entry("lon", ""), Map.entry("radius", "300"),
                Map.entry("minAge", "60"), Map.entry("maxAge", "18"), Map.entry("approval", "MANUAL"),
                Map.entry("waitlist", "true"), Map.entry("skills", "TUTORING"),
                Map.entry("opensAt", date + "T10:00"), Map.entry("closesAt", date + "T08:00"),
                Map.entry("contactName", "赵"), Map.entry("contactPhone", "13900002222"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "09:00"), Map.entry("shiftEnd", "11:00"),
                Map.entry("shiftCapacity", "6"), Map.entry("shiftPosition", "第一班"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "14:00"), Map.entry("shiftEnd", "16:00"),
                Map.entry("shiftCapacity", "0"), Map.entry("shiftPosition", "第二班")), false);

        assertThat(refused.statusCode()).isEqualTo(400);
        String page = refused.body();
        assertThat(page).contains("请修改下面标出的内容");
        assertThat(fieldError(page, "maxAge")).isEqualTo("最大年龄不能小于最小年龄");
        assertThat(fieldError(page, "closesAt")).isEqualTo("报名截止时间须晚于开始时间");
        assertThat(fieldError(page, "lat")).isEqualTo("经纬度须同时填写");
        assertThat(fieldError(page, "team")).isEqualTo("仅限队员参加的活动须指定服务队");
        assertThat(fieldError(page, "shiftCapacity[1]")).isNotBlank();
        assertThat(page).doesNotContain("id=\"error-shiftCapacity-0-\"")
                .contains("aria-describedby=\"error-maxAge\"", "aria-invalid=\"true\"");
        assertThat(page).contains("value=\"" + title + "\"", "留下的介绍", "value=\"鼓楼\"", "value=\"34.8\"",
                "value=\"60\"", "value=\"18\"", "value=\"" + date + "T10:00\"", "value=\"赵\"", "value=\"13900002222\"",
                "value=\"第一班\"", "value=\"第二班\"", "value=\"14:00\"");
        assertThat(checked(page, "teamOnly", "true")).isTrue();
        assertThat(checked(page, "skills", "TUTORING")).isTrue();
        assertThat(checked(page, "approval", "MANUAL")).isTrue();
        assertThat(selected(page, "CULTURE")).isTrue();
        assertThat(session.get("/admin/activities").body()).doesNotContain(title);
    }

    @Test
    void whatCannotBeReadAndWhatTheModuleRefusesShowAtTheirFields() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String editor = session.get("/admin/activities/new").body();
        String organisation = String.valueOf(fixture.organisation("龙亭区"));

        HttpResponse<String> unreadable = session.postFields("/admin/activities", editor, List.of(
                Map.entry("title", "格式不对"), Map.entry("category", "CULTURE"), Map.entry("organisationId", organisation),
                Map.entry("approval", "AUTO"), Map.entry("lat", "北纬"), Map.entry("lon", "114.3"),
                Map.entry("shiftDate", "明天"), Map.entry("shiftStart", "09:00"), Map.entry("shiftEnd", "11:00"),
                Map.entry("shiftCapacity", "5"), Map.entry("shiftPosition", "")), false);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(fieldError(unreadable.body(), "lat")).isEqualTo("类型或格式不正确");
        assertThat(fieldError(unreadable.body(), "shiftDate[0]")).isEqualTo("类型或格式不正确");
        assertThat(unreadable.body()).contains("value=\"北纬\"", "value=\"明天\"");

        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        HttpResponse<String> unknownSkill = session.postFields("/admin/activities", editor, List.of(
                Map.entry("title", "未知技能"), Map.entry("category", "CULTURE"), Map.entry("organisationId", organisation),
                Map.entry("approval", "AUTO"), Map.entry("skills", "JUGGLING"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "09:00"), Map.entry("shiftEnd", "11:00"),
                Map.entry("shiftCapacity", "5"), Map.entry("shiftPosition", "")), false);
        assertThat(unknownSkill.statusCode()).isEqualTo(400);
        assertThat(fieldError(unknownSkill.body(), "skills")).isEqualTo("有未知的技能代码");
    }

    @Test
    void theEditorAndItsReasonsSpeakEnglish() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> editor = session.getIn("en", "/admin/activities/new");
        assertThat(editor.body()).contains("New activity", "Organising team", "Skills needed", "Sign-up opens",
                "Sign-up closes", "Contact phone", "Check-in radius (m)", "may sign up",
                "First aid").doesNotContain("组织服务队");

        HttpResponse<String> refused = session.postFields("/admin/activities", editor.body(), List.of(
                Map.entry("title", "English refusal"), Map.entry("category", "CULTURE"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("approval", "AUTO"),
                Map.entry("minAge", "40"), Map.entry("maxAge", "20"), Map.entry("lat", "x")), false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please correct the fields marked below.", "value=\"English refusal\"");
        assertThat(fieldError(refused.body(), "lat")).isEqualTo("has the wrong type or format");

        HttpResponse<String> ages = session.postFields("/admin/activities", editor.body(), List.of(
                Map.entry("title", "English refusal"), Map.entry("category", "CULTURE"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("approval", "AUTO"),
                Map.entry("minAge", "40"), Map.entry("maxAge", "20")), false);
        assertThat(fieldError(ages.body(), "maxAge")).isEqualTo("the maximum age must not be below the minimum age");
    }

    @Test
    void anOrganiserChangesEveryFieldOfAnActivityAndARefusedChangeKeepsTheOldOne() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("待修改 "), ActivityPageFixture.freshDay(), 5, true));
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/activities/" + published.activityId();
        HttpResponse<String> edit = session.get(path + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("name=\"title\"", "id=\"fixed-facts\"").doesNotContain("name=\"shiftDate\"");
        String newTitle = TestClient.unique("已修改 ");
        List<Map.Entry<String, String>> change = new ArrayList<>(List.of(
                Map.entry("title", newTitle), Map.entry("category", "ELDERLY"), Map.entry("description", "看望老人"),
                Map.entry("address", "北书店街"), Map.entry("lat", "34.79"), Map.entry("lon", "114.34"),
                Map.entry("radius", "150"), Map.entry("minAge", "16"), Map.entry("maxAge", "70"),
                Map.entry("approval", "MANUAL"), Map.entry("insurance", "true"), Map.entry("skills", "COUNSELLING"),
                Map.entry("opensAt", "2026-02-01T09:00"), Map.entry("closesAt", ""),
                Map.entry("contactName", "李"), Map.entry("contactPhone", "13700003333")));

        List<Map.Entry<String, String>> tooSmall = new ArrayList<>(change);
        tooSmall.set(6, Map.entry("radius", "5"));
        HttpResponse<String> refused = session.postFields(path + "/edit", edit.body(), tooSmall, false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused.body(), "radius")).isNotBlank();
        assertThat(refused.body()).contains("value=\"" + newTitle + "\"", "value=\"5\"", "value=\"13700003333\"");
        assertThat(client.get("/api/v1/activities/" + published.activityId(), null).json().get("title").asString())
                .isNotEqualTo(newTitle);

        HttpResponse<String> saved = session.postFields(path + "/edit", edit.body(), change, false);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode activity = client.get("/api/v1/activities/" + published.activityId(), null).json();
        assertThat(activity.get("title").asString()).isEqualTo(newTitle);
        assertThat(activity.get("category").asString()).isEqualTo("ELDERLY");
        assertThat(activity.get("approval").asString()).isEqualTo("MANUAL");
        assertThat(activity.get("waitlist").asBoolean()).isFalse();
        assertThat(activity.get("insuranceRequired").asBoolean()).isTrue();
        assertThat(activity.get("place").get("radiusMeters").asInt()).isEqualTo(150);
        assertThat(activity.get("minAge").asInt()).isEqualTo(16);
        assertThat(activity.get("maxAge").asInt()).isEqualTo(70);
        assertThat(activity.get("requiredSkills")).extracting(JsonNode::asString).containsExactly("COUNSELLING");
        assertThat(OffsetDateTime.parse(activity.get("recruitmentOpensAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-02-01T09:00:00+08:00"));
        assertThat(activity.path("recruitmentClosesAt").isMissingNode() || activity.get("recruitmentClosesAt").isNull())
                .as("a cleared field is cleared").isTrue();
        assertThat(activity.get("contact").get("phone").asString()).isEqualTo("13700003333");
        assertThat(session.get(path).body()).contains("活动信息已保存", "心理疏导", "李 13700003333");
    }

    @Test
    void anEndBeforeTheStartIsRefusedAtItsFieldUnlessTheShiftEndsTheNextDay() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String editor = session.get("/admin/activities/new").body();
        assertThat(editor).contains("name=\"shiftNextDay\"", "次日结束");
        String title = TestClient.unique("夜间巡逻 ");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("title", title), Map.entry("category", "COMMUNITY"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))), Map.entry("approval", "AUTO"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "11:00"), Map.entry("shiftEnd", "09:00"),
                Map.entry("shiftNextDay", ""), Map.entry("shiftCapacity", "6"), Map.entry("shiftPosition", "上午班"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "22:00"), Map.entry("shiftEnd", "02:00"),
                Map.entry("shiftNextDay", ""), Map.entry("shiftNextDay", "true"), Map.entry("shiftCapacity", "4"),
                Map.entry("shiftPosition", "夜班")));

        HttpResponse<String> refused = session.postFields("/admin/activities", editor, fields, false);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused.body(), "shiftEnd[0]")).isEqualTo("结束时间早于开始时间；如果班次跨过午夜，请勾选“次日结束”");
        assertThat(refused.body()).doesNotContain("id=\"error-shiftEnd-1-\"")
                .contains("value=\"11:00\"", "value=\"09:00\"", "value=\"上午班\"", "value=\"22:00\"", "value=\"02:00\"");
        assertThat(checked(refused.body(), "shiftNextDay", "true")).as("the night shift's box stays ticked").isTrue();
        assertThat(session.get("/admin/activities").body()).doesNotContain(title);

        fields.set(6, Map.entry("shiftEnd", "13:00"));
        HttpResponse<String> created = session.postFields("/admin/activities", editor, fields, false);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        JsonNode shifts = api(created).get("shifts");
        JsonNode night = shifts.valueStream().filter(s -> "夜班".equals(s.get("position").asString())).findFirst()
                .orElseThrow();
        assertThat(OffsetDateTime.parse(night.get("endsAt").asString()))
                .isEqualTo(OffsetDateTime.parse(LocalDate.parse(date).plusDays(1) + "T02:00:00+08:00"));
        JsonNode morning = shifts.valueStream().filter(s -> "上午班".equals(s.get("position").asString())).findFirst()
                .orElseThrow();
        assertThat(OffsetDateTime.parse(morning.get("endsAt").asString()))
                .isEqualTo(OffsetDateTime.parse(date + "T13:00:00+08:00"));

        String path = location(created);
        String english = session.getIn("en", path).body();
        assertThat(english).contains("Ends the next day");
        HttpResponse<String> refusedAdd = session.postFields(path + "/shifts", english, List.of(Map.entry("date", date),
                Map.entry("start", "18:00"), Map.entry("end", "06:00"), Map.entry("capacity", "3"),
                Map.entry("position", "通宵")), false);
        assertThat(refusedAdd.statusCode()).isEqualTo(400);
        assertThat(fieldError(refusedAdd.body(), "add.end"))
                .isEqualTo("The end is before the start; if the shift runs past midnight, tick “Ends the next day”");
        assertThat(refusedAdd.body()).contains("value=\"18:00\"", "value=\"06:00\"", "value=\"通宵\"");
    }

    @Test
    void anOrganiserAddsMovesAndCancelsShiftsAndARefusedShiftFormKeepsItsValues() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        OffsetDateTime day = ActivityPageFixture.freshDay();
        var published = fixture.publish(fixture.activity(TestClient.unique("班次 "), day, 2, true));
        client.post("/api/v1/shifts/" + published.shiftId() + "/signups", fixture.volunteer().token(), null);
        client.post("/api/v1/shifts/" + published.shiftId() + "/signups", fixture.volunteer().token(), null);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/activities/" + published.activityId();
        String date = day.toLocalDate().toString();
        String page = session.get(path).body();

        HttpResponse<String> belowHeld = session.postFields(path + "/shifts/" + published.shiftId(), page, List.of(
                Map.entry("date", date), Map.entry("start", "08:00"), Map.entry("end", "12:00"),
                Map.entry("capacity", "1"), Map.entry("position", "清扫组")), false);
        assertThat(belowHeld.statusCode()).isEqualTo(409);
        assertThat(fieldError(belowHeld.body(), "shift-" + published.shiftId())).contains("超过新的名额");
        assertThat(belowHeld.body()).contains("value=\"08:00\"", "value=\"12:00\"");
        assertThat(belowHeld.body()).as("the refused shift's form is open").containsPattern(
                "<details (open=\"open\" class=\"more shift-change\"|class=\"more shift-change\" open=\"open\")>");

        HttpResponse<String> moved = session.postFields(path + "/shifts/" + published.shiftId(), page, List.of(
                Map.entry("date", date), Map.entry("start", "14:00"), Map.entry("end", "17:00"),
                Map.entry("capacity", "7"), Map.entry("position", "下午组")), false);
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("班次已保存");
        JsonNode shift = client.get("/api/v1/activities/" + published.activityId(), null).json().get("shifts").get(0);
        assertThat(OffsetDateTime.parse(shift.get("startsAt").asString())).isEqualTo(OffsetDateTime.parse(date + "T14:00:00+08:00"));
        assertThat(OffsetDateTime.parse(shift.get("endsAt").asString())).isEqualTo(OffsetDateTime.parse(date + "T17:00:00+08:00"));
        assertThat(shift.get("capacity").asInt()).isEqualTo(7);
        assertThat(shift.get("position").asString()).isEqualTo("下午组");

        HttpResponse<String> refusedAdd = session.postFields(path + "/shifts", page, List.of(
                Map.entry("date", date), Map.entry("start", "18:00"), Map.entry("end", "20:00"),
                Map.entry("capacity", "0"), Map.entry("position", "晚班")), false);
        assertThat(refusedAdd.statusCode()).isEqualTo(400);
        assertThat(fieldError(refusedAdd.body(), "add.capacity")).isNotBlank();
        assertThat(refusedAdd.body()).contains("value=\"18:00\"", "value=\"晚班\"");
        assertThat(client.get("/api/v1/activities/" + published.activityId(), null).json().get("shifts").size()).isEqualTo(1);

        assertThat(session.postFields(path + "/shifts", page, List.of(Map.entry("date", date),
                Map.entry("start", "18:00"), Map.entry("end", "20:00"), Map.entry("capacity", "4"),
                Map.entry("position", "晚班")), false).statusCode()).isEqualTo(302);
        JsonNode shifts = client.get("/api/v1/activities/" + published.activityId(), null).json().get("shifts");
        assertThat(shifts.size()).isEqualTo(2);
        long evening = shifts.valueStream().filter(s -> "晚班".equals(s.get("position").asString())).findFirst()
                .orElseThrow().get("id").asLong();
        assertThat(session.postFields(path + "/shifts/" + evening + "/cancel", session.get(path).body(), List.of(), false)
                .statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("班次已取消");
        assertThat(shiftStatus(published.activityId(), evening)).isEqualTo("CANCELLED");
    }

    @Test
    void anOrganiserPlansWeeklyAndMonthlySeriesChangesOneOccurrenceAndEndsASeries() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("常态化 "), ActivityPageFixture.freshDay(), 5, true));
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/activities/" + published.activityId();
        String detail = session.get(path).body();
        assertThat(detail).contains("id=\"series-form\"");

        HttpResponse<String> noDays = session.postFields(path + "/series", detail, List.of(
                Map.entry("frequency", "WEEKLY"), Map.entry("monthDay", ""), Map.entry("startsOn", ""),
                Map.entry("until", ""), Map.entry("startTime", "07:30"), Map.entry("durationMinutes", "90"),
                Map.entry("capacity", "12"), Map.entry("position", "晨练")), false);
        assertThat(noDays.statusCode()).isEqualTo(400);
        assertThat(fieldError(noDays.body(), "series.weekdays")).isEqualTo("请至少选择一天。");
        assertThat(noDays.body()).contains("value=\"07:30\"", "value=\"90\"", "value=\"晨练\"");
        assertThat(seriesOf(published.activityId())).isEmpty();

        HttpResponse<String> weekly = session.postFields(path + "/series", detail, List.of(
                Map.entry("frequency", "WEEKLY"), Map.entry("weekdays", "SA"), Map.entry("weekdays", "SU"),
                Map.entry("monthDay", ""), Map.entry("startsOn", ""), Map.entry("until", ""),
                Map.entry("startTime", "09:00"), Map.entry("durationMinutes", "120"), Map.entry("capacity", "12"),
                Map.entry("position", "")), false);
        assertThat(weekly.statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("已添加常态化排班");
        HttpResponse<String> monthly = session.postFields(path + "/series", detail, List.of(
                Map.entry("frequency", "MONTHLY"), Map.entry("monthDay", "5"), Map.entry("startsOn", ""),
                Map.entry("until", ""), Map.entry("startTime", "14:00"), Map.entry("durationMinutes", "60"),
                Map.entry("capacity", "3"), Map.entry("position", "")), false);
        assertThat(monthly.statusCode()).isEqualTo(302);
        session.get(path);

        List<JsonNode> series = seriesOf(published.activityId());
        assertThat(series).extracting(s -> s.get("rrule").asString())
                .containsExactlyInAnyOrder("FREQ=WEEKLY;BYDAY=SA,SU", "FREQ=MONTHLY;BYMONTHDAY=5");
        HttpResponse<String> after = session.get(path);
        assertThat(after.body()).contains("每周六、日", "每月 5 日", "常态化");
        JsonNode weekend = series.stream().filter(s -> s.get("rrule").asString().startsWith("FREQ=WEEKLY")).findFirst().orElseThrow();
        List<JsonNode> occurrences = weekend.get("shifts").valueStream().toList();
        assertThat(occurrences).hasSizeGreaterThanOrEqualTo(14);
        assertThat(occurrences).allMatch(s -> {
            DayOfWeek day = OffsetDateTime.parse(s.get("startsAt").asString()).atZoneSameInstant(CITY).getDayOfWeek();
            return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        });

        long first = occurrences.get(0).get("id").asLong();
        long second = occurrences.get(1).get("id").asLong();
        String firstDate = OffsetDateTime.parse(occurrences.get(0).get("startsAt").asString()).atZoneSameInstant(CITY)
                .toLocalDate().toString();
        assertThat(session.postFields(path + "/shifts/" + first, after.body(), List.of(Map.entry("date", firstDate),
                Map.entry("start", "10:00"), Map.entry("end", "12:30"), Map.entry("capacity", "20"),
                Map.entry("position", "")), false).statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("班次已保存");
        assertThat(session.postFields(path + "/shifts/" + second + "/cancel", after.body(), List.of(), false).statusCode())
                .isEqualTo(302);
        assertThat(session.get(path).body()).contains("班次已取消");
        JsonNode again = seriesOf(published.activityId()).stream().filter(s -> s.get("id").asLong() == weekend.get("id").asLong())
                .findFirst().orElseThrow();
        JsonNode moved = shiftIn(again, first);
        assertThat(moved.get("capacity").asInt()).isEqualTo(20);
        assertThat(OffsetDateTime.parse(moved.get("startsAt").asString()))
                .isEqualTo(OffsetDateTime.parse(firstDate + "T10:00:00+08:00"));
        assertThat(shiftIn(again, second).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(shiftIn(again, occurrences.get(2).get("id").asLong()).get("capacity").asInt())
                .as("the other occurrences stay as the series made them").isEqualTo(12);
        assertThat(again.get("active").asBoolean()).isTrue();

        String end = path + "/series/" + weekend.get("id").asLong() + "/end";
        HttpResponse<String> tooEarly = session.postFields(end, after.body(),
                List.of(Map.entry("lastDate", LocalDate.now(CITY).minusYears(1).toString())), false);
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(fieldError(tooEarly.body(), "end-" + weekend.get("id").asLong() + ".lastDate"))
                .isEqualTo("结束日期不能早于系列的开始日期");
        assertThat(session.postFields(end, after.body(), List.of(Map.entry("lastDate", "")), false).statusCode())
                .isEqualTo(302);
        assertThat(session.get(path).body()).contains("排班已结束，不再生成新班次", "已结束");
        assertThat(seriesOf(published.activityId()).stream().filter(s -> s.get("id").asLong() == weekend.get("id").asLong())
                .findFirst().orElseThrow().get("active").asBoolean()).isFalse();
    }

    @Test
    void theActivityPageAndItsSeriesSpeakEnglish() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("English series "), ActivityPageFixture.freshDay(), 5, true));
        client.post("/api/v1/activities/" + published.activityId() + "/series", fixture.organiserToken(),
                Map.of("rrule", "FREQ=WEEKLY;BYDAY=WE", "startTime", "19:00", "durationMinutes", 90, "capacity", 6));
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> page = session.getIn("en", "/admin/activities/" + published.activityId());
        assertThat(page.body()).contains("Regular shifts", "Every week on Wed", "Save shift", "Add a shift",
                "End the series", "Waiting list when full", "regular").doesNotContain("常态化排班");
    }

    private List<JsonNode> seriesOf(long activityId) {
        return client.get("/api/v1/activities/" + activityId + "/series", client.tokenFor("longting.admin",
                TestClient.DEMO_PASSWORD)).json().valueStream().toList();
    }

    private static JsonNode shiftIn(JsonNode series, long shiftId) {
        return series.get("shifts").valueStream().filter(s -> s.get("id").asLong() == shiftId).findFirst().orElseThrow();
    }

    private String shiftStatus(long activityId, long shiftId) {
        return client.get("/api/v1/activities/" + activityId, null).json().get("shifts").valueStream()
                .filter(s -> s.get("id").asLong() == shiftId).findFirst().orElseThrow().get("status").asString();
    }

    private JsonNode api(HttpResponse<String> created) {
        String location = location(created);
        String id = location.substring(location.lastIndexOf('/') + 1);
        return client.get("/api/v1/activities/" + id, client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD)).json();
    }

    private static String location(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/admin/"));
    }

    /** The reason shown under a field, by the field's key ("maxAge", "shiftCapacity[1]", "add.capacity"). */
    static String fieldError(String page, String key) {
        String id = "error-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
        Matcher error = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)</p>").matcher(page);
        assertThat(error.find()).as("a reason at " + key).isTrue();
        return error.group(1).strip();
    }

    private static boolean checked(String page, String name, String value) {
        return Pattern.compile("name=\"" + name + "\"[^>]*value=\"" + value + "\"[^>]*checked").matcher(page).find();
    }

    private static boolean selected(String page, String value) {
        return Pattern.compile("value=\"" + value + "\"[^>]*selected").matcher(page).find();
    }

    private static String firstOption(String page, String select) {
        Matcher option = Pattern
                .compile("<select id=\"" + select + "\"[^>]*>\\s*<option value=\"\"[^<]*</option>\\s*<option value=\"(\\d+)\"")
                .matcher(page);
        assertThat(option.find()).as("a team to choose").isTrue();
        return option.group(1);
    }
}
