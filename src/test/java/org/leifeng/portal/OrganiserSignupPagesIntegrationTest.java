package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.leifeng.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A shift's sign-up list on the organiser's pages: the waiting list in the order it moves up, cancelling a place,
 * approving, turning down with a reason (refused without one, keeping what was typed), and no-shows after the shift.
 * What the pages did is read back through the API.
 */
@LeifengTest
class OrganiserSignupPagesIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    TestClock clock;

    @Test
    void theWaitingListShowsTheLineInOrderAndACancelledPlaceGoesToTheFirstInLine() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var published = fixture.publish(fixture.activity(TestClient.unique("候补顺序 "), ActivityPageFixture.freshDay(), 1, true));
        String signups = "/api/v1/shifts/" + published.shiftId() + "/signups";
        var holder = fixture.volunteer();
        var second = fixture.volunteer();
        var third = fixture.volunteer();
        long held = client.post(signups, holder.token(), null).id();
        long secondSignup = client.post(signups, second.token(), null).id();
        long thirdSignup = client.post(signups, third.token(), null).id();
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/shifts/" + published.shiftId() + "/signups";

        String list = session.get(path).body();
        String line = list.substring(list.indexOf("id=\"waiting-list\""));
        assertThat(line.indexOf("第 1 位")).isLessThan(line.indexOf("id=\"waiting-" + thirdSignup + "\""));
        assertThat(line.indexOf("id=\"waiting-" + secondSignup + "\"")).isLessThan(line.indexOf("id=\"waiting-" + thirdSignup + "\""));
        assertThat(line).contains("第 2 位", number(second), number(third));
        assertThat(list).contains("已确认 1 · 待审核 0 · 候补 2 / 共 1");

        HttpResponse<String> cancelled = session.post(path + "/" + held + "/cancel", list, Map.of(), false);
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(status(held)).isEqualTo("CANCELLED");
        assertThat(status(secondSignup)).isEqualTo("CONFIRMED");
        assertThat(status(thirdSignup)).isEqualTo("WAITLISTED");
        String after = session.get(path).body();
        assertThat(after).contains("已取消该志愿者的报名");
        assertThat(after.substring(after.indexOf("id=\"waiting-list\""))).contains("第 1 位", number(third))
                .doesNotContain("第 2 位");

        assertThat(session.getIn("en", path).body()).contains("Waiting list (in order)", "No. 1", "Cancel this sign-up");
    }

    @Test
    void turningDownNeedsAReasonTheVolunteerReadsAndTheNextInLineMovesUpForApproval() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var body = fixture.activity(TestClient.unique("审核理由 "), ActivityPageFixture.freshDay(), 1, true);
        body.put("approval", "MANUAL");
        var published = fixture.publish(body);
        String signups = "/api/v1/shifts/" + published.shiftId() + "/signups";
        var first = fixture.volunteer();
        var next = fixture.volunteer();
        long pending = client.post(signups, first.token(), null).id();
        long waiting = client.post(signups, next.token(), null).id();
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/shifts/" + published.shiftId() + "/signups";
        String list = session.get(path).body();

        HttpResponse<String> blank = session.post(path + "/" + pending + "/reject", list, Map.of("reason", "  "), false);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(ActivityEditorPagesIntegrationTest.fieldError(blank.body(), "reject-" + pending + ".reason")).isEqualTo("必填");
        String tooLong = "名".repeat(301);
        HttpResponse<String> long_ = session.post(path + "/" + pending + "/reject", list, Map.of("reason", tooLong), false);
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(ActivityEditorPagesIntegrationTest.fieldError(long_.body(), "reject-" + pending + ".reason"))
                .isEqualTo("理由最多 300 个字");
        assertThat(long_.body()).contains("value=\"" + tooLong + "\"");
        assertThat(status(pending)).isEqualTo("PENDING");

        HttpResponse<String> rejected = session.post(path + "/" + pending + "/reject", list, Map.of("reason", "岗位需要急救证"), false);
        assertThat(rejected.statusCode()).isEqualTo(302);
        JsonNode turnedDown = client.get("/api/v1/signups/" + pending, first.token()).json();
        assertThat(turnedDown.get("status").asString()).isEqualTo("REJECTED");
        assertThat(turnedDown.get("reason").asString()).isEqualTo("岗位需要急救证");
        assertThat(status(waiting)).as("the freed place goes to the first in line, for approval").isEqualTo("PENDING");

        String after = session.get(path).body();
        assertThat(after).contains("报名未通过", "岗位需要急救证", "没有人候补");
        assertThat(session.post(path + "/" + waiting + "/approve", after, Map.of(), false).statusCode()).isEqualTo(302);
        assertThat(status(waiting)).isEqualTo("CONFIRMED");
    }

    @Test
    void aNoShowIsMarkedFromTheListOnceTheShiftIsOver() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withSecond(0).withNano(0);
        var published = fixture.publish(fixture.activity(TestClient.unique("缺席 "), soon, 3, true));
        long signup = client.post("/api/v1/shifts/" + published.shiftId() + "/signups", fixture.volunteer().token(), null).id();
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/shifts/" + published.shiftId() + "/signups";
        assertThat(session.get(path).body()).doesNotContain("/" + signup + "/no-show");

        clock.advance(Duration.ofHours(4));
        try {
            String list = session.get(path).body();
            assertThat(list).contains("/" + signup + "/no-show", "标记缺席");
            assertThat(session.post(path + "/" + signup + "/no-show", list, Map.of(), false).statusCode()).isEqualTo(302);
            assertThat(status(signup)).isEqualTo("NO_SHOW");
            assertThat(session.get(path).body()).contains("已标记缺席", "缺席");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSignUpOfAnotherShiftIsNotChangedThroughThisList() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var one = fixture.publish(fixture.activity(TestClient.unique("甲 "), ActivityPageFixture.freshDay(), 3, true));
        var other = fixture.publish(fixture.activity(TestClient.unique("乙 "), ActivityPageFixture.freshDay(), 3, true));
        long signup = client.post("/api/v1/shifts/" + other.shiftId() + "/signups", fixture.volunteer().token(), null).id();
        var session = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String path = "/admin/shifts/" + one.shiftId() + "/signups";
        HttpResponse<String> wrong = session.post(path + "/" + signup + "/cancel", session.get(path).body(), Map.of(), false);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(status(signup)).isEqualTo("CONFIRMED");
    }

    private String status(long signupId) {
        return client.get("/api/v1/signups/" + signupId, client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD))
                .json().get("status").asString();
    }

    private String number(ActivityPageFixture.Volunteer volunteer) {
        return client.get("/api/v1/volunteers/" + volunteer.id(), volunteer.token()).json().get("volunteerNumber").asString();
    }
}
