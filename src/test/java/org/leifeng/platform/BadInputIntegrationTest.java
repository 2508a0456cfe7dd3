package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Bad input is a 400 problem detail naming the field, never a 500 and never a look inside. */
@LeifengTest
class BadInputIntegrationTest {

    @Autowired
    TestClient client;

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
}
