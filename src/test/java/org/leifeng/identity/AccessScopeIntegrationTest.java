package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A district administrator acts within their district only: outside it is 404, within it but without the role 403. */
@LeifengTest
class AccessScopeIntegrationTest {

    private static final String PASSWORD = "Scope-test-pass-1";

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;

    String admin;
    String longting;
    long longtingId;
    String longtingPath;
    long gulouId;
    long gulouSchoolId;

    @BeforeEach
    void setUp() {
        admin = client.adminToken();
        longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        longtingId = client.organisationId("龙亭区", admin);
        longtingPath = client.get("/api/v1/organisations/" + longtingId, admin).json().get("path").asString();
        gulouId = client.organisationId("鼓楼区", admin);
        gulouSchoolId = client.organisationId("鼓楼区第二实验小学", admin);
    }

    @Test
    void districtAdminGets404ForAnotherDistrictsUnit() {
        Problems.assertProblem(client.get("/api/v1/organisations/" + gulouSchoolId, longting), 404);
        Problems.assertProblem(client.get("/api/v1/organisations/" + gulouId, longting), 404);
        Problems.assertProblem(client.get("/api/v1/organisations/" + gulouId + "/children", longting), 404);
    }

    @Test
    void districtAdminGets404ForTheCityAbove() {
        Problems.assertProblem(client.get("/api/v1/organisations/1", longting), 404);
    }

    @Test
    void notFoundOutsideScopeLooksLikeNotFoundAtAll() {
        TestClient.Answer hidden = client.get("/api/v1/organisations/" + gulouSchoolId, longting);
        TestClient.Answer missing = client.get("/api/v1/organisations/999999999", longting);

        Problems.assertProblem(hidden, 404);
        Problems.assertProblem(missing, 404);
        assertThat(hidden.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        assertThat(hidden.body()).doesNotContain("鼓楼");
    }

    @Test
    void districtAdminSeesOwnDistrictAndItsChildren() {
        assertThat(client.get("/api/v1/organisations/" + longtingId, longting).status()).isEqualTo(200);
        TestClient.Answer children = client.get("/api/v1/organisations/" + longtingId + "/children?size=200", longting);
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.json().get("total").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void districtAdminCannotCreateUnderAnotherDistrict() {
        String name = TestClient.unique("越权单位");

        Problems.assertProblem(client.createOrganisation(longting, name, "AGENCY", gulouId), 404);

        assertThat(client.get("/api/v1/organisations?q=" + TestClient.encode(name), admin).json().get("total").asLong())
                .isZero();
    }

    @Test
    void districtAdminCanCreateUnderOwnDistrict() {
        TestClient.Answer created = client.createOrganisation(longting, TestClient.unique("龙亭测试单位"), "AGENCY", longtingId);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("path").asString()).startsWith(longtingPath);
    }

    @Test
    void districtAdminCannotGrantCityWideRights() {
        String username = TestClient.unique("citywide.");

        TestClient.Answer refused = client.createAccount(longting, username, PASSWORD, "ORG_ADMIN", 1);

        assertThat(refused.status()).isIn(403, 404);
        Problems.assertProblem(refused, refused.status());
        Problems.assertProblem(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD)), 401);
        assertThat(client.createAccount(admin, username, PASSWORD, "VOLUNTEER", longtingId).status())
                .as("the refused request created nothing, so the username is still free").isEqualTo(201);
    }

    @Test
    void districtAdminCannotSmuggleAForeignGrantBehindAnOwnOne() {
        String username = TestClient.unique("smuggle.");

        TestClient.Answer refused = client.post("/api/v1/accounts", longting, Map.of("username", username,
                "password", PASSWORD, "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", longtingId),
                        Map.of("role", "ORG_ADMIN", "organisationId", gulouId))));

        Problems.assertProblem(refused, 404);
        assertThat(client.createAccount(admin, username, PASSWORD, "VOLUNTEER", longtingId).status()).isEqualTo(201);
    }

    @Test
    void districtAdminCanCreateAccountWithGrantInsideOwnDistrict() {
        long street = client.organisationId("北书店街道", admin);
        String username = TestClient.unique("street.");

        TestClient.Answer created = client.createAccount(longting, username, PASSWORD, "TEAM_LEADER", street);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(username);
        assertThat(created.json().get("grants").get(0).get("role").asString()).isEqualTo("TEAM_LEADER");
        assertThat(created.json().get("grants").get(0).get("organisationId").asLong()).isEqualTo(street);
        assertThat(client.get("/api/v1/accounts/" + created.id(), longting).status()).isEqualTo(200);
        assertThat(client.tokenFor(username, PASSWORD)).hasSize(43);
    }

    @Test
    void districtAdminGets404ForAccountsOfAnotherDistrict() {
        long gulouAccount = client.newAccount(admin, TestClient.unique("gulou.member."), PASSWORD, "VOLUNTEER", gulouId);

        Problems.assertProblem(client.get("/api/v1/accounts/" + gulouAccount, longting), 404);
        Problems.assertProblem(client.post("/api/v1/accounts/" + gulouAccount + "/grants", longting,
                Map.of("role", "VOLUNTEER", "organisationId", longtingId)), 404);
    }

    @Test
    void districtAdminCannotGrantOverAnotherDistrict() {
        long account = client.newAccount(longting, TestClient.unique("grantee."), PASSWORD, "VOLUNTEER", longtingId);

        Problems.assertProblem(client.post("/api/v1/accounts/" + account + "/grants", longting,
                Map.of("role", "ORG_ADMIN", "organisationId", gulouId)), 404);

        JsonNode grants = client.get("/api/v1/accounts/" + account, admin).json().get("grants");
        assertThat(grants).hasSize(1);
    }

    @Test
    void grantAndRevokeWithinOwnDistrict() {
        long street = client.organisationId("大院街道", admin);
        long account = client.newAccount(longting, TestClient.unique("grants."), PASSWORD, "VOLUNTEER", longtingId);

        TestClient.Answer granted = client.post("/api/v1/accounts/" + account + "/grants", longting,
                Map.of("role", "REVIEWER", "organisationId", street));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().get("grants")).hasSize(2);

        TestClient.Answer revoked = client.delete("/api/v1/accounts/" + account + "/grants?role=REVIEWER&organisationId="
                + street, longting);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("grants")).hasSize(1);
        assertThat(revoked.json().get("grants").get(0).get("role").asString()).isEqualTo("VOLUNTEER");
    }

    @Test
    void volunteerWithinDistrictGets403WhenCreatingAnOrganisation() {
        String username = TestClient.unique("volunteer.");
        client.newAccount(admin, username, PASSWORD, "VOLUNTEER", longtingId);
        String volunteer = client.tokenFor(username, PASSWORD);

        Problems.assertProblem(client.createOrganisation(volunteer, TestClient.unique("志愿者建的"), "AGENCY", longtingId), 403);
        Problems.assertProblem(client.createOrganisation(volunteer, TestClient.unique("志愿者建的"), "AGENCY", gulouId), 404);
        assertThat(client.get("/api/v1/organisations/" + longtingId, volunteer).status()).isEqualTo(200);
    }

    @Test
    void volunteerCannotCreateAccountsOrReadTheAuditLog() {
        String username = TestClient.unique("volunteer.");
        client.newAccount(admin, username, PASSWORD, "VOLUNTEER", longtingId);
        String volunteer = client.tokenFor(username, PASSWORD);

        Problems.assertProblem(client.createAccount(volunteer, TestClient.unique("made.by.volunteer."), PASSWORD,
                "VOLUNTEER", longtingId), 403);
        Problems.assertProblem(client.get("/api/v1/audit", volunteer), 403);
    }

    @Test
    void searchByDistrictAdminNeverReturnsOrganisationsOutsideTheDistrict() {
        for (String fragment : List.of("", "街道", "小学", "新时代文明实践", "鼓楼")) {
            TestClient.Answer found = client.get("/api/v1/organisations?size=200&q=" + TestClient.encode(fragment), longting);
            assertThat(found.status()).isEqualTo(200);
            for (JsonNode item : found.json().get("items")) {
                assertThat(item.get("path").asString()).as("%s for q=%s", item.get("name").asString(), fragment)
                        .startsWith(longtingPath);
            }
        }
        assertThat(names(client.get("/api/v1/organisations?size=200&q=" + TestClient.encode("实验小学"), longting)))
                .contains("龙亭区实验小学").doesNotContain("鼓楼区第二实验小学");
        assertThat(client.get("/api/v1/organisations?q=" + TestClient.encode("鼓楼"), longting).json().get("total").asLong())
                .isZero();
    }

    @Test
    void cityAdminSeesEverything() {
        assertThat(names(client.get("/api/v1/organisations?size=200&q=" + TestClient.encode("实验小学"), admin)))
                .contains("龙亭区实验小学", "鼓楼区第二实验小学");
        assertThat(client.get("/api/v1/organisations/" + gulouSchoolId, admin).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/organisations/1", admin).status()).isEqualTo(200);
        TestClient.Answer districts = client.get("/api/v1/organisations?size=200&type=DISTRICT", admin);
        assertThat(names(districts)).contains("龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区", "杞县", "通许县",
                "尉氏县", "兰考县");
    }

    @Test
    void districtAdminCannotSignUpAnotherDistrictsVolunteerAndLearnsNothingOfThem() {
        long shift = longtingShiftStartingIn(Duration.ofDays(30));
        Registered outsider = volunteerOf(gulouId, "鼓楼区外人");

        TestClient.Answer refused = client.post("/api/v1/shifts/" + shift + "/signups", longting,
                Map.of("volunteerId", outsider.id()));
        TestClient.Answer missing = client.post("/api/v1/shifts/" + shift + "/signups", longting,
                Map.of("volunteerId", 999_999_999L));

        Problems.assertProblem(refused, 404);
        Problems.assertProblem(missing, 404);
        assertThat(refused.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        assertThat(refused.body()).doesNotContain("鼓楼区外人", outsider.number());
        assertThat(signupsOf(outsider.id())).as("nothing written").isZero();
        assertThat(client.get("/api/v1/shifts/" + shift + "/signups", longting).body())
                .doesNotContain("鼓楼区外人", outsider.number());
    }

    @Test
    void districtAdminSignsUpTheirOwnDistrictsVolunteersAndMembersOfTheirTeamsFromElsewhere() {
        long shift = longtingShiftStartingIn(Duration.ofDays(31));
        Registered own = volunteerOf(client.organisationId("北书店街道", admin), "龙亭区志愿者");
        Registered member = volunteerOf(gulouId, "鼓楼区队员");
        long leader = client.newAccount(admin, TestClient.unique("scope.leader."), PASSWORD, "VOLUNTEER", longtingId);
        TestClient.Answer team = client.post("/api/v1/teams", longting, Map.of("organisationId", longtingId,
                "name", TestClient.unique("龙亭区跨区服务队"), "description", "队员来自各区", "leaderAccountId", leader));
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        assertThat(client.post("/api/v1/teams/join", member.token(),
                Map.of("inviteCode", team.json().get("inviteCode").asString())).status()).isIn(200, 201);

        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", longting, Map.of("volunteerId", own.id()))
                .status()).isEqualTo(201);
        assertThat(client.post("/api/v1/shifts/" + shift + "/signups", longting, Map.of("volunteerId", member.id()))
                .status()).isEqualTo(201);
    }

    @Test
    void kioskAnswersAnotherDistrictsVolunteerNumberAsUnknownAndWritesNothing() {
        long shift = longtingShiftStartingIn(Duration.ofMinutes(10));
        assertThat(client.put("/api/v1/shifts/" + shift + "/attendance-options", longting, Map.of("walkIns", true))
                .status()).isEqualTo(200);
        Registered outsider = volunteerOf(gulouId, "鼓楼区路人");

        TestClient.Answer checkIn = kiosk(shift, outsider.number(), "CHECK_IN");
        TestClient.Answer checkOut = kiosk(shift, outsider.number(), "CHECK_OUT");
        TestClient.Answer unknown = kiosk(shift, "41029999999999", "CHECK_IN");

        Problems.assertProblem(checkIn, 400);
        Problems.assertProblem(checkOut, 400);
        assertThat(checkIn.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
        assertThat(checkOut.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
        assertThat(checkIn.body()).doesNotContain("鼓楼区路人");
        assertThat(signupsOf(outsider.id())).as("no walk-in sign-up").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE volunteer_id = :v").param("v", outsider.id())
                .query(Long.class).single()).isZero();
    }

    private TestClient.Answer kiosk(long shift, String number, String action) {
        return client.post("/api/v1/shifts/" + shift + "/attendance", longting,
                Map.of("volunteerNumber", number, "action", action));
    }

    private long signupsOf(long volunteerId) {
        return jdbc.sql("SELECT count(*) FROM signup WHERE volunteer_id = :v").param("v", volunteerId)
                .query(Long.class).single();
    }

    /** A published activity of 龙亭区 whose one 2-hour shift starts {@code in} from now; answers the shift's id. */
    private long longtingShiftStartingIn(Duration in) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(in).withSecond(0).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "范围测试 " + TestClient.unique(""));
        body.put("category", "COMMUNITY");
        body.put("organisationId", longtingId);
        body.put("description", "只招本区和本队的志愿者");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", 34.80, "lon", 114.35, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", true);
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", 10)));
        TestClient.Answer created = client.post("/api/v1/activities", longting, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", longting, null).status())
                .isEqualTo(200);
        return created.json().get("shifts").get(0).get("id").asLong();
    }

    private Registered volunteerOf(long organisationId, String name) {
        String phone = TestClient.uniquePhone();
        Map<String, Object> body = People.registration(People.adultId(), phone);
        body.put("organisationId", organisationId);
        body.put("name", name);
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Registered(registered.id(), registered.json().get("volunteerNumber").asString(),
                client.tokenFor(phone, "volunteer-pass-1"));
    }

    private record Registered(long id, String number, String token) {
    }

    private static List<String> names(TestClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
