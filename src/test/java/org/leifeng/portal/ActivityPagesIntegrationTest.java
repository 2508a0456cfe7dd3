package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The activity pages through HTTP as a browser uses them: a session, the CSRF token, htmx's header. */
@LeifengTest
class ActivityPagesIntegrationTest {

    @Autowired
    TestClient client;

    @Test
    void anyoneFindsAPublishedActivityAndSeesItsFreePlaces() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        String title = TestClient.unique("公开活动 ");
        var published = fixture.publish(fixture.activity(title, ActivityPageFixture.freshDay(), 5, true));
        var visitor = fixture.anonymous();

        HttpResponse<String> list = visitor.get("/activities?category=COMMUNITY&q=" + TestClient.encode(title));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(title, "社区服务", "剩余 5 个名额", "/activities/" + published.activityId());
        assertThat(visitor.get("/activities?category=HEALTH&q=" + TestClient.encode(title)).body())
                .doesNotContain("/activities/" + published.activityId() + "\"");

        HttpResponse<String> detail = visitor.get("/activities/" + published.activityId());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(title, "清扫组", "剩余 5 个名额（共 5 个）", "登录志愿者账号后可报名")
                .doesNotContain("hx-post");
    }

    @Test
    void theActivityPagesSpeakEnglishWhenAskedTo() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        String title = TestClient.unique("English page ");
        var published = fixture.publish(fixture.activity(title, ActivityPageFixture.freshDay(), 2, true));
        var visitor = fixture.anonymous();

        assertThat(visitor.get("/activities?lang=en&q=" + TestClient.encode(title)).body())
                .contains("Volunteer activities", "Community service", "2 places left", "Care for the elderly and disabled");
        assertThat(visitor.get("/activities/" + published.activityId()).body())
                .contains("Shifts", "2 of 2 places left", "Sign in as a volunteer to sign up.");
    }

    @Test
    void theDateRangeAndFreePlacesFiltersLeaveOutWhatDoesNotFit() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        String title = TestClient.unique("筛选活动 ");
        OffsetDateTime day = ActivityPageFixture.freshDay();
        var published = fixture.publish(fixture.activity(title, day, 1, false));
        client.post("/api/v1/shifts/" + published.shiftId() + "/signups", fixture.volunteer().token(), null);
        var visitor = fixture.anonymous();
        String date = day.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        String query = "/activities?q=" + TestClient.encode(title);

        assertThat(visitor.get(query + "&from=" + date + "&to=" + date).body()).contains(title, "名额已满");
        String link = "/activities/" + published.activityId() + "\"";
        assertThat(visitor.get(query + "&from=" + day.plusDays(1).toLocalDate()).body()).doesNotContain(link);
        assertThat(visitor.get(query + "&free=true").body()).doesNotContain(link);
    }

    @Test
    void aVolunteerSignsUpWithHtmxGetsTheRowBackAndCancelsOnMySignups() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        String title = TestClient.unique("报名活动 ");
        var published = fixture.publish(fixture.activity(title, ActivityPageFixture.freshDay(), 3, true));
        var volunteer = fixture.volunteer();
        var session = fixture.signedIn(volunteer.phone(), ActivityPageFixture.PASSWORD);

        String page = session.get("/activities/" + published.activityId()).body();
        assertThat(page).contains("hx-post=\"/activities/" + published.activityId() + "/shifts/" + published.shiftId() + "/signup\"");
        HttpResponse<String> row = session.post("/activities/" + published.activityId() + "/shifts/"
                + published.shiftId() + "/signup", page, Map.of(), true);
        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.body().strip()).startsWith("<li").contains("id=\"shift-" + published.shiftId() + "\"", "已报名",
                "报名已提交", "剩余 2 个名额", "取消报名").doesNotContain("<html");

        HttpResponse<String> again = session.post("/activities/" + published.activityId() + "/shifts/"
                + published.shiftId() + "/signup", page, Map.of(), true);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("class=\"alert\"", "您已报名这个班次");

        HttpResponse<String> mine = session.get("/account/signups");
        assertThat(mine.body()).contains(title, "已报名");
        long signupId = client.get("/api/v1/me/signups", volunteer.token()).json().get("items").get(0).get("id").asLong();
        HttpResponse<String> cancelled = session.post("/account/signups/" + signupId + "/cancel", mine.body(), Map.of(), true);
        assertThat(cancelled.body().strip()).startsWith("<article").contains("报名已取消", "已取消").doesNotContain("cancel-signup");
        assertThat(fixture.anonymous().get("/activities/" + published.activityId()).body()).contains("剩余 3 个名额");
    }

    @Test
    void withoutScriptTheSignUpFormRedirectsBackWithTheRefusal() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("无脚本 "), ActivityPageFixture.freshDay(), 1, false));
        client.post("/api/v1/shifts/" + published.shiftId() + "/signups", fixture.volunteer().token(), null);
        var session = fixture.signedIn(fixture.volunteer().phone(), ActivityPageFixture.PASSWORD);

        String page = session.get("/activities/" + published.activityId()).body();
        HttpResponse<String> posted = session.post("/activities/" + published.activityId() + "/shifts/"
                + published.shiftId() + "/signup", page, Map.of(), false);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(session.get("/activities/" + published.activityId()).body()).contains("该班次已满，且不设候补");
    }

    @Test
    void anOrganiserCreatesAnActivityWithTwoShiftsPublishesItAndOpensASignUpList() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> editor = session.get("/admin/activities/new");
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("龙亭区", "北书店街道", "name=\"shiftDate\"").doesNotContain("鼓楼区");
        assertThat(session.get("/admin/activities/shift-row").body()).contains("name=\"shiftCapacity\"").doesNotContain("<html");

        String title = TestClient.unique("页面新建 ");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        HttpResponse<String> created = session.postFields("/admin/activities", editor.body(), List.of(
                Map.entry("title", title), Map.entry("category", "ENVIRONMENT"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))),
                Map.entry("description", "清理河道"), Map.entry("address", "龙亭湖"), Map.entry("lat", "34.81"),
                Map.entry("lon", "114.35"), Map.entry("minAge", "16"), Map.entry("maxAge", ""),
                Map.entry("approval", "MANUAL"), Map.entry("waitlist", "true"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "08:00"), Map.entry("shiftEnd", "10:00"),
                Map.entry("shiftCapacity", "20"), Map.entry("shiftPosition", "河岸组"),
                Map.entry("shiftDate", date), Map.entry("shiftStart", "14:00"), Map.entry("shiftEnd", "16:30"),
                Map.entry("shiftCapacity", "5"), Map.entry("shiftPosition", "")), false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/admin/activities/\\d+");
        String path = location.substring(location.indexOf("/admin/"));

        HttpResponse<String> detail = session.get(path);
        assertThat(detail.body()).contains(title, "草稿", "河岸组", date + " 08:00 – 10:00", date + " 14:00 – 16:30",
                "生态环保", "组织者审核");
        HttpResponse<String> published = session.post(path + "/publish", detail.body(), Map.of(), false);
        assertThat(published.statusCode()).isEqualTo(302);
        HttpResponse<String> after = session.get(path);
        assertThat(after.body()).contains("活动已发布", "招募中");
        assertThat(session.get("/admin/activities").body()).contains(title);

        Matcher signups = Pattern.compile("href=\"(/admin/shifts/\\d+/signups)\"")
                .matcher(after.body());
        assertThat(signups.find()).isTrue();
        HttpResponse<String> list = session.get(signups.group(1));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("还没有人报名", "没有人候补");
    }

    @Test
    void anOrganiserApprovesOneSignUpTurnsAnotherDownAndTheFirstInLineMovesUp() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var body = fixture.activity(TestClient.unique("审核活动 "), ActivityPageFixture.freshDay(), 2, true);
        body.put("approval", "MANUAL");
        var published = fixture.publish(body);
        var first = fixture.volunteer();
        var second = fixture.volunteer();
        var third = fixture.volunteer();
        String signups = "/api/v1/shifts/" + published.shiftId() + "/signups";
        long approved = client.post(signups, first.token(), null).id();
        long rejected = client.post(signups, second.token(), null).id();
        client.post(signups, third.token(), null);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/shifts/" + published.shiftId() + "/signups";

        HttpResponse<String> list = session.get(path);
        String firstNumber = client.get("/api/v1/volunteers/" + first.id(), first.token()).json().get("volunteerNumber").asString();
        String thirdNumber = client.get("/api/v1/volunteers/" + third.id(), third.token()).json().get("volunteerNumber").asString();
        assertThat(list.body()).contains("（" + firstNumber + "）", "待审核");
        assertThat(list.body().substring(list.body().indexOf("id=\"waiting-list\""))).contains("第 1 位", "（" + thirdNumber + "）");
        assertThat(session.post(path + "/" + approved + "/approve", list.body(), Map.of(), false).statusCode()).isEqualTo(302);
        HttpResponse<String> after = session.get(path);
        assertThat(after.body()).contains("报名已通过", "已报名");

        HttpResponse<String> turnedDown = session.post(path + "/" + rejected + "/reject", after.body(),
                Map.of("reason", "年龄不符合岗位要求"), false);
        assertThat(turnedDown.statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("报名未通过", "年龄不符合岗位要求", "没有人候补");
    }

    @Test
    void theEditorKeepsWhatWasTypedWhenAShiftIsWrong() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String editor = session.get("/admin/activities/new").body();
        HttpResponse<String> refused = session.postFields("/admin/activities", editor, List.of(
                Map.entry("title", "留在表单里的标题"), Map.entry("category", "CULTURE"),
                Map.entry("organisationId", String.valueOf(fixture.organisation("龙亭区"))),
                Map.entry("approval", "AUTO"), Map.entry("shiftDate", "2099-01-01"), Map.entry("shiftStart", "08:00"),
                Map.entry("shiftEnd", "09:00"), Map.entry("shiftCapacity", "0"), Map.entry("shiftPosition", "")), false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"alert\"", "value=\"留在表单里的标题\"", "value=\"2099-01-01\"");
        assertThat(ActivityEditorPagesIntegrationTest.fieldError(refused.body(), "shiftCapacity[0]")).isNotBlank();
    }

    @Test
    void volunteersDoNotManageActivities() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var session = fixture.signedIn(fixture.volunteer().phone(), ActivityPageFixture.PASSWORD);
        assertThat(session.get("/admin/activities").statusCode()).isEqualTo(403);
        assertThat(session.get("/account/signups").body()).contains("您还没有报名任何活动");
    }
}
