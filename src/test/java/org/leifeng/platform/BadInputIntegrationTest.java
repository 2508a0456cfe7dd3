package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input is a 400 problem detail naming the field, never a 500 and never a look inside. */
@LeifengTest
class BadInputIntegrationTest {

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void setUp() {
        admin = client.adminToken();
    }

    @Test
    void missingFieldsOfANewOrganisationAreEachNamed() {
        TestClient.Answer answer = client.postRaw("/api/v1/organisations", admin, "{}");

        Problems.assertProblem(answer, 400);
        assertThat(Problems.fieldsIn(answer)).contains("name", "type", "parentId");
    }

    @Test
    void blankNameIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/organisations", admin,
                Map.of("name", "   ", "type", "AGENCY", "parentId", 1)), "name");
    }

    @Test
    void parentIdThatIsNotANumberIsNamed() {
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":\"x\",\"type\":\"AGENCY\",\"parentId\":\"abc\"}"), "parentId");
    }

    @Test
    void unknownOrganisationTypeIsNamed() {
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":\"x\",\"type\":\"NOPE\",\"parentId\":1}"), "type");
    }

    @Test
    void negativeParentIdIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/organisations", admin,
                Map.of("name", "x", "type", "AGENCY", "parentId", -3)), "parentId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "not json at all", "{\"name\":\"x\",,}", "[1,2"})
    void malformedJsonIs400Not500(String body) {
        Problems.assertProblem(client.postRaw("/api/v1/organisations", admin, body), 400);
    }

    @Test
    void emptyBodyIs400() {
        Problems.assertProblem(client.postRaw("/api/v1/organisations", admin, ""), 400);
        Problems.assertProblem(client.postRaw("/api/v1/auth/token", null, ""), 400);
    }

    @Test
    void organisationNameOf101CharactersIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/organisations", admin,
                Map.of("name", "名".repeat(101), "type", "AGENCY", "parentId", 1)), "name");
    }

    @Test
    void organisationNameOf100CharactersIsAccepted() {
        String name = TestClient.unique("长");
        TestClient.Answer answer = client.post("/api/v1/organisations", admin,
                Map.of("name", name + "名".repeat(100 - name.length()), "type", "AGENCY", "parentId", 1));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void renameTooLongOrBlankIsNamed() {
        long id = client.newOrganisation(admin, TestClient.unique("改名校验"), "AGENCY", 1);

        Problems.assertInvalidField(client.patch("/api/v1/organisations/" + id, admin, Map.of("name", "x".repeat(101))), "name");
        Problems.assertInvalidField(client.patch("/api/v1/organisations/" + id, admin, Map.of("name", "")), "name");
    }

    @Test
    void moveWithoutParentIsNamed() {
        long id = client.newOrganisation(admin, TestClient.unique("移动校验"), "AGENCY", 1);

        Problems.assertInvalidField(client.postRaw("/api/v1/organisations/" + id + "/move", admin, "{}"), "parentId");
    }

    @Test
    void usernameOf65CharactersIsNamed() {
        Problems.assertInvalidField(client.createAccount(admin, "u".repeat(65), "Long-enough-1", "VOLUNTEER", 1), "username");
    }

    @Test
    void usernameWithForbiddenCharactersIsNamed() {
        Problems.assertInvalidField(client.createAccount(admin, "bad name!", "Long-enough-1", "VOLUNTEER", 1), "username");
    }

    @Test
    void shortPasswordIsNamed() {
        Problems.assertInvalidField(client.createAccount(admin, TestClient.unique("short."), "short", "VOLUNTEER", 1), "password");
    }

    @Test
    void passwordOverBcryptsSeventyTwoBytesIsNamed() {
        String ninetyBytes = "雷锋精神".repeat(7) + "志愿服";
        Problems.assertInvalidField(client.createAccount(admin, TestClient.unique("bytes."), ninetyBytes, "VOLUNTEER", 1),
                "password");
    }

    @Test
    void signInWithOverlongPasswordIsRefusedNot500() {
        Problems.assertProblem(client.post("/api/v1/auth/token", null,
                Map.of("username", TestClient.unique("nobody."), "password", "密".repeat(60))), 401);
    }

    @Test
    void accountWithoutGrantsIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/accounts", admin, Map.of("username", TestClient.unique("nogrants."),
                "password", "Long-enough-1", "grants", List.of())), "grants");
    }

    @Test
    void accountWithUnknownRoleIsNamed() {
        TestClient.Answer answer = client.postRaw("/api/v1/accounts", admin, "{\"username\":\"" + TestClient.unique("role.")
                + "\",\"password\":\"Long-enough-1\",\"grants\":[{\"role\":\"EMPEROR\",\"organisationId\":1}]}");

        Problems.assertProblem(answer, 400);
        assertThat(Problems.fieldsIn(answer)).anySatisfy(field -> assertThat(field).contains("role"));
    }

    @Test
    void grantWithoutOrganisationIsNamed() {
        Map<String, Object> grant = new HashMap<>();
        grant.put("role", "VOLUNTEER");
        TestClient.Answer answer = client.post("/api/v1/accounts", admin, Map.of("username", TestClient.unique("grant."),
                "password", "Long-enough-1", "grants", List.of(grant)));

        Problems.assertProblem(answer, 400);
        assertThat(Problems.fieldsIn(answer)).anySatisfy(field -> assertThat(field).contains("organisationId"));
    }

    @Test
    void tokenRequestWithoutPasswordIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/auth/token", null, Map.of("username", "admin")), "password");
    }

    @Test
    void tokenRequestWithOversizeUsernameIsNamed() {
        Problems.assertInvalidField(client.post("/api/v1/auth/token", null,
                Map.of("username", "u".repeat(65), "password", "whatever-1")), "username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=1000", "size=201", "page=-1"})
    void pageOutOfRangeIsNamed(String query) {
        String field = query.substring(0, query.indexOf('='));
        Problems.assertInvalidField(client.get("/api/v1/organisations/1/children?" + query, admin), field);
        Problems.assertInvalidField(client.get("/api/v1/organisations?" + query, admin), field);
        Problems.assertInvalidField(client.get("/api/v1/accounts?" + query, admin), field);
        Problems.assertInvalidField(client.get("/api/v1/audit?" + query, admin), field);
    }

    @Test
    void pageSizeThatIsNotANumberIsNamed() {
        Problems.assertInvalidField(client.get("/api/v1/organisations/1/children?size=abc", admin), "size");
    }

    @Test
    void pathIdThatIsNotANumberIs400() {
        Problems.assertProblem(client.get("/api/v1/organisations/abc", admin), 400);
    }

    @Test
    void pathIdThatIsNotPositiveIsNamed() {
        Problems.assertInvalidField(client.get("/api/v1/organisations/0", admin), "id");
        Problems.assertInvalidField(client.get("/api/v1/organisations/-5/children", admin), "id");
        Problems.assertInvalidField(client.get("/api/v1/accounts/0", admin), "id");
    }

    @Test
    void revokeWithNonPositiveOrganisationIsNamed() {
        Problems.assertInvalidField(client.delete("/api/v1/accounts/1/grants?role=VOLUNTEER&organisationId=0", admin),
                "organisationId");
    }

    @Test
    void overlongParametersOfAccountAndAuditSearchesAreNamed() {
        Problems.assertInvalidField(client.get("/api/v1/accounts?q=" + "x".repeat(65), admin), "q");
        Problems.assertInvalidField(client.get("/api/v1/audit?action=" + "x".repeat(121), admin), "action");
    }

    @Test
    void searchTypeThatDoesNotExistIsNamed() {
        Problems.assertInvalidField(client.get("/api/v1/organisations?type=NOPE", admin), "type");
    }

    @Test
    void searchFragmentOver100CharactersIsNamed() {
        Problems.assertInvalidField(client.get("/api/v1/organisations?q=" + "x".repeat(101), admin), "q");
    }

    @Test
    void tooShortNewPasswordIsNamed() {
        String username = TestClient.unique("pwcheck.");
        client.newAccount(admin, username, "Long-enough-1", "VOLUNTEER", 1);
        String token = client.tokenFor(username, "Long-enough-1");

        Problems.assertInvalidField(client.put("/api/v1/me/password", token,
                Map.of("currentPassword", "Long-enough-1", "newPassword", "short")), "newPassword");
        assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void revokeWithoutRoleIsNamed() {
        Problems.assertInvalidField(client.delete("/api/v1/accounts/1/grants?organisationId=1", admin), "role");
    }
    // ---- control characters, strict JSON, merge patches

    @Test
    void aNulByteInTheUsernameOfATokenRequestIsNamedAuditedAndLogsNoStackTrace() throws IOException {
        long auditedBefore = auditedTokenRequests();
        long logBefore = suiteLogLength();

        TestClient.Answer answer = client.postRaw("/api/v1/auth/token", null,
                "{\"username\":\"admin\\u0000' OR 1=1 --\",\"password\":\"Leifeng-demo-2026\"}");

        Problems.assertInvalidField(answer, "username");
        assertThat(auditedTokenRequests()).as("the refused request is audited").isEqualTo(auditedBefore + 1);
        assertThat(suiteLogSince(logBefore)).doesNotContain("\tat ", "PSQLException", "invalid byte sequence");
    }

    @Test
    void controlCharactersInTextAreNamedWhereverTheyCome() {
        Problems.assertInvalidField(client.post("/api/v1/organisations", admin,
                Map.of("name", "响铃\u0007单位", "type", "AGENCY", "parentId", 1)), "name");
        Problems.assertInvalidField(client.post("/api/v1/organisations", admin,
                Map.of("name", "单位\u0085", "type", "AGENCY", "parentId", 1)), "name");
        Problems.assertInvalidField(client.get("/api/v1/organisations?q=%00", admin), "q");
        Problems.assertInvalidField(client.get("/api/v1/accounts?q=a%1Bb", admin), "q");
        assertThat(client.get("/api/v1/public/certificates/LF%07X", null).status()).isEqualTo(400);
    }

    @Test
    void jsonIsReadStrictlyAndEachRefusalNamesItsField() {
        long volunteer = jdbc.sql("SELECT min(id) FROM volunteer WHERE status = 'ACTIVE'").query(Long.class).single();
        long shift = jdbc.sql("SELECT min(id) FROM shift").query(Long.class).single();
        long activity = jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shift)
                .query(Long.class).single();
        String insuredBefore = insuredUntil(volunteer);

        Problems.assertInvalidField(client.postRaw("/api/v1/shifts/" + shift + "/signups", admin,
                "{\"volunteerId\":" + volunteer + ".5}"), "volunteerId");
        Problems.assertInvalidField(client.put("/api/v1/volunteers/" + volunteer + "/insurance", admin,
                Map.of("insuredUntil", 123)), "insuredUntil");
        Problems.assertInvalidField(client.postRaw("/api/v1/activities/" + activity + "/series", admin,
                "{\"rrule\":\"FREQ=WEEKLY\",\"startTime\":[1,2],\"durationMinutes\":60,\"capacity\":5}"), "startTime");
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":12345,\"type\":\"AGENCY\",\"parentId\":1}"), "name");
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":true,\"type\":\"AGENCY\",\"parentId\":1}"), "name");
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":\"x\",\"type\":\"AGENCY\",\"parentId\":\"1\"}"), "parentId");
        Problems.assertInvalidField(client.postRaw("/api/v1/organisations", admin,
                "{\"name\":\"甲\",\"type\":\"AGENCY\",\"name\":\"乙\",\"parentId\":1}"), "name");
        Problems.assertInvalidField(client.postRaw("/api/v1/accounts", admin, "{\"username\":\"" + TestClient.unique("dup.")
                + "\",\"password\":\"Long-enough-1\",\"grants\":[{\"role\":\"VOLUNTEER\",\"organisationId\":1,"
                + "\"organisationId\":2}]}"), "grants[0].organisationId");
        assertThat(insuredUntil(volunteer)).as("nothing written").isEqualTo(insuredBefore);
    }

    @Test
    void patchingAnActivityChangesOnlyWhatItIsSent() {
        long organisation = client.organisationId("龙亭区", admin);
        TestClient.Answer created = client.post("/api/v1/activities", admin, activity(organisation));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/activities/" + created.id();

        TestClient.Answer described = patch(path, "application/merge-patch+json", "{\"description\":\"改在北门集合\"}");
        TestClient.Answer cleared = patch(path, "application/json", "{\"contact\":null,\"maxAge\":null}");

        assertThat(described.status()).as(described.body()).isEqualTo(200);
        JsonNode after = cleared.json();
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(after.get("description").asString()).isEqualTo("改在北门集合");
        assertThat(after.get("title").asString()).isEqualTo(created.json().get("title").asString());
        assertThat(after.get("category").asString()).isEqualTo("ELDERLY");
        assertThat(after.get("place").get("address").asString()).isEqualTo("开封市龙亭区北书店街 12 号");
        assertThat(after.get("minAge").asInt()).isEqualTo(16);
        assertThat(after.get("requiredSkills").get(0).asString()).isEqualTo("FIRST_AID");
        assertThat(after.get("approval").asString()).isEqualTo("MANUAL");
        assertThat(after.get("waitlist").asBoolean()).isFalse();
        assertThat(after.has("maxAge")).as("an explicit null clears").isFalse();
        assertThat(after.has("contact")).isFalse();
        Problems.assertInvalidField(patch(path, "application/merge-patch+json", "{\"title\":null}"), "title");
        Problems.assertInvalidField(patch(path, "application/merge-patch+json", "{\"place\":{\"radiusMeters\":\"300\"}}"),
                "place.radiusMeters");
        assertThat(client.get(path, admin).json().get("title").asString()).isEqualTo(created.json().get("title").asString());
    }

    @Test
    void everyPatchChangesOnlyWhatItIsSent() {
        long organisation = client.newOrganisation(admin, TestClient.unique("合并补丁"), "AGENCY", 1);
        long leader = client.newAccount(admin, TestClient.unique("patch.leader."), "Long-enough-1", "VOLUNTEER",
                organisation);
        TestClient.Answer team = client.post("/api/v1/teams", admin, Map.of("organisationId", organisation,
                "name", TestClient.unique("补丁服务队"), "description", "每周六活动", "leaderAccountId", leader));
        assertThat(team.status()).as(team.body()).isEqualTo(201);

        TestClient.Answer renamed = patch("/api/v1/teams/" + team.id(), "application/merge-patch+json",
                "{\"name\":\"" + TestClient.unique("新队名") + "\"}");
        TestClient.Answer cleared = patch("/api/v1/teams/" + team.id(), "application/json", "{\"description\":null}");
        TestClient.Answer unchanged = patch("/api/v1/organisations/" + organisation, "application/json", "{}");

        assertThat(renamed.json().get("description").asString()).isEqualTo("每周六活动");
        assertThat(cleared.json().get("name").asString()).isEqualTo(renamed.json().get("name").asString());
        assertThat(cleared.json().has("description")).isFalse();
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        Problems.assertInvalidField(patch("/api/v1/teams/" + team.id(), "application/json", "{\"name\":null}"), "name");
        Problems.assertInvalidField(patch("/api/v1/organisations/" + organisation, "application/json",
                "{\"name\":null}"), "name");
    }

    private TestClient.Answer patch(String path, String contentType, String body) {
        return client.send(client.request(path, admin).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, Object> activity(long organisation) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("title", TestClient.unique("重阳敬老"));
        body.put("category", "ELDERLY");
        body.put("organisationId", organisation);
        body.put("description", "陪老人聊天");
        body.put("place", Map.of("address", "开封市龙亭区北书店街 12 号", "lat", 34.80, "lon", 114.35, "radiusMeters", 300));
        body.put("minAge", 16);
        body.put("maxAge", 70);
        body.put("requiredSkills", List.of("FIRST_AID"));
        body.put("approval", "MANUAL");
        body.put("waitlist", false);
        body.put("contact", Map.of("name", "王老师", "phone", "0371-2345678"));
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", 10)));
        return body;
    }

    private String insuredUntil(long volunteer) {
        return jdbc.sql("SELECT CAST(insured_until AS TEXT) FROM volunteer WHERE id = :id").param("id", volunteer)
                .query((row, number) -> String.valueOf(row.getString(1))).single();
    }

    private long auditedTokenRequests() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('auth.token', 'POST /api/v1/auth/token')")
                .query(Long.class).single();
    }

    private static long suiteLogLength() throws IOException {
        try (RandomAccessFile log = new RandomAccessFile("target/test-logs/suite.log", "r")) {
            return log.length();
        }
    }

    private static String suiteLogSince(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile("target/test-logs/suite.log", "r")) {
            byte[] added = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }
}
