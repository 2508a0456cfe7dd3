package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LeifengTest
class AccountGrantsIntegrationTest {

    private static final String PASSWORD = "Grants-test-pass-1";

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void revokingTheLastCityAdministratorIsRefusedWith422() {
        String admin = client.adminToken();
        long adminId = client.get("/api/v1/me", admin).json().get("id").asLong();
        long cityAdmins = jdbc.sql("SELECT count(*) FROM role_grant WHERE role = 'ORG_ADMIN' AND organisation_id = 1")
                .query(Long.class).single();
        assertThat(cityAdmins).as("this test needs admin to be the only city administrator").isEqualTo(1);
        try {
            Problems.assertProblem(client.delete("/api/v1/accounts/" + adminId + "/grants?role=ORG_ADMIN&organisationId=1",
                    admin), 422);
        } finally {
            // Should the rule ever break, give the city its administrator back so the other tests still run.
            jdbc.sql("""
                    INSERT INTO role_grant (account_id, role, organisation_id) VALUES (:id, 'ORG_ADMIN', 1)
                    ON CONFLICT ON CONSTRAINT role_grant_once DO NOTHING""").param("id", adminId).update();
        }
        assertThat(client.get("/api/v1/organisations/1", admin).status()).isEqualTo(200);
    }

    @Test
    void revokingAGrantTheAccountDoesNotHoldIs404() {
        String admin = client.adminToken();
        long account = client.newAccount(admin, TestClient.unique("nogrant."), PASSWORD, "VOLUNTEER", 1);

        Problems.assertProblem(client.delete("/api/v1/accounts/" + account + "/grants?role=REVIEWER&organisationId=1",
                admin), 404);
    }

    @Test
    void grantingTheSameRoleTwiceKeepsOneGrant() {
        String admin = client.adminToken();
        long account = client.newAccount(admin, TestClient.unique("twice."), PASSWORD, "VOLUNTEER", 1);

        client.post("/api/v1/accounts/" + account + "/grants", admin, Map.of("role", "VOLUNTEER", "organisationId", 1));
        TestClient.Answer again = client.post("/api/v1/accounts/" + account + "/grants", admin,
                Map.of("role", "VOLUNTEER", "organisationId", 1));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("grants")).hasSize(1);
    }

    @Test
    void grantTakesEffectOnTheNextRequest() {
        String admin = client.adminToken();
        long longtingId = client.organisationId("龙亭区", admin);
        String username = TestClient.unique("promoted.");
        long account = client.newAccount(admin, username, PASSWORD, "VOLUNTEER", longtingId);
        String token = client.tokenFor(username, PASSWORD);
        Problems.assertProblem(client.createOrganisation(token, TestClient.unique("升级前"), "AGENCY", longtingId), 403);

        client.post("/api/v1/accounts/" + account + "/grants", admin, Map.of("role", "ORG_ADMIN", "organisationId", longtingId));

        assertThat(client.createOrganisation(token, TestClient.unique("升级后"), "AGENCY", longtingId).status()).isEqualTo(201);
        assertThat(client.get("/api/v1/me", token).json().get("grants")).hasSize(2);

        client.delete("/api/v1/accounts/" + account + "/grants?role=ORG_ADMIN&organisationId=" + longtingId, admin);

        Problems.assertProblem(client.createOrganisation(token, TestClient.unique("降级后"), "AGENCY", longtingId), 403);
    }

    @Test
    void accountListIsScopedToTheAdministratorsSubtree() {
        String admin = client.adminToken();
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        String marker = TestClient.unique("listed.");
        client.newAccount(admin, marker + ".lt", PASSWORD, "VOLUNTEER", client.organisationId("北书店街道", admin));
        client.newAccount(admin, marker + ".gl", PASSWORD, "VOLUNTEER", client.organisationId("相国寺街道", admin));

        assertThat(usernames(client.get("/api/v1/accounts?size=200&q=" + marker, longting)))
                .containsExactly(marker + ".lt");
        assertThat(usernames(client.get("/api/v1/accounts?size=200&q=" + marker, admin)))
                .containsExactlyInAnyOrder(marker + ".lt", marker + ".gl");
    }

    @Test
    void anAccountSeesItselfButNotOthers() {
        String admin = client.adminToken();
        String username = TestClient.unique("self.");
        long own = client.newAccount(admin, username, PASSWORD, "VOLUNTEER", 1);
        long other = client.newAccount(admin, TestClient.unique("other."), PASSWORD, "VOLUNTEER", 1);
        String token = client.tokenFor(username, PASSWORD);

        assertThat(client.get("/api/v1/accounts/" + own, token).status()).isEqualTo(200);
        Problems.assertProblem(client.get("/api/v1/accounts/" + other, token), 404);
    }

    @Test
    void accountAnswersNeverCarryThePasswordHash() {
        String admin = client.adminToken();
        TestClient.Answer created = client.createAccount(admin, TestClient.unique("nohash."), PASSWORD, "VOLUNTEER", 1);

        assertThat(created.body()).doesNotContain("$2a$", "$2b$", "password");
        assertThat(client.get("/api/v1/accounts/" + created.id(), admin).body()).doesNotContain("$2a$", "$2b$", "password");
    }

    private static List<String> usernames(TestClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().get("items").forEach(item -> names.add(item.get("username").asString()));
        return names;
    }
}
